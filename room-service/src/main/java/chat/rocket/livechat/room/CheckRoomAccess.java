package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.platform.rocketchat.Permissions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * {@code room.check-access}: may a DDP session read a room's streams? Body {@code {rid, token?}}, the logged-in user
 * as caller when there is one; result {@code {}}, else failure {@link ErrorCode#NOT_ALLOWED}. Rocket.Chat's read rules
 * ({@code NotificationsModule}): a livechat room ({@code t: 'l'}) whose {@code v.token} is the visitor token given; or
 * a user who may access the room ({@link RoomAccess}: serves it, holds {@code view-livechat-rooms}, is subscribed, ...)
 * or holds {@code view-l-room}. A missing room, a token or rid that is not a string, and no credential at all are
 * refused alike. Reads only; nothing is written or published.
 */
final class CheckRoomAccess {

  private final RoomRepository rooms;
  private final RoomAccess access;
  private final Permissions permissions;

  CheckRoomAccess(RoomRepository rooms, RoomAccess access, Permissions permissions) {
    this.rooms = rooms;
    this.access = access;
    this.permissions = permissions;
  }

  /** Handles one {@code room.check-access} command. */
  Future<JsonObject> handle(Command command) {
    JsonObject body = command.body();
    if (!(body.getValue("rid") instanceof String rid) || rid.isEmpty()) {
      return refuse();
    }
    Object token = body.getValue("token");
    return rooms.findById(rid)
        .compose(room -> room == null ? Future.succeededFuture(false)
            : token instanceof String visitorToken && isVisitor(room, visitorToken) ? Future.succeededFuture(true)
            : userMayRead(room, command.caller()))
        .compose(allowed -> allowed ? Future.succeededFuture(new JsonObject()) : refuse());
  }

  private static boolean isVisitor(JsonObject room, String token) {
    return "l".equals(room.getValue("t")) && room.getValue("v") instanceof JsonObject v
        && token.equals(v.getValue("token"));
  }

  private Future<Boolean> userMayRead(JsonObject room, Caller caller) {
    if (caller == null) {
      return Future.succeededFuture(false);
    }
    return access.canAccess(room, caller)
        .compose(allowed -> allowed ? Future.succeededFuture(true)
            : permissions.has(caller.roles(), Permission.VIEW_L_ROOM));
  }

  private static Future<JsonObject> refuse() {
    return Future.failedFuture(new LivechatException(ErrorCode.NOT_ALLOWED));
  }
}
