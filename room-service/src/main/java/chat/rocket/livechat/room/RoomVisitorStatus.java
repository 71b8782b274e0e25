package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;

/**
 * On {@code visitor.updated} whose changed fields name {@code status} ({@code POST livechat/visitor.status}): the
 * visitor's open room takes the status as {@code v.status}, and so does its inquiry (Rocket.Chat's
 * {@code notifyGuestStatusChanged}: {@code LivechatRooms.updateVisitorStatus},
 * {@code LivechatInquiry.updateVisitorStatus}); the room change is recorded as {@code room.updated} (changed field
 * {@code v.status}) in the room's write and published after the inquiry's. A room that already shows the status is
 * left alone, so a redelivered event changes nothing.
 */
final class RoomVisitorStatus {

  private final RoomRepository rooms;
  private final OpenRooms openRooms;
  private final MongoClient mongo;
  private final RoomEvents events;

  RoomVisitorStatus(RoomRepository rooms, OpenRooms openRooms, MongoClient mongo, RoomEvents events) {
    this.rooms = rooms;
    this.openRooms = openRooms;
    this.mongo = mongo;
    this.events = events;
  }

  /** Handles a {@code visitor.updated} event ({@code {visitor, changedFields}}). */
  Future<Void> handle(String visitorId, JsonObject data) {
    JsonObject visitor = data.getJsonObject("visitor", new JsonObject());
    String status = visitor.getString("status");
    String token = visitor.getString("token");
    if (!data.getJsonArray("changedFields", new JsonArray()).contains("status") || status == null || token == null) {
      return Future.succeededFuture();
    }
    JsonObject lastChat = visitor.getValue("lastChat") instanceof JsonObject chat ? chat : new JsonObject();
    return openRooms.find(token, lastChat.getString("_id"))
        .compose(room -> room == null || status.equals(shownStatus(room)) ? Future.succeededFuture()
            : write(room.getString("_id"), status));
  }

  private Future<Void> write(String rid, String status) {
    JsonObject update = new JsonObject().put("$set", new JsonObject().put("v.status", status)
        .put("_updatedAt", MongoDocs.now()));
    return rooms.update(rid, new JsonObject(), OutboxEntries.pushing(update, RoomEvents.pending(EventType.ROOM_UPDATED,
            List.of("v.status"))))
        .compose(v -> mongo.updateCollection(Collections.INQUIRIES, new JsonObject().put("rid", rid),
            new JsonObject().put("$set", new JsonObject().put("v.status", status))))
        .compose(v -> events.publish(rid))
        .mapEmpty();
  }

  private static String shownStatus(JsonObject room) {
    return room.getValue("v") instanceof JsonObject v ? v.getString("status") : null;
  }
}
