package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The first two checks of every visitor-side message and close route of Rocket.Chat ({@code findGuest(token)}, then
 * {@code findRoom(token, rid)}): no visitor with the token is {@link ErrorCode#INVALID_TOKEN}; no room with that
 * {@code _id} whose {@code v.token} is the token is {@link ErrorCode#INVALID_ROOM}. The room may be closed.
 */
final class VisitorRoomLookup {

  private final RoomVisitors visitors;
  private final RoomRepository rooms;

  VisitorRoomLookup(RoomVisitors visitors, RoomRepository rooms) {
    this.visitors = visitors;
    this.rooms = rooms;
  }

  /**
   * @param token the visitor's token (an empty one names no visitor)
   * @param rid   the room's {@code _id}
   * @return the visitor ({@code _id, name, username, token, ...}) and its room as stored; both are read at once (one
   *     store round trip), the visitor's check deciding first
   */
  Future<VisitorRoom> find(String token, String rid) {
    if (token == null || token.isEmpty()) {
      return Future.failedFuture(new LivechatException(ErrorCode.INVALID_TOKEN));
    }
    Future<JsonObject> visitor = visitors.findByToken(token);
    Future<JsonObject> room = rooms.findById(rid);
    return Future.all(visitor, room).compose(read -> visitor.result() == null
        ? Future.failedFuture(new LivechatException(ErrorCode.INVALID_TOKEN))
        : belongsTo(room.result(), token) ? Future.succeededFuture(new VisitorRoom(visitor.result(), room.result()))
        : Future.failedFuture(new LivechatException(ErrorCode.INVALID_ROOM)));
  }

  /**
   * {@link #find}, with the room from the read model when {@code command} is keyed by {@code rid} and holds it
   * ({@link RoomReadModel#openRoom}): then only the visitor is read (its {@code name} may have changed). When the
   * read model has no open room of that visitor for {@code rid}, {@link #find} decides (error, or a closed room).
   *
   * @param command the command, keyed by its {@code rid} for the read model to serve it
   */
  Future<VisitorRoom> findHeld(RoomReadModel held, Command command, String token, String rid) {
    if (token == null || token.isEmpty() || rid == null) {
      return find(token, rid);
    }
    Future<JsonObject> visitor = visitors.findByToken(token);
    Future<JsonObject> room = held.openRoom(command, rid, token);
    return Future.all(visitor, room).compose(read -> visitor.result() != null && room.result() != null
        ? Future.succeededFuture(new VisitorRoom(visitor.result(), room.result())) : find(token, rid));
  }

  private static boolean belongsTo(JsonObject room, String token) {
    return room != null && room.getValue("v") instanceof JsonObject v && token.equals(v.getValue("token"));
  }

  /**
   * A visitor and one of its rooms.
   *
   * @param visitor the visitor as {@link RoomVisitors#findByToken} projects it
   * @param room    the room as stored
   */
  record VisitorRoom(JsonObject visitor, JsonObject room) {

    /** @return true while the room is open */
    boolean open() {
      return Boolean.TRUE.equals(room.getValue("open"));
    }
  }
}
