package chat.rocket.livechat.standalone;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic of the embedded broker from the beginning as a fresh consumer group, the way another service would,
 * until a record matches or the time is up.
 */
public final class Events {

  private Events() {
  }

  /**
   * @param bootstrapServers the broker
   * @param topic            the topic to read
   * @param matches          what the wanted record looks like
   * @param within           how long to keep reading
   * @return every matching record read within the time (empty when none)
   */
  public static List<ConsumerRecord<String, String>> read(String bootstrapServers, String topic,
                                                          Predicate<ConsumerRecord<String, String>> matches,
                                                          Duration within) {
    Map<String, Object> settings = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> found = new ArrayList<>();
    long deadline = System.nanoTime() + within.toNanos();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
      consumer.subscribe(List.of(topic));
      while (found.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
          if (matches.test(record)) {
            found.add(record);
          }
        });
      }
    }
    return found;
  }

  /**
   * Reads every record a topic holds now, from the beginning of each partition up to its end offset at the call.
   *
   * @param within how long reading may take before it fails
   * @return the records, partition by partition
   * @throws AssertionError when the end was not reached in time
   */
  public static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic, Duration within) {
    Map<String, Object> settings = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> all = new ArrayList<>();
    long deadline = System.nanoTime() + within.toNanos();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, within).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, within);
      while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic + " to its end within " + within);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(all::add);
      }
    }
    return all;
  }

  /** @return the UTF-8 value of the last header with that name, or null */
  public static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
