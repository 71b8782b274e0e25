package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.contracts.EventType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Collection;

/**
 * Where a service's events about its aggregates go. {@link EventPublisher} sends them to Kafka as CloudEvents; a
 * service's own tests give its handlers one that records them, so handlers run without a broker.
 */
@FunctionalInterface
public interface EventSink {

  /**
   * Publishes one event about an aggregate.
   *
   * @param type          the event type (decides topic and source)
   * @param subject       {@code rid} or visitor {@code _id}; also the record key
   * @param aggregateName {@code room} or {@code visitor}: the data field holding the document
   * @param document      the document after the change, API-shaped (ISO dates)
   * @param changedFields names of the fields the change touched
   * @return completes when the event is durably published (for Kafka: acknowledged with {@code acks=all})
   */
  Future<Void> publish(EventType type, String subject, String aggregateName, JsonObject document,
                       Collection<String> changedFields);
}
