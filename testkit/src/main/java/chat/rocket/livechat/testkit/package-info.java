/**
 * What the services' handler tests share, test scope only (no product jar contains it): an in-memory store on a free
 * port with its Vert.x ({@link chat.rocket.livechat.testkit.MemoryStore}), the life cycle of a handler test class
 * ({@link chat.rocket.livechat.testkit.HandlerTest}), the base of the handler fixtures with an
 * outbox that records events instead of sending them ({@link chat.rocket.livechat.testkit.HandlerFixture}), and the
 * await of a Future with a deadline ({@link chat.rocket.livechat.testkit.FutureAwait}), and a DDP websocket client that
 * records what the gateway sends ({@link chat.rocket.livechat.testkit.DdpClient}).
 */
package chat.rocket.livechat.testkit;
