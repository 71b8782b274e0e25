package chat.rocket.livechat.visitor;

import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.platform.kafka.Outbox;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Collection;

/**
 * Visitor events on {@code livechat.visitor.events} through the visitors' {@link Outbox}: key and
 * {@code ce_subject} = visitor {@code _id}, data = {@code {"visitor": <visitor after the change, ISO dates>,
 * "changedFields": [...]}}. A handler records the event in its visitor write ({@link #pending}) and publishes it
 * after its last write ({@link #publish}).
 */
final class VisitorEvents {

  private final Outbox outbox;

  VisitorEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  /**
   * @param changedFields the fields the change touches; null = every field (a registration)
   * @return a pending entry to {@code $push} in the visitor write ({@link OutboxEntries#pushing})
   */
  static JsonObject pending(EventType type, Collection<String> changedFields) {
    return OutboxEntries.entry(type, changedFields);
  }

  /** @return the visitor as read before its pending events were published (and acknowledged), or null when gone */
  Future<JsonObject> publish(String visitorId) {
    return outbox.publishPending(visitorId);
  }
}
