package chat.rocket.livechat.visitor;

import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * On {@code room.created}: sets the visitor's {@code lastChat} to {@code {_id: rid, ts: room.ts}} (a BSON date) with
 * one {@code $set} by {@code _id}, as Rocket.Chat's {@code livechat.newRoom} callback does
 * ({@code LivechatVisitors.setLastChatById}, spec §2.1). No event: Rocket.Chat does not broadcast {@code lastChat},
 * and no consumer of {@code visitor.updated} reads it (the room-service's subscription acts on {@code status} only;
 * the open-room lookup reads {@code lastChat} from the visitor document). One store write per room created instead of
 * four (write with an outbox entry, read, freeze, {@code $pull}; issue 12). Idempotent: the same event sets the same
 * value.
 */
final class RecordLastChat {

  private final VisitorRepository visitors;

  RecordLastChat(VisitorRepository visitors) {
    this.visitors = visitors;
  }

  /**
   * Handles a {@code room.created} event.
   *
   * @param data {@code {room: {v: {_id}, ts: <ISO date>, ...}}}; a room without visitor id or time changes nothing
   */
  Future<Void> handle(String rid, JsonObject data) {
    JsonObject room = data.getJsonObject("room", new JsonObject());
    JsonObject v = room.getJsonObject("v");
    String visitorId = v == null ? null : v.getString("_id");
    String ts = room.getString("ts");
    if (visitorId == null || ts == null) {
      return Future.succeededFuture();
    }
    JsonObject lastChat = new JsonObject().put("_id", rid).put("ts", new JsonObject().put("$date", ts));
    return visitors.update(visitorId, new JsonObject().put("$set",
        new JsonObject().put("lastChat", lastChat).put("_updatedAt", MongoDocs.now())));
  }
}
