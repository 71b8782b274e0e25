package chat.rocket.livechat.standalone;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.Headers;
import chat.rocket.livechat.contracts.WireRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Talks to the services the way a gateway does, but by hand, with the plain Kafka clients: sends raw command records
 * (well-formed or not) and reads the replies on a reply topic of its own.
 */
final class Commands implements AutoCloseable {

  private final String bootstrapServers;
  private final String replyTopic = "livechat.replies.test-" + UUID.randomUUID();
  private final KafkaProducer<String, String> producer;
  private final KafkaConsumer<String, String> replies;

  Commands(String bootstrapServers) throws Exception {
    this.bootstrapServers = bootstrapServers;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      admin.createTopics(List.of(new NewTopic(replyTopic, 1, (short) 1))).all().get();
    }
    Properties producerSettings = new Properties();
    producerSettings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    producerSettings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    producerSettings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    this.producer = new KafkaProducer<>(producerSettings);
    this.replies = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
    replies.assign(List.of(new TopicPartition(replyTopic, 0)));
  }

  /** @return the reply topic this sender owns */
  String replyTopic() {
    return replyTopic;
  }

  /**
   * Sends the record the contracts' codec makes of {@code command} ({@link Command#toRecord(String)}).
   *
   * @return where the broker stored it
   */
  RecordMetadata send(String key, Command command) throws Exception {
    WireRecord record = command.toRecord(key);
    return send(record.topic(), key, record.headers(), record.body().toString(StandardCharsets.UTF_8));
  }

  /**
   * Sends {@code command} as {@link #send(String, Command)} does, with the record timestamp {@code sentAt} (epoch ms):
   * a command the gateway sent that long ago.
   *
   * @return where the broker stored it
   */
  RecordMetadata sendAt(String key, Command command, long sentAt) throws Exception {
    WireRecord record = command.toRecord(key);
    return send(record.topic(), key, record.headers(), record.body().toString(StandardCharsets.UTF_8), sentAt);
  }

  /**
   * Sends a raw record to {@code topic}.
   *
   * @return where the broker stored it
   */
  RecordMetadata send(String topic, String key, Map<String, String> headers, String value) throws Exception {
    return send(topic, key, headers, value, null);
  }

  private RecordMetadata send(String topic, String key, Map<String, String> headers, String value, Long timestamp)
      throws Exception {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, timestamp, key, value);
    headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
    return producer.send(record).get();
  }

  /** @return the replies with that correlation id received within {@code within} (at least one, or empty) */
  List<ConsumerRecord<String, String>> replies(String correlationId, Duration within) {
    try {
      return Waits.upTo("a reply with correlation id " + correlationId, within)
          .until(() -> Events.matching(replies.poll(Duration.ofMillis(200)),
                  record -> correlationId.equals(Events.header(record, Headers.CORRELATION_ID))),
              found -> !found.isEmpty());
    } catch (ConditionTimeoutException none) {
      return List.of();
    }
  }

  @Override
  public void close() {
    producer.close();
    replies.close();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      admin.deleteTopics(List.of(replyTopic)).all().get();
    } catch (Exception e) {
      // the broker goes away with the test system
    }
  }
}
