package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.rocketchat.CacheInvalidation;
import chat.rocket.livechat.platform.runtime.Readiness;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one reader of {@link Topics#ADMIN_EVENTS} in a process (issue 11, "Changes take effect at once"): its own Kafka
 * consumer, in no consumer group, assigned every partition of the topic (created when missing) and positioned at its
 * ends before the verticle is ready, like the gateway's realtime fan-out. Each setting, permission, role or custom
 * field change event drops the cached copies of the changed document in every cache of the process
 * ({@link CacheInvalidation}), so the very next read goes to MongoDB. Offsets are never committed; a record that is no
 * CloudEvent, or of another type, is skipped with a log line. Deploy exactly one per Vert.x instance (the
 * {@code Launcher} of every service and gateway process, the standalone once for all). Registered in
 * {@link Readiness} as {@code caches@livechat.admin.events}.
 *
 * <p>A service that caches the documents of other topics' events deploys one more, with its own topics and sink
 * ({@link #CacheInvalidationVerticle(String, List, Sink)}): the room-service's read model drops a room on any of
 * its events (but those it published itself) and a visitor's rooms on the visitor's removal.
 */
public final class CacheInvalidationVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(CacheInvalidationVerticle.class);
  /** The name this verticle's consumer has in the readiness report. */
  public static final String READINESS_NAME = "caches@" + Topics.ADMIN_EVENTS;

  private final String name;
  private final List<String> topics;
  private final Sink sink;
  private KafkaConsumer<String, Buffer> consumer;
  private String readinessName;
  private volatile boolean positioned;

  /** The process's reader of {@link Topics#ADMIN_EVENTS}, feeding {@link CacheInvalidation}. */
  public CacheInvalidationVerticle() {
    this("caches", List.of(Topics.ADMIN_EVENTS), null);
  }

  /**
   * A reader of other event topics for one cache.
   *
   * @param name   the reader's name in the readiness report, {@code <name>@<topic>,<topic>}
   * @param topics the event topics to read, every partition from its end
   * @param sink   gets each event's type, subject ({@code rid} for room events, the visitor {@code _id} for
   *               visitor events) and {@code ce_id}, on this verticle's context
   */
  public CacheInvalidationVerticle(String name, List<String> topics, Sink sink) {
    this.name = name + "@" + String.join(",", topics);
    this.topics = List.copyOf(topics);
    this.sink = sink;
  }

  @Override
  public Future<?> start() {
    consumer = KafkaConsumer.create(vertx, KafkaClients.assignedConsumer(config()));
    readinessName = Readiness.of(vertx).register(name, () -> positioned);
    consumer.handler(this::onRecord);
    consumer.exceptionHandler(e -> LOG.warn("cache invalidation consumer of {}: {}", topics, e.getMessage()));
    return TopicSetup.ensure(vertx, config(), topics)
        .compose(v -> TopicPartitions.assignAtEnd(vertx, consumer, topics))
        .onSuccess(partitions -> {
          positioned = true;
          LOG.info("cache invalidation reading {} partitions of {} from their ends", partitions.size(), topics);
        });
  }

  @Override
  public Future<?> stop() {
    positioned = false;
    Readiness.of(vertx).unregister(readinessName);
    return consumer.close();
  }

  private void onRecord(KafkaConsumerRecord<String, Buffer> record) {
    CloudEvent event;
    try {
      event = CloudEventRecords.read(record);
    } catch (PoisonRecordException e) {
      LOG.warn("cache invalidation skips {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
          e.getMessage());
      return;
    }
    EventType type = EventType.fromType(event.getType()).orElse(null);
    if (type == null || event.getSubject() == null) {
      LOG.warn("cache invalidation skips {}-{}@{}: type {} subject {}", record.topic(), record.partition(),
          record.offset(), event.getType(), event.getSubject());
      return;
    }
    if (sink != null) {
      sink.accept(type, event.getSubject(), event.getId());
      return;
    }
    int caches = CacheInvalidation.of(vertx).invalidate(type, event.getSubject());
    LOG.debug("{} {} dropped from {} caches", type.type(), event.getSubject(), caches);
  }

  /** What a cache's own reader hands it of each event. */
  @FunctionalInterface
  public interface Sink {

    /**
     * @param type    the event's type
     * @param subject {@code ce_subject}: the {@code rid} of a room event, the visitor {@code _id} of a visitor event
     * @param id      {@code ce_id}: the same for every publication of one change
     */
    void accept(EventType type, String subject, String id);
  }
}
