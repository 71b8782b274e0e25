package chat.rocket.livechat.visitor;

import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.platform.kafka.EventSink;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Collection;

/**
 * Publishes visitor events on {@code livechat.visitor.events}: key and {@code ce_subject} = visitor {@code _id},
 * data = {@code {"visitor": <visitor after the change, ISO dates>, "changedFields": [...]}}.
 */
final class VisitorEvents {

  private final EventSink publisher;

  /** @param publisher where the events go ({@code EventPublisher} in the service) */
  VisitorEvents(EventSink publisher) {
    this.publisher = publisher;
  }

  /** Publishes {@code type} for {@code visitor} (as read from Mongo). */
  Future<Void> publish(EventType type, JsonObject visitor, Collection<String> changedFields) {
    return publisher.publish(type, visitor.getString("_id"), "visitor", MongoDocs.toApi(visitor), changedFields);
  }
}
