package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;

/**
 * On {@code visitor.registered} with a non-empty name (spec §7.1): the visitor's open room takes the name as
 * {@code fname}, and so do its inquiry ({@code name}) and the agents' subscriptions ({@code fname}); the room change
 * is recorded as {@code room.updated} in the room's write and published after the other two. A room that already
 * carries the name is left alone, so a redelivered event changes nothing.
 */
final class RenameOpenRooms {

  private final RoomRepository rooms;
  private final OpenRooms openRooms;
  private final MongoClient mongo;
  private final RoomEvents events;

  RenameOpenRooms(RoomRepository rooms, OpenRooms openRooms, MongoClient mongo, RoomEvents events) {
    this.rooms = rooms;
    this.openRooms = openRooms;
    this.mongo = mongo;
    this.events = events;
  }

  /** Handles a {@code visitor.registered} event. */
  Future<Void> handle(String visitorId, JsonObject data) {
    JsonObject visitor = data.getJsonObject("visitor", new JsonObject());
    String name = visitor.getString("name");
    String token = visitor.getString("token");
    if (name == null || name.isEmpty() || token == null) {
      return Future.succeededFuture();
    }
    JsonObject lastChat = visitor.getJsonObject("lastChat");
    return openRooms.find(token, lastChat == null ? null : lastChat.getString("_id"))
        .compose(room -> room == null || name.equals(room.getString("fname")) ? Future.succeededFuture()
            : rename(room.getString("_id"), name));
  }

  private Future<Void> rename(String rid, String name) {
    JsonObject byRid = new JsonObject().put("rid", rid);
    JsonObject event = RoomEvents.pending(EventType.ROOM_UPDATED, List.of("fname"));
    return rooms.update(rid, new JsonObject(), OutboxEntries.pushing(set("fname", name), event))
        .compose(v -> mongo.updateCollection(Collections.INQUIRIES, byRid, set("name", name)))
        .compose(v -> mongo.updateCollectionWithOptions(Collections.SUBSCRIPTIONS, byRid, set("fname", name),
            new io.vertx.ext.mongo.UpdateOptions().setMulti(true)))
        .compose(v -> events.publish(rid))
        .mapEmpty();
  }

  private static JsonObject set(String field, String value) {
    return new JsonObject().put("$set", new JsonObject().put(field, value).put("_updatedAt", MongoDocs.now()));
  }
}
