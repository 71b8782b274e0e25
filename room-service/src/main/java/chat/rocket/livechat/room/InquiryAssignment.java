package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.Ids;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * The documents of one agent taking one inquiry's room, in Rocket.Chat's shapes (RoutingManager {@code assignAgent}):
 * the room's {@code servedBy: {_id, username, ts}} with {@code usersCount + 1}, the agent's subscription
 * ({@code createLivechatSubscription}: the same fields as on auto-assignment, spec §2.4) and the room's events:
 * {@code room.updated} (changedFields {@code servedBy, usersCount, _updatedAt}) and {@code room.agent-changed} with
 * data {@code {room: <room after the assignment>, agent: <the agent as the widget is shown it>}}, which the DDP
 * {@code stream-livechat-room} carries as {@code agentData}.
 *
 * @param room  the room as read before the assignment
 * @param agent the agent's user ({@code _id, username, name?})
 */
record InquiryAssignment(JsonObject room, JsonObject agent) {

  /** The fields an assignment changes on the room. */
  static final List<String> CHANGED_FIELDS = List.of("servedBy", "usersCount", "_updatedAt");

  String rid() {
    return room.getString("_id");
  }

  String agentId() {
    return agent.getString("_id");
  }

  /** @return the inquiry's {@code defaultAgent}: {@code {agentId, username}} */
  JsonObject defaultAgent() {
    return new JsonObject().put("agentId", agentId()).put("username", agent.getString("username"));
  }

  /**
   * @param servedBy {@code {_id, username, ts}}
   * @param profile  the agent as the widget is shown it ({@link AgentProfiles#of}), for {@code agentData}
   * @return the room update: {@code $set servedBy, _updatedAt}, {@code $inc usersCount}, both events pending
   */
  JsonObject roomUpdate(JsonObject servedBy, JsonObject profile) {
    JsonObject now = MongoDocs.now();
    JsonObject update = new JsonObject()
        .put("$set", new JsonObject().put("servedBy", servedBy).put("_updatedAt", now))
        .put("$inc", new JsonObject().put("usersCount", 1));
    JsonObject after = room.copy().put("servedBy", servedBy).put("_updatedAt", now)
        .put("usersCount", room.getInteger("usersCount", 0) + 1);
    after.remove(MongoDocs.OUTBOX_FIELD);
    JsonObject agentChanged = new JsonObject().put("room", MongoDocs.toApi(after))
        .put("agent", profile == null ? new JsonObject() : MongoDocs.toApi(profile));
    return OutboxEntries.pushingAll(update, List.of(RoomEvents.pending(EventType.ROOM_UPDATED, CHANGED_FIELDS),
        OutboxEntries.frozenEntry(EventType.ROOM_AGENT_CHANGED, agentChanged)));
  }

  /** @return {@code {_id, username, ts: now}} */
  JsonObject servedBy() {
    return new JsonObject().put("_id", agentId()).put("username", agent.getString("username"))
        .put("ts", MongoDocs.now());
  }

  /** @return the agent's subscription to the room */
  JsonObject subscription() {
    JsonObject v = room.getJsonObject("v", new JsonObject());
    String name = v.getString("username", "");
    String fname = room.getString("fname", name);
    JsonObject now = MongoDocs.now();
    JsonObject subscription = new JsonObject().put("_id", Ids.randomId()).put("rid", rid()).put("name", name)
        .put("fname", fname).put("lowerCaseName", name.toLowerCase(Locale.ROOT))
        .put("lowerCaseFName", fname.toLowerCase(Locale.ROOT)).put("alert", true).put("open", true)
        .put("unread", 1).put("userMentions", 1).put("groupMentions", 0)
        .put("u", new JsonObject().put("_id", agentId()).put("username", agent.getString("username")))
        .put("t", "l").put("desktopNotifications", "all").put("mobilePushNotifications", "all")
        .put("emailNotifications", "all").put("v", v.copy()).put("ts", now).put("_updatedAt", now);
    if (room.getValue("departmentId") instanceof String department) {
      subscription.put("department", department);
    }
    return subscription;
  }
}
