package chat.rocket.livechat.gateway.http;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.gateway.auth.Access;
import chat.rocket.livechat.gateway.auth.Access.AuthorizedCall;
import chat.rocket.livechat.gateway.messaging.CommandSender;
import chat.rocket.livechat.gateway.validation.OperatorSchemas;
import chat.rocket.livechat.gateway.validation.Schemas;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;

/**
 * The room endpoints (spec §3-§5; DECISIONS.md, Endpoints): each turns the HTTP call into room (and, for saveInfo,
 * visitor) commands and answers with the reply.
 */
public final class RoomRoutes {

  /** Route path of the deprecated endpoint, as named in its deprecation header. */
  public static final String ROOM_VISITOR_ROUTE = "livechat/room.visitor";
  /** Version that removes {@code livechat/room.visitor} (spec §4.1). */
  public static final String ROOM_VISITOR_REMOVAL_VERSION = "7.0.0";
  /** Failures of the room check that Rocket.Chat reports before looking at the guest (spec §5.2 steps 2-3). */
  private static final Set<ErrorCode> ROOM_ACCESS_FAILURES = Set.of(ErrorCode.ERROR_INVALID_ROOM,
      ErrorCode.UNAUTHORIZED);

  private final CommandSender requester;
  private final Access access;
  private final OpenRoomHints hints;

  /**
   * @param requester sends room and visitor commands and yields their reply bodies
   * @param access    authentication, rate limit, validation and permission checks, in Rocket.Chat's order
   * @param hints     the visitors' open rooms this gateway answered, which key their next {@code GET livechat/room}
   */
  public RoomRoutes(CommandSender requester, Access access, OpenRoomHints hints) {
    this.requester = requester;
    this.access = access;
    this.hints = hints;
  }

  /**
   * {@code GET livechat/room?token&rid&agentId}: no auth; Meteor check of the query (400 {@code Match error: ...});
   * {@code source.type} is {@code widget} with cookies {@code rc_room_type=l} and {@code rc_is_widget=t}, else
   * {@code api}. 200 {@code {room, newRoom, success}}; 400 {@code invalid-token}, {@code invalid-room},
   * {@code no-agent-online}, {@code error-omnichannel-is-disabled}.
   *
   * <p>The command is keyed by the room the caller names ({@code rid}), else by the visitor's open room this gateway
   * last answered ({@link OpenRoomHints}, sent as {@code hint}), else by the token: keyed by a {@code rid}, it reaches
   * the room-service member holding that room in memory (DESIGN.md, Room read model).
   */
  public void getOrCreate(RoutingContext ctx) {
    ApiResponses.respondEncoded(ctx, Future.succeededFuture(ctx)
        .map(c -> RequestInput.check(RequestInput.query(c), Schemas.ROOM_QUERY))
        .compose(query -> getOrCreate(ctx, query)));
  }

  /** The reply's bytes go to the HTTP body as they are: only {@code room._id} is read from them, for the hint. */
  private Future<Buffer> getOrCreate(RoutingContext ctx, JsonObject query) {
    String token = query.getString("token");
    String rid = query.getString("rid");
    String hint = rid == null ? hints.get(token) : null;
    JsonObject body = query.copy().put("source", new JsonObject().put("type", isWidget(ctx) ? "widget" : "api"));
    if (hint != null) {
      body.put("hint", hint);
    }
    String key = rid != null ? rid : hint != null ? hint : token;
    return requester.requestEncoded(RequestLog.commandsOf(ctx), CommandType.ROOM_GET_OR_CREATE, key, null, body)
        .onSuccess(reply -> learn(token, hint, EncodedJson.string(reply, "room", "_id")))
        .onFailure(failure -> hints.forget(token));
  }

  private void learn(String token, String hint, String rid) {
    if (rid != null && !rid.equals(hint)) {
      hints.learn(token, rid);
    }
  }

  /**
   * {@code PUT livechat/room.visitor} (deprecated): auth, ajv body {@code {rid, oldVisitorId, newVisitorId}},
   * {@code view-l-room}, then room access in the room-service. 200 {@code {room, success}}. Every answer carries the
   * {@code x-deprecation-*} headers (spec §1.7).
   */
  public void changeVisitor(RoutingContext ctx) {
    ctx.response()
        .putHeader("x-deprecation-type", "endpoint-deprecation")
        .putHeader("x-deprecation-message", "The endpoint \"" + ROOM_VISITOR_ROUTE
            + "\" is deprecated and will be removed on version " + ROOM_VISITOR_REMOVAL_VERSION)
        .putHeader("x-deprecation-version", ROOM_VISITOR_REMOVAL_VERSION);
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.body(c), Schemas.ROOM_VISITOR_BODY),
            List.of(Permission.VIEW_L_ROOM))
        .compose(call -> send(ctx, CommandType.ROOM_CHANGE_VISITOR, call.input().getString("rid"),
            call.caller(), call.input())));
  }

  /**
   * {@code GET channels.info?roomId|roomName} for a livechat room (Rocket.Chat's {@code findChannelByIdOrName}
   * accepts {@code t:'l'}; its tests read omnichannel rooms through it): auth, then the livechat room access rule
   * (serving, subscribed or {@code view-livechat-rooms}). 200 {@code {channel: the room as stored, success}};
   * neither parameter 400 {@code invalid-params}; no such livechat room 400 {@code error-room-not-found}; a room the
   * caller may not access 403 {@code {"success":false,"error":"unauthorized"}}.
   */
  public void channelInfo(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx, c -> UserRoutes.oneOf(
                RequestInput.validate(RequestInput.query(c), OperatorSchemas.CHANNEL_INFO_QUERY), "roomId", "roomName"),
            List.of())
        .compose(call -> send(ctx, CommandType.ROOM_INFO,
            call.input().getString("roomId", call.input().getString("roomName")), call.caller(), call.input())));
  }

  /**
   * {@code POST livechat/room.saveInfo}: auth, ajv body {@code {guestData, roomData}}, {@code view-l-room}; then room
   * and guest are checked concurrently and written only when both pass (DECISIONS.md improvement 2). Error order as
   * Rocket.Chat: {@code error-invalid-room} / 403 {@code unauthorized}, then guest errors, then room custom fields.
   * 200 {@code {success: true}}.
   */
  public void saveInfo(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.body(c), Schemas.SAVE_INFO_BODY),
            List.of(Permission.VIEW_L_ROOM))
        .compose(call -> checkRoomAndGuest(ctx, call))
        .compose(call -> writeRoomAndGuest(ctx, call)));
  }

  private Future<SaveInfoCall> checkRoomAndGuest(RoutingContext ctx, AuthorizedCall call) {
    JsonObject roomData = call.input().getJsonObject("roomData");
    JsonObject guestData = call.input().getJsonObject("guestData");
    Future<JsonObject> room = send(ctx, CommandType.ROOM_CHECK_SAVE_INFO, roomData.getString("_id"),
        call.caller(), new JsonObject().put("roomData", roomData));
    Future<JsonObject> guest = send(ctx, CommandType.VISITOR_CHECK_GUEST, guestData.getString("_id"),
        call.caller(), new JsonObject().put("guestData", guestData));
    return Future.join(room, guest).transform(done -> {
      if (room.failed() && isRoomAccessFailure(room.cause())) {
        return Future.failedFuture(room.cause());
      }
      if (guest.failed()) {
        return Future.failedFuture(guest.cause());
      }
      if (room.failed()) {
        return Future.failedFuture(room.cause());
      }
      boolean sms = room.result().getBoolean("sms", false);
      return Future.succeededFuture(new SaveInfoCall(call, sms ? withoutPhone(guestData) : guestData, roomData));
    });
  }

  private Future<JsonObject> writeRoomAndGuest(RoutingContext ctx, SaveInfoCall call) {
    Future<JsonObject> guest = send(ctx, CommandType.VISITOR_SAVE_GUEST, call.guestData().getString("_id"),
        call.call().caller(), new JsonObject().put("guestData", call.guestData()));
    Future<JsonObject> room = send(ctx, CommandType.ROOM_SAVE_INFO, call.roomData().getString("_id"),
        call.call().caller(), new JsonObject().put("roomData", call.roomData()));
    return Future.join(guest, room).transform(done -> guest.failed() ? Future.failedFuture(guest.cause())
        : room.failed() ? Future.failedFuture(room.cause()) : Future.succeededFuture(new JsonObject()));
  }

  /** Sends one command for this request; its correlation id goes to the request's log line ({@link RequestLog}). */
  private Future<JsonObject> send(RoutingContext ctx, CommandType type, String key, Caller caller, JsonObject body) {
    return requester.request(RequestLog.commandsOf(ctx), type, key, caller, body);
  }

  private static boolean isRoomAccessFailure(Throwable failure) {
    return !(failure instanceof LivechatException e) || ROOM_ACCESS_FAILURES.contains(e.code());
  }

  private static JsonObject withoutPhone(JsonObject guestData) {
    JsonObject copy = guestData.copy();
    copy.remove("phone");
    return copy;
  }

  private static boolean isWidget(RoutingContext ctx) {
    Cookie roomType = ctx.request().getCookie("rc_room_type");
    Cookie isWidget = ctx.request().getCookie("rc_is_widget");
    return roomType != null && "l".equals(roomType.getValue()) && isWidget != null && "t".equals(isWidget.getValue());
  }

  /** A saveInfo call whose room and guest passed their checks. */
  private record SaveInfoCall(AuthorizedCall call, JsonObject guestData, JsonObject roomData) {
  }
}
