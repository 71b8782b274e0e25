package chat.rocket.livechat.gateway.realtime;

import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.gateway.messaging.CommandSender;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscriptions to the room streams of {@link StreamEvents} and their authorization (Rocket.Chat's
 * {@code NotificationsModule} read rules). Params as both Livechat clients send them: {@code [eventName,
 * {useCollection: false, args: [{token, visitorToken}]}]} (a bare boolean second param is accepted too). The event
 * name is the rid for {@code stream-room-messages} and {@code stream-livechat-room}, {@code <rid>/<event>} for
 * {@code stream-notify-room}. A room is authorized once per session, rid and token through command
 * {@code room.check-access} (keyed by rid; body {@code {rid, token?}}, the logged-in user as caller): the token is
 * {@code args[0].visitorToken} for {@code stream-livechat-room}, {@code args[0].token} for the others (a string,
 * never an object), else the session's {@code livechat:setUpConnection} token. Refused → {@code nosub} with
 * {@code {error: "not-allowed", message: "[not-allowed]"}} as Rocket.Chat's streamer answers; an empty event name →
 * {@code invalid-event-name}; no answer from the room-service → 500; another stream → 404
 * {@code Subscription '<name>' not found}.
 */
final class RoomStreams {

  private static final Logger LOG = LoggerFactory.getLogger(RoomStreams.class);
  private static final Set<String> STREAMS =
      Set.of(StreamEvents.ROOM_MESSAGES, StreamEvents.NOTIFY_ROOM, StreamEvents.LIVECHAT_ROOM);

  private final CommandSender commands;
  private final RealtimeHub hub;

  /**
   * @param commands sends {@code room.check-access}
   * @param hub      where authorized subscriptions are filed
   */
  RoomStreams(CommandSender commands, RealtimeHub hub) {
    this.commands = commands;
    this.hub = hub;
  }

  /**
   * Authorizes one subscription; {@link #register} files it once the session still wants it.
   *
   * @return the subscription, or a failed Future with a {@link MeteorError}
   */
  Future<StreamSubscription> subscribe(DdpSession session, String id, String name, JsonArray params) {
    if (!STREAMS.contains(name)) {
      return Future.failedFuture(MeteorError.subscriptionNotFound(name));
    }
    if (!(params.getValue(0) instanceof String eventName) || eventName.isEmpty()) {
      return Future.failedFuture(new MeteorError(MeteorError.INVALID_EVENT_NAME, null));
    }
    String rid = StreamEvents.NOTIFY_ROOM.equals(name) ? eventName.split("/", 2)[0] : eventName;
    String tokenField = StreamEvents.LIVECHAT_ROOM.equals(name) ? "visitorToken" : "token";
    String token = stringField(extraData(params.getValue(1)), tokenField);
    return authorize(session, rid, token != null ? token : session.visitorToken())
        .map(v -> new StreamSubscription(id, name, eventName, rid, session));
  }

  /** Files an authorized subscription so that the fan-out feeds it. */
  void register(StreamSubscription subscription) {
    hub.add(subscription);
  }

  /** Stops feeding a subscription. */
  void unsubscribe(StreamSubscription subscription) {
    hub.remove(subscription);
  }

  /**
   * Asks {@code room.check-access} once per session, rid and token (a failed answer is not remembered).
   *
   * @param token the visitor token, or null for the session's user alone
   * @return succeeds when the token is the room's {@code v.token} or the user may see the room; else fails with
   *     {@code not-allowed}
   */
  Future<Void> authorize(DdpSession session, String rid, String token) {
    if (token == null && session.user() == null) {
      return Future.failedFuture(new MeteorError(MeteorError.NOT_ALLOWED, null));
    }
    Map<String, Future<Void>> grants = session.grants();
    String key = rid + '\n' + (token == null ? "" : token);
    Future<Void> grant = grants.get(key);
    if (grant == null) {
      grant = checkAccess(session, rid, token);
      grants.put(key, grant);
      grant.onFailure(e -> grants.remove(key));
    }
    return grant;
  }

  private Future<Void> checkAccess(DdpSession session, String rid, String token) {
    JsonObject body = new JsonObject().put("rid", rid);
    if (token != null) {
      body.put("token", token);
    }
    return commands.request(correlationId -> LOG.debug("room.check-access rid={} correlation-id={}", rid,
            correlationId), CommandType.ROOM_CHECK_ACCESS, rid, session.user(), body)
        .<Void>mapEmpty()
        .recover(RoomStreams::refusal);
  }

  /** A refusal of the room-service is {@code not-allowed}; a timeout or an unreachable service a 500. */
  private static Future<Void> refusal(Throwable failure) {
    boolean unanswered = failure instanceof LivechatException refused
        && (refused.code() == ErrorCode.TIMEOUT || refused.code() == ErrorCode.SERVICE_UNAVAILABLE);
    return Future.failedFuture(unanswered ? MeteorError.internal() : new MeteorError(MeteorError.NOT_ALLOWED, null));
  }

  /** @return {@code args[0]} of a {@code {useCollection, args}} param, or null */
  static JsonObject extraData(Object options) {
    if (options instanceof JsonObject object && object.getValue("args") instanceof JsonArray args
        && args.getValue(0) instanceof JsonObject extra) {
      return extra;
    }
    return null;
  }

  /** @return the field when it is a non-empty string, else null (a token is never an object) */
  static String stringField(JsonObject object, String field) {
    return object != null && object.getValue(field) instanceof String value && !value.isEmpty() ? value : null;
  }
}
