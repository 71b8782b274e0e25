/**
 * The in-JVM infrastructure, in one place. {@link chat.rocket.livechat.embedded.EmbeddedKafka} (a KRaft broker from
 * Kafka's own artifacts) and {@link chat.rocket.livechat.embedded.EmbeddedMongo} (mongo-java-server, H2 file or
 * memory) are the standalone's broker and store and the tests' real ones. {@link
 * chat.rocket.livechat.embedded.MemoryStore}, {@link chat.rocket.livechat.embedded.HandlerFixture} and {@link
 * chat.rocket.livechat.embedded.FutureAwait} are what the services' handler tests share. Only the standalone has this
 * module at compile scope; gateway, room-service and visitor-service have it at test scope, so their jars contain
 * neither a broker nor a store.
 */
package chat.rocket.livechat.embedded;
