package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.rocketchat.Permissions;
import chat.rocket.livechat.platform.rocketchat.Settings;
import chat.rocket.livechat.room.RoomClosing.Closer;
import chat.rocket.livechat.room.RoomClosing.Closing;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code room.close}: the checks of Rocket.Chat 7.x's {@code livechat/room.close} and {@code closeLivechatRoom} (the
 * route {@code livechat/room.closeByUser}); the writes are {@link RoomClosing}'s. Result {@code {rid, comment}}.
 *
 * <ul>
 *   <li><b>Visitor</b> (body {@code {rid, token, requestedAt}}, no caller): setting
 *       {@code Omnichannel_allow_visitors_to_close_conversation} off
 *       {@link ErrorCode#NOT_ALLOWED_TO_CLOSE_CONVERSATION}; {@link ErrorCode#INVALID_TOKEN};
 *       {@link ErrorCode#INVALID_ROOM}; a closed room {@link ErrorCode#ROOM_CLOSED}; the comment is
 *       {@value #CLOSED_BY_VISITOR} (Rocket.Chat's English {@code Closed_by_visitor}), the closer {@code visitor}.</li>
 *   <li><b>Agent</b> (body {@code {rid, comment?, tags?, forceClose?, requestedAt}}, caller set; the gateway checked
 *       {@code close-livechat-room}): no livechat room {@link ErrorCode#ERROR_INVALID_ROOM}; a caller without
 *       subscription to the room and without {@code close-others-livechat-room} {@link ErrorCode#NOT_AUTHORIZED};
 *       a closed room {@link ErrorCode#ROOM_ALREADY_CLOSED}, unless {@code forceClose} is true and the setting
 *       {@code Omnichannel_allow_force_close_conversations} is on (then the room is closed again); the closer is
 *       {@code user}. Rocket.Chat 7.x checks in this order (the permission before the open state).</li>
 * </ul>
 * A close that loses a race answers {@link ErrorCode#ROOM_CANNOT_BE_CLOSED_TRY_AGAIN} instead of the closed-room
 * error: Rocket.Chat reads the room when the request arrives and closes it in a transaction that fails when another
 * close committed in between. Here one room's commands run one after the other, so the loser is the request the
 * gateway accepted ({@code requestedAt}, epoch ms) before the room's {@code closedAt}: it saw the room open (and the
 * serving agent's subscription, which the close removed).
 */
final class CloseRoom {

  /** Rocket.Chat's English {@code Closed_by_visitor}, the comment of a visitor's close. */
  static final String CLOSED_BY_VISITOR = "Closed by visitor";

  private final VisitorRoomLookup lookup;
  private final RoomRepository rooms;
  private final Settings settings;
  private final Permissions permissions;
  private final RoomClosing closing;

  CloseRoom(VisitorRoomLookup lookup, RoomRepository rooms, Settings settings, Permissions permissions,
            RoomClosing closing) {
    this.lookup = lookup;
    this.rooms = rooms;
    this.settings = settings;
    this.permissions = permissions;
    this.closing = closing;
  }

  /** Handles one {@code room.close} command. */
  Future<JsonObject> handle(Command command) {
    return command.caller() == null ? byVisitor(command) : byAgent(command);
  }

  private Future<JsonObject> byVisitor(Command command) {
    JsonObject body = command.body();
    String token = body.getString("token");
    return settings.bool(Setting.OMNICHANNEL_ALLOW_VISITORS_TO_CLOSE_CONVERSATION)
        .compose(allowed -> allowed ? lookup.find(token, body.getString("rid"))
            : fail(ErrorCode.NOT_ALLOWED_TO_CLOSE_CONVERSATION))
        .compose(found -> found.open() ? Future.succeededFuture(found)
            : fail(closedError(found.room(), body, ErrorCode.ROOM_CLOSED)))
        .compose(found -> closing.close(new Closing(found.room(), new Closer(found.visitor().getString("_id"),
            found.visitor().getString("username"), "visitor", token), CLOSED_BY_VISITOR, List.of(),
            command.correlationId())));
  }

  private Future<JsonObject> byAgent(Command command) {
    JsonObject body = command.body();
    Caller caller = command.caller();
    return rooms.findById(body.getString("rid"))
        .compose(room -> room != null && "l".equals(room.getValue("t")) ? Future.succeededFuture(room)
            : fail(ErrorCode.ERROR_INVALID_ROOM))
        .compose(room -> authorize(room, caller, body))
        .compose(room -> forceClose(body)
            .compose(force -> force || RoomRepository.isOpenLivechat(room) ? Future.succeededFuture(force)
                : fail(closedError(room, body, ErrorCode.ROOM_ALREADY_CLOSED)))
            .map(force -> new Closing(room, new Closer(caller.userId(), caller.username(), "user", null),
                body.getString("comment"), tags(body), command.correlationId())))
        .compose(closing::close);
  }

  /**
   * The caller's subscription to the room, or {@code close-others-livechat-room}. A request that lost a race saw the
   * room before its close removed the subscriptions: the agent serving the room counts as subscribed.
   */
  private Future<JsonObject> authorize(JsonObject room, Caller caller, JsonObject body) {
    boolean servedBeforeClose = lostRace(room, body) && room.getValue("servedBy") instanceof JsonObject servedBy
        && caller.userId().equals(servedBy.getValue("_id"));
    return (servedBeforeClose ? Future.succeededFuture(true)
        : rooms.hasSubscription(room.getString("_id"), caller.userId()))
        .compose(subscribed -> subscribed ? Future.succeededFuture(true)
            : permissions.has(caller.roles(), Permission.CLOSE_OTHERS_LIVECHAT_ROOM))
        .compose(allowed -> allowed ? Future.succeededFuture(room) : fail(ErrorCode.NOT_AUTHORIZED));
  }

  /** @return true when the body asks {@code forceClose} and the setting allows it */
  private Future<Boolean> forceClose(JsonObject body) {
    return Boolean.TRUE.equals(body.getValue("forceClose"))
        ? settings.bool(Setting.OMNICHANNEL_ALLOW_FORCE_CLOSE_CONVERSATIONS) : Future.succeededFuture(false);
  }

  private static List<String> tags(JsonObject body) {
    return body.getValue("tags") instanceof JsonArray tags
        ? tags.stream().map(String::valueOf).toList() : List.of();
  }

  /**
   * @return {@link ErrorCode#ROOM_CANNOT_BE_CLOSED_TRY_AGAIN} when the room was closed after the gateway accepted
   *     this request (see the class comment), else {@code closed}
   */
  private static ErrorCode closedError(JsonObject room, JsonObject body, ErrorCode closed) {
    return lostRace(room, body) ? ErrorCode.ROOM_CANNOT_BE_CLOSED_TRY_AGAIN : closed;
  }

  /** @return true when the room was closed after the gateway accepted this request ({@code requestedAt}) */
  private static boolean lostRace(JsonObject room, JsonObject body) {
    Object closedAt = room.getValue("closedAt");
    return body.getValue("requestedAt") instanceof Number requestedAt && closedAt != null
        && requestedAt.longValue() < MessageDocs.instant(closedAt).toEpochMilli();
  }

  private static <T> Future<T> fail(ErrorCode code) {
    return Future.failedFuture(new LivechatException(code));
  }
}
