/**
 * The embedded default: a KRaft Kafka broker and a MongoDB-wire store (mongo-java-server, H2 file) in one JVM with
 * every verticle of the gateway and the services.
 */
package chat.rocket.livechat.standalone;
