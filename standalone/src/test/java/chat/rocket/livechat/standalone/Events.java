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
import org.awaitility.core.ConditionTimeoutException;

/**
 * Reads a topic of the embedded broker from the beginning as a fresh consumer group, the way another service would,
 * until a record matches or the time is up (an Awaitility wait, {@link Waits}).
 */
public final class Events {

  /** Longest wait of one consumer poll. */
  private static final Duration POLL = Duration.ofMillis(200);

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
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
      consumer.subscribe(List.of(topic));
      return Waits.upTo("a matching record on " + topic, within)
          .until(() -> matching(consumer.poll(POLL), matches), found -> !found.isEmpty());
    } catch (ConditionTimeoutException none) {
      return List.of();
    }
  }

  /** @return the records of one poll that match */
  static List<ConsumerRecord<String, String>> matching(Iterable<ConsumerRecord<String, String>> polled,
                                                      Predicate<ConsumerRecord<String, String>> matches) {
    List<ConsumerRecord<String, String>> found = new ArrayList<>();
    polled.forEach(record -> {
      if (matches.test(record)) {
        found.add(record);
      }
    });
    return found;
  }

  /**
   * Reads every record a topic holds now, from the beginning of each partition up to its end offset at the call.
   *
   * @param within how long reading may take before it fails
   * @return the records, partition by partition
   * @throws ConditionTimeoutException when the end was not reached in time
   */
  public static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic, Duration within) {
    Map<String, Object> settings = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> all = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, within).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, within);
      Waits.upTo("reading " + topic + " to its end", within).until(() -> {
        boolean atEnd = partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
        if (!atEnd) {
          consumer.poll(POLL).forEach(all::add);
        }
        return atEnd;
      });
    }
    return all;
  }

  /** @return the UTF-8 value of the last header with that name, or null */
  public static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
