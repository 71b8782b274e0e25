package chat.rocket.livechat.platform.kafka;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Metric;

/**
 * Sends records on the calling event loop with the Kafka client's own {@code KafkaProducer.send}, which only appends
 * the record to the producer's buffer and wakes its I/O thread, instead of Vert.x's {@code KafkaProducer.send}, which
 * first hands every record to a worker thread (issue 12, the read path: one thread hop less each way of a request).
 * The outcome completes on the caller's context, as Vert.x's does.
 *
 * <p>The Kafka client's {@code send} blocks in two cases only, and neither may happen on an event loop, so a record
 * goes through Vert.x's worker path instead when one could arise:
 * <ul>
 *   <li>the target's metadata is not known yet (the first send to a topic waits for it, up to {@code max.block.ms},
 *       and so does a send to a partition the topic does not have): a target, the topic for a keyed record or the
 *       topic and partition for a record that names its partition (a reply), counts as known once a send to it
 *       succeeded, for half of {@link KafkaClients#METADATA_MAX_IDLE_MS} after its last success (the producer forgets
 *       a topic it has not sent to for that long), and stops counting at its first failed send;</li>
 *   <li>the producer's buffer is nearly full (a broker unreachable for long, {@code buffer.memory} used up by records
 *       waiting): when less than {@link #MIN_FREE_BUFFER_BYTES} are free (the producer's own
 *       {@code buffer-available-bytes} gauge).</li>
 * </ul>
 * With tracing on ({@code TRACING=otlp}) every record takes Vert.x's path, whose producer spans and
 * {@code traceparent} headers stay as they are. Thread-safe; one per verticle, over the process's shared producer.
 */
public final class RecordSender {

  /** Free producer buffer below which a record takes the worker path (bytes; the buffer is 32 MiB by default). */
  static final long MIN_FREE_BUFFER_BYTES = 4L << 20;

  private final Vertx vertx;
  private final KafkaProducer<String, Buffer> producer;
  private final Producer<String, Buffer> client;
  private final Metric freeBuffer;
  private final long knownForMs = Long.parseLong(KafkaClients.METADATA_MAX_IDLE_MS) / 2;
  /** Targets whose metadata the producer holds: the time of their last successful send, ms. */
  private final Map<Target, Long> known = new ConcurrentHashMap<>();

  /** @param producer a handle on the process's producer ({@link KafkaClients#sharedProducer}) */
  public RecordSender(Vertx vertx, KafkaProducer<String, Buffer> producer) {
    this.vertx = vertx;
    this.producer = producer;
    this.client = producer.unwrap();
    this.freeBuffer = client.metrics().entrySet().stream()
        .filter(metric -> metric.getKey().name().equals("buffer-available-bytes")
            && metric.getKey().group().equals("producer-metrics"))
        .map(Map.Entry::getValue).findFirst().orElse(null);
  }

  /**
   * @return completes on the caller's context once the broker acknowledged the record ({@code acks=all}), fails with
   *     the producer's error (e.g. its {@code delivery.timeout.ms} passed)
   */
  public Future<Void> send(KafkaProducerRecord<String, Buffer> record) {
    ContextInternal context = (ContextInternal) vertx.getOrCreateContext();
    Target target = new Target(record.topic(), record.partition());
    if (context.tracer() != null || !sendsDirectly(target)) {
      return producer.send(record).onComplete(sent -> settle(target, null, sent.cause())).mapEmpty();
    }
    Promise<Void> promise = context.promise();
    try {
      client.send(record.record(), (metadata, failure) -> settle(target, promise, failure));
    } catch (RuntimeException e) {
      settle(target, promise, e);
    }
    return promise.future();
  }

  private void settle(Target target, Promise<Void> promise, Throwable failure) {
    if (failure == null) {
      known.put(target, System.currentTimeMillis());
    } else {
      known.remove(target);
    }
    if (promise != null) {
      promise.handle(failure == null ? Future.succeededFuture() : Future.failedFuture(failure));
    }
  }

  /** @return whether a record to {@code topic}, {@code partition} (null: by key) is sent on the caller's thread now */
  boolean sendsDirectly(String topic, Integer partition) {
    return sendsDirectly(new Target(topic, partition));
  }

  private boolean sendsDirectly(Target target) {
    return isKnown(target) && hasRoom();
  }

  private boolean isKnown(Target target) {
    Long since = known.get(target);
    return since != null && System.currentTimeMillis() - since < knownForMs;
  }

  private boolean hasRoom() {
    return freeBuffer != null && freeBuffer.metricValue() instanceof Number free
        && free.doubleValue() >= MIN_FREE_BUFFER_BYTES;
  }

  /** Where a record goes: its topic, and its partition when it names one. */
  private record Target(String topic, Integer partition) {
  }
}
