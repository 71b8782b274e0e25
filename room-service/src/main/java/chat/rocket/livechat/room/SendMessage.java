package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.Ids;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.rocketchat.Settings;
import chat.rocket.livechat.platform.rocketchat.Users;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * {@code room.send-message}: body {@code {rid, msg, _id?, token?}}; result {@code {message}} (the stored document,
 * ISO dates); {@code message.created} is recorded in the room's write and published before the reply.
 *
 * <ul>
 *   <li><b>Visitor</b> ({@code POST livechat/message}, no caller): {@link ErrorCode#INVALID_TOKEN},
 *       {@link ErrorCode#INVALID_ROOM} (not this visitor's room), {@link ErrorCode#ROOM_CLOSED},
 *       {@link ErrorCode#MESSAGE_TOO_LONG} (while {@code Livechat_enable_message_character_limit} is on).</li>
 *   <li><b>Agent</b> ({@code POST chat.sendMessage}, caller set; Rocket.Chat's {@code canSendMessage}): missing or
 *       non-livechat room {@link ErrorCode#ERROR_INVALID_ROOM}; caller gone {@link ErrorCode#USER_NOT_FOUND}; a caller
 *       who may not access the room ({@link RoomAccess}: serves it, holds {@code view-livechat-rooms} or has a
 *       subscription) {@link ErrorCode#NOT_ALLOWED}; a closed room {@link ErrorCode#ROOM_CLOSED}.</li>
 * </ul>
 * The room then gets {@code msgs + 1}, {@code lastMessage}, {@code lm}; a visitor's message sets
 * {@code v.lastMessageTs} (and, after an answer, {@code waitingResponse: true} without {@code responseBy}); an agent's
 * sets {@code responseBy} (first answer) or {@code responseBy.lastMessageTs}, removes {@code waitingResponse} and adds
 * the month to {@code v.activity} ({@link LicenseUsage}: the room's visitor is a monthly active contact).
 * Idempotent: the client's {@code _id} is kept (when empty or absent, a {@code Random.id()}); the same {@code _id}
 * again answers the stored message and counts it once (a message with that {@code _id} in another room or from
 * someone else is {@link ErrorCode#NOT_ALLOWED}).
 */
final class SendMessage {

  private final VisitorRoomLookup lookup;
  private final RoomRepository rooms;
  private final MessageRepository messages;
  private final RoomAccess access;
  private final Users users;
  private final Settings settings;
  private final RoomEvents events;
  private final RoomReadModel held;

  SendMessage(VisitorRoomLookup lookup, RoomRepository rooms, MessageRepository messages, RoomAccess access,
              Users users, Settings settings, RoomEvents events, RoomReadModel held) {
    this.lookup = lookup;
    this.rooms = rooms;
    this.messages = messages;
    this.access = access;
    this.users = users;
    this.settings = settings;
    this.events = events;
    this.held = held;
  }

  /** Handles one {@code room.send-message} command. */
  Future<JsonObject> handle(Command command) {
    JsonObject body = command.body();
    String given = body.getString("_id");
    String id = given != null && !given.isEmpty() ? given : Ids.randomId();
    Future<Draft> draft = command.caller() == null ? fromVisitor(command, id)
        : fromAgent(body, id, command.caller());
    return draft.compose(ready -> store(command, ready))
        .map(stored -> new JsonObject().put("message", MongoDocs.toApi(stored)));
  }

  private Future<Draft> fromVisitor(Command command, String id) {
    JsonObject body = command.body();
    String token = body.getString("token");
    String msg = body.getString("msg", "");
    return lookup.findHeld(held, command, token, body.getString("rid"))
        .compose(found -> found.open() ? Future.succeededFuture(found) : fail(ErrorCode.ROOM_CLOSED))
        .compose(found -> checkLength(msg).map(v -> new Draft(found.room(),
            MessageDocs.userMessage(id, found.room().getString("_id"), msg, found.visitor(), token), true)));
  }

  /** The widget's limit ({@code config.settings.limitTextLength}): the setting, or {@code Message_MaxAllowedSize}. */
  private Future<Void> checkLength(String msg) {
    return settings.bool(Setting.LIVECHAT_ENABLE_MESSAGE_CHARACTER_LIMIT)
        .compose(on -> !on ? Future.succeededFuture(Long.MAX_VALUE)
            : settings.number(Setting.LIVECHAT_MESSAGE_CHARACTER_LIMIT).compose(limit -> limit > 0
                ? Future.succeededFuture(limit) : settings.number(Setting.MESSAGE_MAX_ALLOWED_SIZE)))
        .compose(limit -> msg.length() > limit ? fail(ErrorCode.MESSAGE_TOO_LONG) : Future.succeededFuture());
  }

  private Future<Draft> fromAgent(JsonObject body, String id, Caller caller) {
    String rid = body.getString("rid");
    return rooms.findById(rid)
        .compose(room -> room != null && "l".equals(room.getValue("t")) ? Future.succeededFuture(room)
            : fail(ErrorCode.ERROR_INVALID_ROOM))
        .compose(room -> users.findById(caller.userId())
            .compose(user -> user != null ? Future.succeededFuture(user) : fail(ErrorCode.USER_NOT_FOUND))
            .compose(user -> access.canAccess(room, caller)
                .compose(allowed -> allowed ? Future.succeededFuture(user) : fail(ErrorCode.NOT_ALLOWED)))
            .compose(user -> RoomRepository.isOpenLivechat(room) ? Future.succeededFuture(user)
                : fail(ErrorCode.ROOM_CLOSED))
            .map(user -> new Draft(room, MessageDocs.userMessage(id, rid, body.getString("msg", ""),
                user.copy().put("_id", caller.userId()), null), false)));
  }

  /**
   * Inserts the message and updates the room, or finds both done by an earlier delivery of the same message; either
   * way the room's pending events are published before the answer.
   */
  private Future<JsonObject> store(Command command, Draft draft) {
    JsonObject message = draft.message();
    return messages.insert(message).compose(inserted -> inserted ? count(command, draft, message)
        : messages.findById(message.getString("_id"))
            .compose(existing -> sameMessage(existing, message))
            .compose(existing -> counted(draft.room(), existing)
                ? events.publish(existing.getString("rid")).map(existing) : count(command, draft, existing)));
  }

  /**
   * Updates the room (the read model keeps the room as the update left it, {@link RoomReadModel#writeThrough}) and
   * publishes its pending events from that image, without reading the room again.
   */
  private Future<JsonObject> count(Command command, Draft draft, JsonObject message) {
    String rid = draft.room().getString("_id");
    return held.writeThrough(command, rid, () -> rooms.updateReturning(rid, roomUpdate(draft, message)))
        .compose(room -> room == null ? Future.succeededFuture() : events.publishWritten(room))
        .map(message);
  }

  private static Future<JsonObject> sameMessage(JsonObject existing, JsonObject message) {
    boolean same = existing != null && message.getString("rid").equals(existing.getString("rid"))
        && message.getJsonObject("u").getString("_id").equals(existing.getJsonObject("u").getString("_id"));
    return same ? Future.succeededFuture(existing) : fail(ErrorCode.NOT_ALLOWED);
  }

  /** @return true when the room already counts a stored message: its {@code lm} is not older than the message */
  private static boolean counted(JsonObject room, JsonObject message) {
    return !MessageDocs.instant(message.getValue("ts")).isAfter(MessageDocs.instant(room.getValue("lm")));
  }

  private static JsonObject roomUpdate(Draft draft, JsonObject message) {
    Object ts = message.getValue("ts");
    JsonObject set = new JsonObject().put("lastMessage", message).put("lm", ts).put("_updatedAt", MongoDocs.now());
    JsonObject unset = new JsonObject();
    JsonObject responseBy = draft.room().getJsonObject("responseBy");
    if (draft.fromVisitor()) {
      waitForAnswer(set, unset, ts, responseBy);
    } else {
      answered(set, unset, message, responseBy);
    }
    JsonObject update = new JsonObject().put("$set", set).put("$inc", new JsonObject().put("msgs", 1));
    if (!unset.isEmpty()) {
      update.put("$unset", unset);
    }
    if (!draft.fromVisitor()) {
      update.put("$addToSet", new JsonObject().put("v.activity", LicenseUsage.period(Instant.now())));
    }
    return OutboxEntries.pushing(update, MessageDocs.event(EventType.MESSAGE_CREATED, message));
  }

  /** A visitor's message: {@code v.lastMessageTs}; after an answer, waiting again without {@code responseBy}. */
  private static void waitForAnswer(JsonObject set, JsonObject unset, Object ts, JsonObject responseBy) {
    set.put("v.lastMessageTs", ts);
    if (responseBy != null) {
      set.put("waitingResponse", true);
      unset.put("responseBy", "");
    }
  }

  /** An agent's message: the first answer sets {@code responseBy}, a later one its {@code lastMessageTs}. */
  private static void answered(JsonObject set, JsonObject unset, JsonObject message, JsonObject responseBy) {
    Object ts = message.getValue("ts");
    if (responseBy == null) {
      set.put("responseBy", MessageDocs.user(message.getJsonObject("u")).put("firstResponseTs", ts)
          .put("lastMessageTs", ts));
    } else {
      set.put("responseBy.lastMessageTs", ts);
    }
    unset.put("waitingResponse", "");
  }

  private static <T> Future<T> fail(ErrorCode code) {
    return Future.failedFuture(new LivechatException(code));
  }

  /**
   * A message ready to store.
   *
   * @param room        the room as read before the message
   * @param message     the new message document
   * @param fromVisitor true for the visitor's message
   */
  private record Draft(JsonObject room, JsonObject message, boolean fromVisitor) {
  }
}
