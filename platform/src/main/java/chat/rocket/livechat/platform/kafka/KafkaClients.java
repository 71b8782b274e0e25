package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka client settings chosen for request/reply latency (DESIGN.md, Latency settings that matter): producers with
 * {@code linger.ms=0}, {@code acks=all} and idempotence; consumers with a long {@code fetch.max.wait.ms} and
 * auto-commit off. Keys are strings, values Vert.x {@code Buffer}s (JSON).
 */
public final class KafkaClients {

  /**
   * Upper bound of a broker-side fetch wait when no data is ready, in ms. A fetch returns as soon as one record is
   * there ({@code fetch.min.bytes} 1), so a long wait costs no latency and spares idle consumers a fetch every few ms
   * (bench/results.md, Issue 12, step 1: 10 ms measured against 500 ms).
   */
  static final String FETCH_MAX_WAIT_MS = "500";
  /**
   * How long a silent group member keeps its partitions, in ms: a killed service instance's partitions move to the
   * others after this (Kafka's default is 45 s, the broker's minimum 6 s).
   */
  static final String SESSION_TIMEOUT_MS = "10000";
  /**
   * How long the producer keeps a topic's metadata after its last send, in ms (Kafka's default, set here because
   * {@link RecordSender} counts on it: a send to a topic the producer forgot waits for its metadata).
   */
  static final String METADATA_MAX_IDLE_MS = "300000";
  /** Heartbeat interval of group members, in ms (a third of the session timeout). */
  static final String HEARTBEAT_INTERVAL_MS = "3000";

  private KafkaClients() {
  }

  /**
   * The process's one Kafka producer (thread-safe), shared by every verticle that sends: one network thread and one
   * connection set instead of one per verticle instance, which counts on a 2-core machine. Each user closes its
   * handle; the native producer closes with the last one.
   *
   * @return a handle on the shared producer with the settings of {@link #producer(JsonObject)}
   */
  public static io.vertx.kafka.client.producer.KafkaProducer<String, io.vertx.core.buffer.Buffer> sharedProducer(
      io.vertx.core.Vertx vertx, JsonObject config) {
    return io.vertx.kafka.client.producer.KafkaProducer.createShared(vertx, "livechat-producer", producer(config));
  }

  /** @return producer settings for {@link ConfigKey#KAFKA_BOOTSTRAP_SERVERS} */
  public static Map<String, String> producer(JsonObject config) {
    Map<String, String> settings = common(config);
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
        io.vertx.kafka.client.serialization.BufferSerializer.class.getName());
    settings.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
    settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
    settings.put(ProducerConfig.METADATA_MAX_IDLE_CONFIG, METADATA_MAX_IDLE_MS);
    return settings;
  }

  /**
   * Settings of a consumer-group member that commits offsets itself after the work is done. One poll returns at most
   * {@link ConfigKey#CONSUMER_MAX_IN_FLIGHT} records ({@code max.poll.records}; Kafka's default is 500), so that a
   * poll after a pause cannot put more work in flight than the member's bound at once.
   *
   * @param groupId the consumer group ({@link chat.rocket.livechat.contracts.ConsumerGroups})
   */
  public static Map<String, String> groupConsumer(JsonObject config, String groupId) {
    Map<String, String> settings = consumer(config);
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    settings.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
    settings.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
    settings.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, HEARTBEAT_INTERVAL_MS);
    settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
        Integer.toString(Math.max(1, ConfigKey.CONSUMER_MAX_IN_FLIGHT.getInt(config))));
    return settings;
  }

  /** @return settings of a consumer without group that is assigned its partitions (the gateway's reply consumer) */
  public static Map<String, String> assignedConsumer(JsonObject config) {
    Map<String, String> settings = consumer(config);
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    return settings;
  }

  /** @return admin client settings */
  public static Map<String, String> admin(JsonObject config) {
    return common(config);
  }

  private static Map<String, String> consumer(JsonObject config) {
    Map<String, String> settings = common(config);
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
        io.vertx.kafka.client.serialization.BufferDeserializer.class.getName());
    settings.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
    return settings;
  }

  private static Map<String, String> common(JsonObject config) {
    Map<String, String> settings = new HashMap<>();
    settings.put("bootstrap.servers", ConfigKey.KAFKA_BOOTSTRAP_SERVERS.get(config));
    return settings;
  }
}
