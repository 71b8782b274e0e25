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
 */
public final class CacheInvalidationVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(CacheInvalidationVerticle.class);
  /** The name this verticle's consumer has in the readiness report. */
  public static final String READINESS_NAME = "caches@" + Topics.ADMIN_EVENTS;

  private KafkaConsumer<String, Buffer> consumer;
  private String readinessName;
  private volatile boolean positioned;

  @Override
  public Future<?> start() {
    consumer = KafkaConsumer.create(vertx, KafkaClients.assignedConsumer(config()));
    readinessName = Readiness.of(vertx).register(READINESS_NAME, () -> positioned);
    consumer.handler(this::onRecord);
    consumer.exceptionHandler(e -> LOG.warn("cache invalidation consumer of {}: {}", Topics.ADMIN_EVENTS,
        e.getMessage()));
    return TopicSetup.ensure(vertx, config(), List.of(Topics.ADMIN_EVENTS))
        .compose(v -> TopicPartitions.assignAtEnd(vertx, consumer, List.of(Topics.ADMIN_EVENTS)))
        .onSuccess(partitions -> {
          positioned = true;
          LOG.info("cache invalidation reading {} partitions of {} from their ends", partitions.size(),
              Topics.ADMIN_EVENTS);
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
    int caches = CacheInvalidation.of(vertx).invalidate(type, event.getSubject());
    LOG.debug("{} {} dropped from {} caches", type.type(), event.getSubject(), caches);
  }
}
