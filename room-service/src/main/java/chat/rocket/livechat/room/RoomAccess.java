package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.platform.rocketchat.Permissions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Rocket.Chat's livechat room access rule ({@code canAccessRoom}, spec §4.2 step 5): a caller may act on a room when
 * they are {@code rocket.cat}, serve it ({@code servedBy._id}), hold {@code view-livechat-rooms}, have a subscription
 * to it, or the room is closed and they hold {@code view-livechat-room-closed-by-another-agent}. The queue-preview and
 * same-department rules of Rocket.Chat need departments and routing previews this system does not implement.
 */
final class RoomAccess {

  private static final String ROCKET_CAT = "rocket.cat";

  private final RoomRepository rooms;
  private final Permissions permissions;

  RoomAccess(RoomRepository rooms, Permissions permissions) {
    this.rooms = rooms;
    this.permissions = permissions;
  }

  /** @return true when {@code caller} may access {@code room} */
  Future<Boolean> canAccess(JsonObject room, Caller caller) {
    JsonObject servedBy = room.getJsonObject("servedBy");
    if (ROCKET_CAT.equals(caller.userId())
        || (servedBy != null && caller.userId().equals(servedBy.getString("_id")))) {
      return Future.succeededFuture(true);
    }
    boolean closed = !Boolean.TRUE.equals(room.getValue("open"));
    return permissions.has(caller.roles(), Permission.VIEW_LIVECHAT_ROOMS)
        .compose(viewAll -> viewAll ? Future.succeededFuture(true)
            : rooms.hasSubscription(room.getString("_id"), caller.userId()))
        .compose(allowed -> allowed || !closed ? Future.succeededFuture(allowed)
            : permissions.has(caller.roles(), Permission.VIEW_LIVECHAT_ROOM_CLOSED_BY_ANOTHER_AGENT));
  }
}
