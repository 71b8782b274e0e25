package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.rocketchat.Users;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code room.change-visitor} (spec §4.2, late 6.x order): body {@code {rid, oldVisitorId, newVisitorId}} with the
 * caller in headers; result {@code {room}} (the room after the change, ISO dates).
 *
 * <ol>
 *   <li>New visitor missing or disabled: {@link ErrorCode#VISITOR_NOT_FOUND}.</li>
 *   <li>Room missing (any type): {@link ErrorCode#INVALID_ROOM}.</li>
 *   <li>{@code room.v._id != oldVisitorId}: {@link ErrorCode#INVALID_ROOM_VISITOR}.</li>
 *   <li>Caller's user gone: {@link ErrorCode#USER_NOT_FOUND}; caller cannot access the room:
 *       {@link ErrorCode#NOT_ALLOWED}.</li>
 *   <li>Sets only {@code v._id}, {@code v.username}, {@code v.token} (and {@code _updatedAt}) on the livechat room,
 *       recording {@code room.visitor-changed} in the same write; an open room goes on the new visitor's claims'
 *       chain ({@link OpenRooms#adopt}); re-reads it
 *       ({@link ErrorCode#FAILURE_WITHOUT_MESSAGE} when gone) and publishes the event.</li>
 * </ol>
 */
final class ChangeRoomVisitor {

  private static final List<String> CHANGED = List.of("v._id", "v.username", "v.token");

  private final RoomRepository rooms;
  private final OpenRooms openRooms;
  private final RoomVisitors visitors;
  private final Users users;
  private final RoomAccess access;
  private final RoomEvents events;

  ChangeRoomVisitor(RoomRepository rooms, OpenRooms openRooms, RoomVisitors visitors, Users users, RoomAccess access,
                    RoomEvents events) {
    this.rooms = rooms;
    this.openRooms = openRooms;
    this.visitors = visitors;
    this.users = users;
    this.access = access;
    this.events = events;
  }

  /** Handles one {@code room.change-visitor} command. */
  Future<JsonObject> handle(Command command) {
    JsonObject body = command.body();
    String rid = body.getString("rid");
    return visitors.findEnabledById(body.getString("newVisitorId"))
        .compose(visitor -> visitor != null ? Future.succeededFuture(visitor) : fail(ErrorCode.VISITOR_NOT_FOUND))
        .compose(visitor -> rooms.findById(rid)
            .compose(room -> checkRoom(room, body.getString("oldVisitorId")))
            .compose(room -> checkCaller(room, command.caller()))
            .compose(room -> moveTo(visitor, room)))
        .compose(v -> events.publish(rid))
        .compose(room -> room != null ? Future.succeededFuture(room) : fail(ErrorCode.FAILURE_WITHOUT_MESSAGE))
        .map(room -> new JsonObject().put("room", MongoDocs.toApi(room)));
  }

  private static Future<JsonObject> checkRoom(JsonObject room, String oldVisitorId) {
    if (room == null) {
      return fail(ErrorCode.INVALID_ROOM);
    }
    JsonObject v = room.getJsonObject("v");
    String currentVisitorId = v == null ? null : v.getString("_id");
    return oldVisitorId.equals(currentVisitorId) ? Future.succeededFuture(room)
        : fail(ErrorCode.INVALID_ROOM_VISITOR);
  }

  private Future<JsonObject> checkCaller(JsonObject room, Caller caller) {
    if (caller == null) {
      return fail(ErrorCode.USER_NOT_FOUND);
    }
    return users.findById(caller.userId())
        .compose(user -> user != null ? access.canAccess(room, caller) : fail(ErrorCode.USER_NOT_FOUND))
        .compose(allowed -> allowed ? Future.succeededFuture(room) : fail(ErrorCode.NOT_ALLOWED));
  }

  /**
   * Writes the new visitor on the room; an open room then goes on the new visitor's claims' chain
   * ({@link OpenRooms#adopt}), so the keys proof finds it as that visitor's open room.
   */
  private Future<Void> moveTo(JsonObject visitor, JsonObject room) {
    String rid = room.getString("_id");
    return rooms.update(rid, new JsonObject().put("t", "l"), OutboxEntries.pushing(visitorUpdate(visitor),
            RoomEvents.pending(EventType.ROOM_VISITOR_CHANGED, CHANGED)))
        .compose(v -> RoomRepository.isOpenLivechat(room)
            ? openRooms.adopt(visitor.getString("token"), OpenRooms.lastChatRid(visitor), rid)
            : Future.succeededFuture());
  }

  private static JsonObject visitorUpdate(JsonObject visitor) {
    JsonObject set = new JsonObject().put("v._id", visitor.getString("_id"))
        .put("v.username", visitor.getString("username")).put("v.token", visitor.getString("token"))
        .put("_updatedAt", MongoDocs.now());
    return new JsonObject().put("$set", set);
  }

  private static <T> Future<T> fail(ErrorCode code) {
    return Future.failedFuture(new LivechatException(code));
  }
}
