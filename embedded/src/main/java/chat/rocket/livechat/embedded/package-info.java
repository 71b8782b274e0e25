/**
 * The in-JVM infrastructure, in one place: {@link chat.rocket.livechat.embedded.EmbeddedKafka} (a KRaft broker from
 * Kafka's own artifacts) and {@link chat.rocket.livechat.embedded.EmbeddedMongo} (mongo-java-server, H2 file or
 * memory), the standalone's broker and store and the tests' real ones. Only the standalone has this module at compile
 * scope; the other modules reach it at test scope (directly or through {@code testkit}), so their jars contain neither
 * a broker nor a store.
 */
package chat.rocket.livechat.embedded;
