package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.contracts.EventType;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.OffsetDateTime;

/**
 * Where an {@link Outbox} sends the events it recorded. {@link EventPublisher} sends them to Kafka as CloudEvents; a
 * service's own tests give their outboxes one that records them, so handlers run without a broker.
 */
@FunctionalInterface
public interface EventSink {

  /**
   * Publishes one event about an aggregate, with the id, time and data its {@link Outbox} entry fixed, so that a
   * republished event is the same record again.
   *
   * @param type    the event type (decides topic and source)
   * @param id      {@code ce_id}, stable across republishing
   * @param time    {@code ce_time}, the time of the change
   * @param subject {@code rid} or visitor {@code _id}; also the record key
   * @param data    the JSON data, {@code {"<room|visitor>": <document after the change>, "changedFields": [...]}}
   * @return completes when the event is durably published (for Kafka: acknowledged with {@code acks=all})
   */
  Future<Void> publish(EventType type, String id, OffsetDateTime time, String subject, Buffer data);
}
