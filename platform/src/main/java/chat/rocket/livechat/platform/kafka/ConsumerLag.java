package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.platform.runtime.Meters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * The gauge {@link Meters#CONSUMER_LAG} of one consumer-group member: Kafka's {@code records-lag} of every assigned
 * partition, summed (records between the position and the end of each partition, as of the last fetch; 0 before the
 * first), tagged {@code topic}, {@code group}, {@code member}.
 */
final class ConsumerLag {

  /** Kafka consumer metric: records between the position and the end of one partition. */
  private static final String RECORDS_LAG = "records-lag";
  /** Group of {@link #RECORDS_LAG}. */
  private static final String FETCH_METRICS = "consumer-fetch-manager-metrics";

  private ConsumerLag() {
  }

  /**
   * @param consumer the native consumer, whose metrics are read (thread-safe)
   * @return the registered gauge, for removal when the member stops
   */
  static Gauge register(MeterRegistry registry, Consumer<?, ?> consumer, String topic, String groupId,
                        String member) {
    return Gauge.builder(Meters.CONSUMER_LAG, consumer, ConsumerLag::sum)
        .description("Records of the member's assigned partitions not consumed yet, as of the last fetch")
        .baseUnit("records")
        .tags("topic", topic, "group", groupId, "member", member)
        .strongReference(true)
        .register(registry);
  }

  private static double sum(Consumer<?, ?> consumer) {
    double sum = 0;
    for (Map.Entry<MetricName, ? extends Metric> metric : consumer.metrics().entrySet()) {
      MetricName name = metric.getKey();
      if (RECORDS_LAG.equals(name.name()) && FETCH_METRICS.equals(name.group())
          && name.tags().containsKey("partition") && metric.getValue().metricValue() instanceof Double value
          && !value.isNaN()) {
        sum += value;
      }
    }
    return sum;
  }
}
