package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.Ids;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.rocketchat.Permissions;
import chat.rocket.livechat.platform.rocketchat.Settings;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code room.close}: Rocket.Chat's {@code livechat/room.close} (7.x checks) and {@code closeLivechatRoom}; result
 * {@code {rid, comment}}.
 *
 * <ul>
 *   <li><b>Visitor</b> (body {@code {rid, token}}, no caller): setting
 *       {@code Omnichannel_allow_visitors_to_close_conversation} off
 *       {@link ErrorCode#NOT_ALLOWED_TO_CLOSE_CONVERSATION}; {@link ErrorCode#INVALID_TOKEN};
 *       {@link ErrorCode#INVALID_ROOM}; a closed room {@link ErrorCode#ROOM_CLOSED};
 *       the comment is {@value #CLOSED_BY_VISITOR}, the closer {@code visitor}.</li>
 *   <li><b>Agent</b> (body {@code {rid, comment?}}, caller set; the gateway checked {@code close-livechat-room}): no
 *       livechat room {@link ErrorCode#ERROR_INVALID_ROOM}; a closed room loses its subscriptions and answers
 *       {@link ErrorCode#ROOM_ALREADY_CLOSED}; a caller without subscription to the room and without
 *       {@code close-others-livechat-room} {@link ErrorCode#NOT_AUTHORIZED}; the closer is {@code user}.</li>
 * </ul>
 * Closing stores the {@code livechat-close} system message (msg = the comment or {@code ""}, u = the closer, with
 * the visitor's {@code token} when the visitor closes; its {@code _id} is derived from the rid, so a redelivered
 * command stores it once), then in one room write: {@code open} removed, {@code closedAt}, {@code closedBy: {_id,
 * username}}, {@code closer}, {@code metrics.chatDuration} (seconds since the room's {@code ts}),
 * {@code metrics.serviceTimeDuration} (seconds since {@code servedBy.ts}, when served), {@code v.status: offline},
 * {@code msgs + 1}, and the events {@code message.created} (the close message) and {@code room.closed}, in that
 * order. Then the inquiry and the subscriptions are removed (Rocket.Chat 6.x removes both) and the events published.
 */
final class CloseRoom {

  /** Rocket.Chat's English {@code Closed_by_visitor}. */
  static final String CLOSED_BY_VISITOR = "Closed by visitor";
  private static final List<String> CHANGED = List.of("open", "closedAt", "closedBy", "closer", "metrics",
      "v.status", "msgs");

  private final VisitorRoomLookup lookup;
  private final RoomRepository rooms;
  private final MessageRepository messages;
  private final Settings settings;
  private final Permissions permissions;
  private final RoomEvents events;

  CloseRoom(VisitorRoomLookup lookup, RoomRepository rooms, MessageRepository messages, Settings settings,
            Permissions permissions, RoomEvents events) {
    this.lookup = lookup;
    this.rooms = rooms;
    this.messages = messages;
    this.settings = settings;
    this.permissions = permissions;
    this.events = events;
  }

  /** Handles one {@code room.close} command. */
  Future<JsonObject> handle(Command command) {
    JsonObject body = command.body();
    return command.caller() == null ? byVisitor(body) : byAgent(body, command.caller());
  }

  private Future<JsonObject> byVisitor(JsonObject body) {
    String token = body.getString("token");
    return settings.bool(Setting.OMNICHANNEL_ALLOW_VISITORS_TO_CLOSE_CONVERSATION)
        .compose(allowed -> allowed ? lookup.find(token, body.getString("rid"))
            : fail(ErrorCode.NOT_ALLOWED_TO_CLOSE_CONVERSATION))
        .compose(found -> found.open() ? Future.succeededFuture(found) : fail(ErrorCode.ROOM_CLOSED))
        .compose(found -> close(found.room(), new Closer(found.visitor().getString("_id"),
            found.visitor().getString("username"), "visitor", token), CLOSED_BY_VISITOR));
  }

  private Future<JsonObject> byAgent(JsonObject body, Caller caller) {
    String rid = body.getString("rid");
    return rooms.findById(rid)
        .compose(room -> room != null && "l".equals(room.getValue("t")) ? Future.succeededFuture(room)
            : fail(ErrorCode.ERROR_INVALID_ROOM))
        .compose(room -> RoomRepository.isOpenLivechat(room) ? Future.succeededFuture(room)
            : rooms.removeSubscriptions(rid).compose(v -> fail(ErrorCode.ROOM_ALREADY_CLOSED)))
        .compose(room -> rooms.hasSubscription(rid, caller.userId())
            .compose(subscribed -> subscribed ? Future.succeededFuture(true)
                : permissions.has(caller.roles(), Permission.CLOSE_OTHERS_LIVECHAT_ROOM))
            .compose(allowed -> allowed ? Future.succeededFuture(room) : fail(ErrorCode.NOT_AUTHORIZED)))
        .compose(room -> close(room, new Closer(caller.userId(), caller.username(), "user", null),
            body.getString("comment")));
  }

  private Future<JsonObject> close(JsonObject room, Closer closer, String comment) {
    String rid = room.getString("_id");
    JsonObject message = closeMessage(rid, closer, comment);
    return messages.insert(message)
        .compose(v -> rooms.update(rid, new JsonObject(), OutboxEntries.pushingAll(closing(room, closer),
            List.of(MessageDocs.event(EventType.MESSAGE_CREATED, message),
                RoomEvents.pending(EventType.ROOM_CLOSED, CHANGED)))))
        .compose(v -> rooms.removeInquiryAndSubscriptions(rid))
        .compose(v -> events.publish(rid))
        .map(closed -> new JsonObject().put("rid", rid).put("comment", comment));
  }

  private static JsonObject closeMessage(String rid, Closer closer, String comment) {
    JsonObject user = new JsonObject().put("_id", closer.id()).put("username", closer.username());
    JsonObject extra = new JsonObject().put("transcriptRequested", false);
    if (closer.token() != null) {
      extra.put("token", closer.token());
    }
    return MessageDocs.systemMessage(Ids.derivedId(rid + ":livechat-close"), "livechat-close", rid,
        comment == null ? "" : comment, user, extra);
  }

  private static JsonObject closing(JsonObject room, Closer closer) {
    Instant now = Instant.now();
    JsonObject set = new JsonObject().put("closedAt", MongoDocs.date(now))
        .put("metrics.chatDuration", seconds(room.getValue("ts"), now)).put("v.status", "offline")
        .put("closer", closer.kind())
        .put("closedBy", new JsonObject().put("_id", closer.id()).put("username", closer.username()))
        .put("_updatedAt", MongoDocs.date(now));
    if (room.getValue("servedBy") instanceof JsonObject servedBy && servedBy.getValue("ts") != null) {
      set.put("metrics.serviceTimeDuration", seconds(servedBy.getValue("ts"), now));
    }
    return new JsonObject().put("$set", set).put("$unset", new JsonObject().put("open", ""))
        .put("$inc", new JsonObject().put("msgs", 1));
  }

  /** @return the seconds (with ms) from a stored date to {@code now} */
  private static double seconds(Object since, Instant now) {
    return Duration.between(MessageDocs.instant(since), now).toMillis() / 1000.0;
  }

  private static <T> Future<T> fail(ErrorCode code) {
    return Future.failedFuture(new LivechatException(code));
  }

  /**
   * Who closes the room.
   *
   * @param id       visitor or user {@code _id}
   * @param username its username
   * @param kind     {@code visitor} or {@code user} (the room's {@code closer})
   * @param token    the visitor's token, or null for a user
   */
  private record Closer(String id, String username, String kind, String token) {
  }
}
