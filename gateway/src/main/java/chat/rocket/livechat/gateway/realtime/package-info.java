/**
 * Realtime over DDP (DESIGN.md, Conversation and realtime): the Meteor DDP v1 server at {@code /websocket} on the
 * gateway's HTTP port (plain JSON text frames, no SockJS), the room streams Rocket.Chat publishes to the Livechat
 * widget ({@code stream-room-messages}, {@code stream-notify-room}, {@code stream-livechat-room}), the methods the
 * widget and {@code @rocket.chat/ddp-client} call, and the fan-out: one Kafka consumer per gateway process reads the
 * room events and the ephemeral room activity from the latest offset and pushes them to the sockets of this process
 * subscribed to the room. Nothing realtime is shared between gateway processes except through Kafka.
 *
 * <ul>
 *   <li>{@code DdpServer} (one per HTTP verticle): the websocket upgrade, the connection limit, the heartbeat.</li>
 *   <li>{@code DdpSocket} (transport: frames, size limit, JSON) and {@code DdpSession} (the protocol state machine),
 *       with {@code DdpMethods} and {@code RoomStreams} (subscriptions and their one-time authorization through
 *       command {@code room.check-access}); {@code Ddp} and {@code MeteorError} write the frames.</li>
 *   <li>{@code RealtimeHub} (one per process): subscriptions by {@code rid} and the connection count;
 *       {@code FanOutVerticle} (one per process): the consumer; {@code StreamEvents} and {@code Ejson}: events to
 *       stream frames.</li>
 * </ul>
 */
package chat.rocket.livechat.gateway.realtime;
