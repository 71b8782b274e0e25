package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.platform.kafka.EventSink;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Collection;

/**
 * Publishes room events on {@code livechat.room.events}: key and {@code ce_subject} = {@code rid}, data =
 * {@code {"room": <room after the change, ISO dates>, "changedFields": [...]}} (DESIGN.md, Events).
 */
final class RoomEvents {

  private final EventSink publisher;

  /** @param publisher where the events go ({@code EventPublisher} in the service) */
  RoomEvents(EventSink publisher) {
    this.publisher = publisher;
  }

  /** Publishes {@code type} for {@code room} (as read from Mongo). */
  Future<Void> publish(EventType type, JsonObject room, Collection<String> changedFields) {
    return publisher.publish(type, room.getString("_id"), "room", MongoDocs.toApi(room), changedFields);
  }
}
