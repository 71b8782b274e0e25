/**
 * Transport of commands: {@code KafkaRequester} sends a command with its correlation id and reply address and
 * completes the waiting request when the reply comes back on this instance's reply partition (or times out);
 * {@code CommandSender} is what the HTTP layer sees of it. Transport only: nothing here imports vertx-web; the HTTP
 * layer learns each command's correlation id through a listener and logs it.
 */
package chat.rocket.livechat.gateway.messaging;
