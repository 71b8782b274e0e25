package chat.rocket.livechat.gateway.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.embedded.EmbeddedKafka;
import chat.rocket.livechat.platform.kafka.KafkaClients;
import chat.rocket.livechat.platform.kafka.TopicPartitions;
import chat.rocket.livechat.platform.kafka.TopicSetup;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The fan-out's consumer assigns itself every partition of the event and activity topics. A gateway that creates the
 * activity topic at its start asks for its partitions a moment later, when the broker's metadata may not hold the
 * topic yet; {@link TopicPartitions} must still answer every partition (a fan-out that read none of the activity
 * topic's partitions relayed no typing at all until its restart). Through a real broker.
 */
class FanOutTopicsTest {

  private static final int PARTITIONS = 6;
  private static EmbeddedKafka broker;
  private static Vertx vertx;
  private static JsonObject config;

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafka.startTemporary();
    vertx = Vertx.vertx();
    config = new JsonObject().put(ConfigKey.KAFKA_BOOTSTRAP_SERVERS.name(), broker.bootstrapServers());
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
    broker.close();
  }

  @RepeatedTest(5)
  @DisplayName("the partitions of a topic created a moment before are all found, not an empty list")
  void everyPartitionOfAFreshTopic() {
    String topic = "fan-out-test-" + UUID.randomUUID();
    KafkaConsumer<String, Buffer> consumer = KafkaConsumer.create(vertx, KafkaClients.assignedConsumer(config));
    try {
      TopicSetup.ensure(vertx, config, List.of(topic), PARTITIONS).await();

      Set<TopicPartition> partitions = TopicPartitions.of(vertx, consumer, List.of(topic)).await();

      assertThat(partitions).isEqualTo(IntStream.range(0, PARTITIONS)
          .mapToObj(partition -> new TopicPartition(topic, partition)).collect(Collectors.toSet()));
    } finally {
      consumer.close().await();
    }
  }
}
