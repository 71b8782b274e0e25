package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * {@code room.info}: Rocket.Chat's {@code GET channels.info} as it answers for a livechat room
 * ({@code app/api/server/v1/channels.ts}, {@code findChannelByIdOrName} accepts {@code t: 'c'} and {@code t: 'l'};
 * only livechat rooms exist here). Body {@code {roomId?, roomName?}} (the gateway checked one is given), caller set.
 * Result {@code {channel}}: the room as stored, ISO dates, without this system's outbox field. Failures
 * {@link ErrorCode#CHANNEL_NOT_FOUND} (no livechat room with that id or name) and {@link ErrorCode#UNAUTHORIZED}
 * (the caller may not access it, {@link RoomAccess}: this system refuses rather than show a conversation to any
 * logged-in user). Reads only.
 */
final class RoomInfo {

  private final RoomRepository rooms;
  private final RoomAccess access;

  RoomInfo(RoomRepository rooms, RoomAccess access) {
    this.rooms = rooms;
    this.access = access;
  }

  /** Handles one {@code room.info} command. */
  Future<JsonObject> handle(Command command) {
    JsonObject body = command.body();
    String roomId = body.getString("roomId");
    return (roomId != null ? rooms.findById(roomId) : rooms.findByName(body.getString("roomName")))
        .compose(room -> room == null || !"l".equals(room.getValue("t"))
            ? Future.failedFuture(new LivechatException(ErrorCode.CHANNEL_NOT_FOUND))
            : access.canAccess(room, command.caller())
                .compose(allowed -> allowed ? Future.succeededFuture(room)
                    : Future.failedFuture(new LivechatException(ErrorCode.UNAUTHORIZED))))
        .map(room -> new JsonObject().put("channel", MongoDocs.toApi(room)));
  }
}
