package chat.rocket.livechat.gateway.realtime;

import chat.rocket.livechat.contracts.EventType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * The room streams Rocket.Chat publishes to the Livechat widget, and how each event of {@code livechat.room.events}
 * and {@code livechat.room.activity} becomes their frames ({@link Ddp#changed}, dates as {@code {"$date": ms}}):
 *
 * <ul>
 *   <li>{@code message.created|updated} {@code {message}}: {@code stream-room-messages}, event name rid, args
 *       {@code [message]}.</li>
 *   <li>{@code message.deleted} {@code {message: {_id}}}: {@code stream-notify-room} {@code <rid>/deleteMessage},
 *       args {@code [{_id}]}.</li>
 *   <li>{@code room.agent-changed} {@code {agent}}: {@code stream-livechat-room} rid,
 *       {@code [{type: "agentData", data: agent}]}; {@code room.visitor-changed} {@code {room}}:
 *       {@code [{type: "visitorData", visitor: room.v}]} (Rocket.Chat's {@code notifyRoomVisitorChange}).</li>
 *   <li>{@code room.activity} {@link #activity}: {@code stream-notify-room} {@code <rid>/user-activity}
 *       {@code [username, activities, extra]} and, when the activities are none or include {@code user-typing},
 *       {@code <rid>/typing} {@code [username, typing]} (Rocket.Chat emits both forms for either write).</li>
 * </ul>
 * No event of this system feeds {@code agentStatus} or {@code queueData} yet (no agent-status or queue events exist);
 * their subscriptions are accepted and stay silent.
 */
final class StreamEvents {

  /** New and edited messages of a room; event name: the rid. */
  static final String ROOM_MESSAGES = "stream-room-messages";
  /** Room notifications; event names {@code <rid>/user-activity}, {@code <rid>/typing}, {@code <rid>/deleteMessage}. */
  static final String NOTIFY_ROOM = "stream-notify-room";
  /** Livechat room data ({@code agentData}, {@code visitorData}, ...); event name: the rid. */
  static final String LIVECHAT_ROOM = "stream-livechat-room";
  /** {@code stream-notify-room} event of the older SDK: args {@code [username, isTyping]}. */
  static final String TYPING = "typing";
  /** {@code stream-notify-room} event of {@code @rocket.chat/ddp-client}: args {@code [username, activities, extra]}.
   */
  static final String USER_ACTIVITY = "user-activity";
  /** {@code stream-notify-room} event of a deleted message: args {@code [{_id}]}. */
  static final String DELETE_MESSAGE = "deleteMessage";
  /** The activity that means typing. */
  static final String USER_TYPING = "user-typing";

  private StreamEvents() {
  }

  /**
   * The data of a {@code room.activity} event.
   *
   * @param extra  the client's extra data without its token, e.g. {@code {}}
   * @param origin the DDP session id that sent it (never sent back to it)
   * @return {@code {rid, username, activities: [...], extra: {...}, origin}}
   */
  static JsonObject activity(String rid, String username, JsonArray activities, JsonObject extra, String origin) {
    return new JsonObject().put("rid", rid).put("username", username).put("activities", activities)
        .put("extra", extra).put("origin", origin);
  }

  /**
   * @param rid  the event's subject
   * @param data the event's data
   * @return the frames by {@link StreamSubscription#frameKey(String, String)}; empty for an event no stream carries
   */
  static Map<String, String> frames(EventType type, String rid, JsonObject data) {
    Map<String, String> frames = new HashMap<>();
    switch (type) {
      case MESSAGE_CREATED, MESSAGE_UPDATED -> put(frames, ROOM_MESSAGES, rid,
          new JsonArray().add(Ejson.dates(data.getJsonObject("message", new JsonObject()))));
      case MESSAGE_DELETED -> put(frames, NOTIFY_ROOM, rid + '/' + DELETE_MESSAGE, new JsonArray()
          .add(new JsonObject().put("_id", data.getJsonObject("message", new JsonObject()).getValue("_id"))));
      case ROOM_AGENT_CHANGED -> put(frames, LIVECHAT_ROOM, rid, new JsonArray().add(new JsonObject()
          .put("type", "agentData").put("data", Ejson.dates(data.getJsonObject("agent", new JsonObject())))));
      case ROOM_VISITOR_CHANGED -> put(frames, LIVECHAT_ROOM, rid, new JsonArray().add(new JsonObject()
          .put("type", "visitorData").put("visitor", data.getJsonObject("room", new JsonObject()).getValue("v"))));
      case ROOM_ACTIVITY -> activityFrames(frames, rid, data);
      default -> {
        // Other room events (created, updated, closed) reach the widget as messages or not at all.
      }
    }
    return frames;
  }

  private static void activityFrames(Map<String, String> frames, String rid, JsonObject data) {
    Object username = data.getValue("username");
    JsonArray activities = data.getValue("activities") instanceof JsonArray array ? array : new JsonArray();
    JsonObject extra = data.getValue("extra") instanceof JsonObject object ? object : new JsonObject();
    put(frames, NOTIFY_ROOM, rid + '/' + USER_ACTIVITY, new JsonArray().add(username).add(activities).add(extra));
    if (activities.isEmpty() || activities.contains(USER_TYPING)) {
      put(frames, NOTIFY_ROOM, rid + '/' + TYPING,
          new JsonArray().add(username).add(activities.contains(USER_TYPING)));
    }
  }

  private static void put(Map<String, String> frames, String stream, String eventName, JsonArray args) {
    frames.put(StreamSubscription.frameKey(stream, eventName), Ddp.changed(stream, eventName, args));
  }
}
