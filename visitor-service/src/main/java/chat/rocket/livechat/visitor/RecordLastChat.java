package chat.rocket.livechat.visitor;

import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * On {@code room.created}: sets the visitor's {@code lastChat} to {@code {_id: rid, ts: room.ts}}, as Rocket.Chat's
 * {@code livechat.newRoom} callback does (spec §2.1), recording {@code visitor.updated} in the same write, and
 * publishes it. Idempotent: the same event sets the same value.
 */
final class RecordLastChat {

  private final VisitorRepository visitors;
  private final VisitorEvents events;

  RecordLastChat(VisitorRepository visitors, VisitorEvents events) {
    this.visitors = visitors;
    this.events = events;
  }

  /** Handles a {@code room.created} event. */
  Future<Void> handle(String rid, JsonObject data) {
    JsonObject room = data.getJsonObject("room", new JsonObject());
    JsonObject v = room.getJsonObject("v");
    String visitorId = v == null ? null : v.getString("_id");
    String ts = room.getString("ts");
    if (visitorId == null || ts == null) {
      return Future.succeededFuture();
    }
    JsonObject lastChat = new JsonObject().put("_id", rid)
        .put("ts", new JsonObject().put("$date", ts));
    JsonObject update = new JsonObject().put("$set",
        new JsonObject().put("lastChat", lastChat).put("_updatedAt", MongoDocs.now()));
    return visitors.update(visitorId,
            OutboxEntries.pushing(update, VisitorEvents.pending(EventType.VISITOR_UPDATED, List.of("lastChat"))))
        .compose(v2 -> events.publish(visitorId))
        .mapEmpty();
  }
}
