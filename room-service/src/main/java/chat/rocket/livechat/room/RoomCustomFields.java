package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code room.set-custom-fields}, the room half of {@code POST livechat/custom.field(s)} (Rocket.Chat's
 * {@code LivechatRooms.updateDataByToken}): body {@code {token, customFields: [{key, value, overwrite}]}}, room-scope
 * fields the visitor-service already checked (known key, value matching the field's regexp). Each goes to
 * {@code livechatData.<key>} of the visitor's open livechat room, with {@code overwrite: false} only where the room
 * has no value for the key; the change and its {@code room.updated} event (changed fields
 * {@code livechatData.<key>}) are one write. No open room, or nothing to change: no write. Result {@code {}};
 * a redelivered command writes the same values again.
 */
final class RoomCustomFields {

  private final RoomRepository rooms;
  private final OpenRooms openRooms;
  private final RoomEvents events;

  RoomCustomFields(RoomRepository rooms, OpenRooms openRooms, RoomEvents events) {
    this.rooms = rooms;
    this.openRooms = openRooms;
    this.events = events;
  }

  /** Handles one {@code room.set-custom-fields} command. */
  Future<JsonObject> handle(Command command) {
    String token = command.body().getString("token", "");
    JsonArray fields = command.body().getJsonArray("customFields", new JsonArray());
    return openRooms.ofToken(token)
        .compose(room -> room == null ? Future.succeededFuture() : write(room, fields))
        .map(v -> new JsonObject());
  }

  private Future<Void> write(JsonObject room, JsonArray fields) {
    JsonObject current = room.getValue("livechatData") instanceof JsonObject data ? data : new JsonObject();
    JsonObject set = new JsonObject();
    for (Object item : fields) {
      JsonObject field = (JsonObject) item;
      String key = field.getString("key");
      if (field.getBoolean("overwrite", false) || !current.containsKey(key)) {
        set.put("livechatData." + key, field.getString("value"));
      }
    }
    if (set.isEmpty()) {
      return Future.succeededFuture();
    }
    List<String> changed = new ArrayList<>(set.fieldNames());
    String rid = room.getString("_id");
    JsonObject update = new JsonObject().put("$set", set.put("_updatedAt", MongoDocs.now()));
    return rooms.update(rid, new JsonObject(), OutboxEntries.pushing(update, RoomEvents.pending(EventType.ROOM_UPDATED,
            changed)))
        .compose(v -> events.publish(rid))
        .mapEmpty();
  }
}
