package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.Ids;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.rocketchat.Users;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * {@code room.join} ({@code GET livechat/room.join?roomId}; Rocket.Chat 7.x {@code app/livechat/server/api/v1/room.ts}
 * and {@code addUserToRoom}): body {@code {roomId}}, caller set (the gateway checked {@code view-l-room}); result
 * {@code {}}.
 * <ol>
 *   <li>No livechat room with that id: {@link ErrorCode#ERROR_INVALID_ROOM}; a closed one:
 *       {@link ErrorCode#ROOM_CLOSED} (Community Edition has no MAC limit to check next).</li>
 *   <li>The caller may not access the room ({@link RoomAccess}): {@link ErrorCode#NOT_ALLOWED}.</li>
 *   <li>The caller gets a subscription ({@code createWithRoomAndUser}: {@code open, alert: true, unread: 1,
 *       userMentions: 1, groupMentions: 0, ts: now, u: {_id, username, name?}, t: 'l', name, fname, v}). Only when it
 *       is new: the room's {@code usersCount + 1} and a {@code uj} system message ({@code msg} = the username), with
 *       {@link EventType#ROOM_UPDATED} and {@link EventType#MESSAGE_CREATED}. A caller already subscribed changes
 *       nothing, as in Rocket.Chat.</li>
 * </ol>
 * A redelivered join finds the subscription and writes nothing; a failure between the subscription and the room write
 * leaves the subscription without its message (the same outcome as Rocket.Chat's non-transactional join).
 */
final class JoinRoom {

  private static final List<String> CHANGED_FIELDS = List.of("usersCount", "_updatedAt");

  private final RoomRepository rooms;
  private final SubscriptionRepository subscriptions;
  private final MessageRepository messages;
  private final RoomAccess access;
  private final Users users;
  private final RoomEvents events;

  JoinRoom(RoomRepository rooms, SubscriptionRepository subscriptions, MessageRepository messages, RoomAccess access,
           Users users, RoomEvents events) {
    this.rooms = rooms;
    this.subscriptions = subscriptions;
    this.messages = messages;
    this.access = access;
    this.users = users;
    this.events = events;
  }

  /** Handles one {@code room.join} command. */
  Future<JsonObject> handle(Command command) {
    Caller caller = command.caller();
    return rooms.findById(command.body().getString("roomId", ""))
        .compose(room -> check(room, caller))
        .compose(room -> users.findById(caller.userId())
            .compose(user -> user == null ? fail(ErrorCode.NOT_ALLOWED) : join(room, user)))
        .map(v -> new JsonObject());
  }

  private Future<JsonObject> check(JsonObject room, Caller caller) {
    if (room == null || !"l".equals(room.getValue("t"))) {
      return fail(ErrorCode.ERROR_INVALID_ROOM);
    }
    if (!Boolean.TRUE.equals(room.getValue("open"))) {
      return fail(ErrorCode.ROOM_CLOSED);
    }
    return access.canAccess(room, caller)
        .compose(allowed -> allowed ? Future.succeededFuture(room) : fail(ErrorCode.NOT_ALLOWED));
  }

  private Future<Void> join(JsonObject room, JsonObject user) {
    return subscriptions.subscribe(subscription(room, user))
        .compose(inserted -> inserted ? announce(room.getString("_id"), user) : Future.succeededFuture());
  }

  private Future<Void> announce(String rid, JsonObject user) {
    JsonObject message = MessageDocs.systemMessage(Ids.randomId(), "uj", rid, user.getString("username"), user,
        new JsonObject());
    JsonObject update = new JsonObject()
        .put("$inc", new JsonObject().put("usersCount", 1))
        .put("$set", new JsonObject().put("_updatedAt", MongoDocs.now()));
    return messages.insert(message)
        .compose(v -> rooms.update(rid, new JsonObject(), OutboxEntries.pushingAll(update, List.of(
            RoomEvents.pending(EventType.ROOM_UPDATED, CHANGED_FIELDS),
            MessageDocs.event(EventType.MESSAGE_CREATED, message)))))
        .compose(v -> events.publish(rid))
        .mapEmpty();
  }

  /** @return the caller's new subscription to the room, Rocket.Chat's {@code createWithRoomAndUser} shape */
  static JsonObject subscription(JsonObject room, JsonObject user) {
    JsonObject v = room.getJsonObject("v", new JsonObject());
    String name = room.getString("name", v.getString("username", ""));
    String fname = room.getString("fname", name);
    JsonObject now = MongoDocs.now();
    return new JsonObject().put("_id", Ids.randomId()).put("rid", room.getString("_id")).put("name", name)
        .put("fname", fname).put("lowerCaseName", name.toLowerCase(Locale.ROOT))
        .put("lowerCaseFName", fname.toLowerCase(Locale.ROOT)).put("t", "l").put("open", true).put("alert", true)
        .put("unread", 1).put("userMentions", 1).put("groupMentions", 0).put("u", MessageDocs.user(user))
        .put("v", v.copy()).put("desktopNotifications", "all").put("mobilePushNotifications", "all")
        .put("emailNotifications", "all").put("ts", now).put("_updatedAt", now);
  }

  private static <T> Future<T> fail(ErrorCode code) {
    return Future.failedFuture(new LivechatException(code));
  }
}
