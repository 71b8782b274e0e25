package chat.rocket.livechat.platform.kafka;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.RetryPolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.common.PartitionInfo;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every partition of some topics, for a consumer that assigns them itself (no consumer group) and reads from their
 * ends: the realtime fan-out and the cache invalidation of every process. A topic created a
 * moment ago may not be in the broker's metadata yet: {@code partitionsFor} then answers an empty list, and a consumer
 * that took that answer would never read the topic. So a topic without partitions is asked again, every
 * {@link #RETRY_DELAY_MS} ms up to {@link #RETRIES} times (the retry policy of Vert.x's {@code vertx-circuit-breaker},
 * whose breaker never opens here).
 */
public final class TopicPartitions {

  /** Wait between two metadata requests for a topic still without partitions, in ms. */
  static final long RETRY_DELAY_MS = 100;
  /** Requests after the first before giving up (10 s in all). */
  static final int RETRIES = 100;

  private TopicPartitions() {
  }

  /**
   * @param topics the topics to read
   * @return every partition of every topic; fails when a topic still has none after the retries
   */
  public static Future<Set<TopicPartition>> of(Vertx vertx, KafkaConsumer<?, ?> consumer, List<String> topics) {
    CircuitBreaker breaker = CircuitBreaker.create("topic-partitions", vertx, new CircuitBreakerOptions()
            .setMaxRetries(RETRIES).setMaxFailures(Integer.MAX_VALUE).setTimeout(-1).setNotificationAddress(null))
        .retryPolicy(RetryPolicy.constantDelay(RETRY_DELAY_MS));
    return Future.all(topics.stream().map(topic -> breaker.execute(() -> partitionsOf(consumer, topic))).toList())
        .map(all -> all.<List<TopicPartition>>list().stream().flatMap(List::stream).collect(Collectors.toSet()))
        .eventually(() -> {
          breaker.close();
          return Future.succeededFuture();
        });
  }

  /**
   * Assigns the consumer every partition of the topics ({@link #of}) and positions it at their ends.
   *
   * @return the partitions, once the consumer's position on each is known (what is published from then on is read)
   */
  public static Future<Set<TopicPartition>> assignAtEnd(Vertx vertx, KafkaConsumer<?, ?> consumer,
                                                        List<String> topics) {
    return of(vertx, consumer, topics).compose(partitions -> consumer.assign(partitions)
        .compose(v -> consumer.seekToEnd(partitions))
        .compose(v -> Future.all(partitions.stream().map(consumer::position).toList()))
        .map(partitions));
  }

  private static Future<List<TopicPartition>> partitionsOf(KafkaConsumer<?, ?> consumer, String topic) {
    return consumer.partitionsFor(topic).compose(infos -> infos.isEmpty()
        ? Future.failedFuture(new IllegalStateException("topic " + topic + " has no partitions in the metadata yet"))
        : Future.succeededFuture(infos.stream().map(TopicPartitions::partition).toList()));
  }

  private static TopicPartition partition(PartitionInfo info) {
    return new TopicPartition(info.getTopic(), info.getPartition());
  }
}
