package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.Ids;
import chat.rocket.livechat.platform.rocketchat.Settings;
import chat.rocket.livechat.platform.rocketchat.Users;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * {@code room.page-visited} ({@code POST livechat/page.visited}, Rocket.Chat's {@code savePageHistory}): body
 * {@code {token, rid?, pageInfo: {change, title, location: {href}}}}; result {@code {page: {msg, navigation}}}, or
 * {@code {}} when {@code pageInfo.change} is not setting {@code Livechat_history_monitor_type} ({@code url}).
 *
 * <p>Stores a {@code livechat_navigation_history} system message from {@code rocket.cat} (its user document, or
 * {@code {_id: 'rocket.cat', username: 'rocket.cat'}} where none exists): {@code msg = "<title> - <href>"},
 * {@code navigation: {page: pageInfo, token}}, {@code _hidden: true} unless
 * {@code Livechat_Visitor_navigation_as_a_message}; without {@code rid} it has none and gets {@code expireAt} (epoch
 * ms, one month ahead), as Rocket.Chat keeps an unregistered visitor's history. With a {@code rid}, only a room of
 * that visitor token gets the message (Rocket.Chat does not check; here another visitor's room answers {@code {}}),
 * and a visible one is published as {@code message.created} through the room's outbox.
 */
final class PageVisited {

  /** One month, in ms: how long Rocket.Chat keeps a room-less navigation message. */
  static final long KEEP_WITHOUT_ROOM_MS = 2_592_000_000L;
  private static final String ROCKET_CAT = "rocket.cat";

  private final RoomRepository rooms;
  private final MessageRepository messages;
  private final Users users;
  private final Settings settings;
  private final RoomEvents events;

  PageVisited(RoomRepository rooms, MessageRepository messages, Users users, Settings settings, RoomEvents events) {
    this.rooms = rooms;
    this.messages = messages;
    this.users = users;
    this.settings = settings;
    this.events = events;
  }

  /** Handles one {@code room.page-visited} command. */
  Future<JsonObject> handle(Command command) {
    JsonObject body = command.body();
    JsonObject pageInfo = body.getJsonObject("pageInfo", new JsonObject());
    return settings.string(Setting.LIVECHAT_HISTORY_MONITOR_TYPE)
        .compose(type -> !type.equals(pageInfo.getString("change")) ? Future.succeededFuture(new JsonObject())
            : roomOf(body).compose(room -> room == null && body.getString("rid") != null
                ? Future.succeededFuture(new JsonObject()) : save(body, pageInfo, room)));
  }

  /** @return the room named by {@code rid} when it is the token's room, else null */
  private Future<JsonObject> roomOf(JsonObject body) {
    String rid = body.getString("rid");
    String token = body.getString("token");
    return rid == null ? Future.succeededFuture() : rooms.findById(rid).map(room -> room != null
        && room.getValue("v") instanceof JsonObject v && token.equals(v.getValue("token")) ? room : null);
  }

  private Future<JsonObject> save(JsonObject body, JsonObject pageInfo, JsonObject room) {
    return Future.all(users.findById(ROCKET_CAT), settings.bool(Setting.LIVECHAT_VISITOR_NAVIGATION_AS_A_MESSAGE))
        .compose(all -> {
          JsonObject cat = all.resultAt(0) != null ? all.resultAt(0)
              : new JsonObject().put("_id", ROCKET_CAT).put("username", ROCKET_CAT);
          JsonObject message = message(body, pageInfo, room, cat, all.<Boolean>resultAt(1));
          return messages.insert(message).compose(v -> announce(room, message)).map(v -> page(message));
        });
  }

  private static JsonObject message(JsonObject body, JsonObject pageInfo, JsonObject room, JsonObject cat,
                                    boolean visible) {
    JsonObject location = pageInfo.getJsonObject("location", new JsonObject());
    String msg = pageInfo.getString("title") + " - " + location.getString("href");
    JsonObject extra = new JsonObject().put("navigation",
        new JsonObject().put("page", pageInfo).put("token", body.getString("token")));
    if (room == null) {
      extra.put("expireAt", System.currentTimeMillis() + KEEP_WITHOUT_ROOM_MS);
    }
    if (!visible) {
      extra.put("_hidden", true);
    }
    return MessageDocs.systemMessage(Ids.randomId(), "livechat_navigation_history",
        room == null ? null : room.getString("_id"), msg, cat, extra);
  }

  private Future<Void> announce(JsonObject room, JsonObject message) {
    if (room == null || Boolean.TRUE.equals(message.getValue("_hidden"))) {
      return Future.succeededFuture();
    }
    String rid = room.getString("_id");
    return rooms.update(rid, new JsonObject(), OutboxEntries.pushing(new JsonObject(),
            MessageDocs.event(EventType.MESSAGE_CREATED, message)))
        .compose(v -> events.publish(rid)).mapEmpty();
  }

  private static JsonObject page(JsonObject message) {
    return new JsonObject().put("page", new JsonObject().put("msg", message.getString("msg"))
        .put("navigation", message.getJsonObject("navigation")));
  }
}
