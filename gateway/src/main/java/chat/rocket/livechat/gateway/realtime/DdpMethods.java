package chat.rocket.livechat.gateway.realtime;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.gateway.auth.Authenticator;
import chat.rocket.livechat.platform.kafka.EventSink;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The DDP methods the Livechat widget, its older SDK and {@code @rocket.chat/ddp-client} call, answered as
 * Rocket.Chat does; results are JSON values, {@code null} for none ({@code result} then has no field):
 *
 * <ul>
 *   <li>{@code livechat:setUpConnection [{token}]}: remembers the visitor token on the session (the first one);
 *       no result. A param that is not {@code {token: String}} → 400 {@code Match failed}.</li>
 *   <li>{@code login [{resume: token}]}: Meteor's resume login, checked as the REST authentication checks
 *       {@code X-Auth-Token} ({@link Authenticator#resume}); result
 *       {@code {id, token, tokenExpires: {$date}, type: "resume"}}; an unknown token → 403
 *       {@code You've been logged out by the server. Please log in again.}; other login forms → 400
 *       {@code Unrecognized options for login request}. {@code logout} forgets the user.</li>
 *   <li>{@code stream-notify-room [<rid>/typing, username, isTyping, {token}]} (older SDK) and
 *       {@code [<rid>/user-activity, username, activities, {token}]} (ddp-client): once the room is authorized
 *       ({@link RoomStreams#authorize}; a user without token must write under their own username), published as a
 *       {@code room.activity} CloudEvent on {@code livechat.room.activity} (key rid), never stored; no result, also
 *       when refused or for another event, as Rocket.Chat's streamer does.</li>
 *   <li>{@code UserPresence:*}, {@code setUserStatus}: accepted, no result (presence is not tracked).</li>
 *   <li>anything else: 404 {@code Method '<name>' not found}.</li>
 * </ul>
 */
final class DdpMethods {

  private final Authenticator authenticator;
  private final RoomStreams streams;
  private final EventSink activity;

  /**
   * @param authenticator checks resume tokens
   * @param streams       authorizes rooms for typing
   * @param activity      publishes {@code room.activity} events
   */
  DdpMethods(Authenticator authenticator, RoomStreams streams, EventSink activity) {
    this.authenticator = authenticator;
    this.streams = streams;
    this.activity = activity;
  }

  /** @return the method's result (null for none), or a failed Future with a {@link MeteorError} */
  Future<Object> call(DdpSession session, String method, JsonArray params) {
    if (method.startsWith("UserPresence:") || "setUserStatus".equals(method)) {
      return Future.succeededFuture();
    }
    return switch (method) {
      case "livechat:setUpConnection" -> setUpConnection(session, params);
      case "login" -> login(session, params);
      case "logout" -> {
        session.user(null);
        yield Future.succeededFuture();
      }
      case StreamEvents.NOTIFY_ROOM -> notifyRoom(session, params).otherwiseEmpty();
      default -> Future.failedFuture(MeteorError.methodNotFound(method));
    };
  }

  private static Future<Object> setUpConnection(DdpSession session, JsonArray params) {
    String token = RoomStreams.stringField(params.getValue(0) instanceof JsonObject data ? data : null, "token");
    if (token == null) {
      return Future.failedFuture(new MeteorError(400, "Match failed"));
    }
    session.visitorToken(token);
    return Future.succeededFuture();
  }

  private Future<Object> login(DdpSession session, JsonArray params) {
    String token = RoomStreams.stringField(params.getValue(0) instanceof JsonObject data ? data : null, "resume");
    if (token == null) {
      return Future.failedFuture(new MeteorError(400, "Unrecognized options for login request"));
    }
    return authenticator.resume(token)
        .recover(e -> Future.failedFuture(
            new MeteorError(403, "You've been logged out by the server. Please log in again.")))
        .map(login -> {
          session.user(login.caller());
          return new JsonObject().put("id", login.caller().userId()).put("token", token)
              .put("tokenExpires", new JsonObject().put("$date", login.tokenExpires().toEpochMilli()))
              .put("type", "resume");
        });
  }

  private Future<Object> notifyRoom(DdpSession session, JsonArray params) {
    String[] event = params.getValue(0) instanceof String name ? name.split("/", 2) : new String[0];
    JsonArray activities = activities(event, params.getValue(2));
    if (activities == null || !(params.getValue(1) instanceof String username) || username.isEmpty()) {
      return Future.succeededFuture();
    }
    JsonObject extra = params.getValue(3) instanceof JsonObject object ? object.copy() : new JsonObject();
    String token = RoomStreams.stringField(extra, "token");
    extra.remove("token");
    extra.remove("visitorToken");
    Caller user = session.user();
    if (token == null && session.visitorToken() == null && (user == null || !username.equals(user.username()))) {
      return Future.succeededFuture();
    }
    String rid = event[0];
    JsonObject data = StreamEvents.activity(rid, username, activities, extra, session.sessionId());
    return streams.authorize(session, rid, token != null ? token : session.visitorToken())
        .compose(v -> activity.publish(EventType.ROOM_ACTIVITY, UUID.randomUUID().toString(), OffsetDateTime.now(),
            rid, Buffer.buffer(data.encode())))
        .map(v -> null);
  }

  /** @return the activities of a typing or user-activity write, or null for another event or malformed args */
  private static JsonArray activities(String[] event, Object activity) {
    if (event.length != 2 || event[0].isEmpty()) {
      return null;
    }
    if (StreamEvents.TYPING.equals(event[1]) && activity instanceof Boolean typing) {
      return typing ? new JsonArray().add(StreamEvents.USER_TYPING) : new JsonArray();
    }
    if (StreamEvents.USER_ACTIVITY.equals(event[1]) && activity instanceof JsonArray list
        && list.stream().allMatch(String.class::isInstance)) {
      return list.copy();
    }
    return null;
  }
}
