package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.Ids;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Locale;

/**
 * The documents of one room creation, in Rocket.Chat's shapes (spec §2.2 room, §2.3 inquiry, §2.4 subscription),
 * complete before anything is written (the agent chosen first): the room {@code {_id, msgs, usersCount, lm, fname,
 * t:'l', ts, departmentId?, v, cl, open, waitingResponse, source, queuedAt, priorityWeight: 99,
 * estimatedWaitingTimeQueue: 9999999, _updatedAt, servedBy?}} ({@code usersCount} 2 once served), its inquiry
 * ({@code taken} by the assigned agent, else {@code ready} under {@code Auto_Selection}, else {@code queued}) and the
 * assigned agent's subscription. {@link #claim} holds all of them, the room carrying its {@code room.created} event
 * with its data frozen (the room as inserted), so whoever writes or publishes them writes and publishes the same.
 */
final class NewRoom {

  /** {@code LivechatPriorityWeight.NOT_SPECIFIED}. */
  static final int PRIORITY_WEIGHT_NOT_SPECIFIED = 99;
  /** {@code DEFAULT_SLA_CONFIG.ESTIMATED_WAITING_TIME_QUEUE}. */
  static final int ESTIMATED_WAITING_TIME_QUEUE = 9999999;

  private final String rid = Ids.randomId();
  private final String inquiryId = Ids.randomId();
  private final JsonObject now = MongoDocs.now();
  private final JsonObject visitor;
  private final String agentId;
  private final JsonObject source;
  private String departmentId;
  private boolean invalidDepartment;
  private boolean autoSelection;
  private JsonObject agent;

  /**
   * @param visitor the visitor as projected by {@link RoomVisitors#findByToken}
   * @param agentId the requested agent, or null
   * @param source  {@code {type: 'api'|'widget'}}
   */
  NewRoom(JsonObject visitor, String agentId, JsonObject source) {
    this.visitor = visitor;
    this.agentId = agentId;
    this.source = source == null ? new JsonObject().put("type", "api") : source;
  }

  String rid() {
    return rid;
  }

  JsonObject visitor() {
    return visitor;
  }

  String agentId() {
    return agentId;
  }

  /** @param id the enabled department of the visitor, or null; {@code invalid} when the visitor's one is unknown */
  void department(String id, boolean invalid) {
    this.departmentId = id;
    this.invalidDepartment = invalid;
  }

  boolean invalidDepartment() {
    return invalidDepartment;
  }

  void autoSelection(boolean auto) {
    this.autoSelection = auto;
  }

  boolean autoSelection() {
    return autoSelection;
  }

  /** @param chosen the agent routing assigned ({@code _id, username}), or null: the room stays unserved */
  void assign(JsonObject chosen) {
    this.agent = chosen;
  }

  /**
   * @return the claim's content {@code {rid, ts, room, inquiry, subscription?}} ({@link OpenRooms#claim}); the room
   *     holds its pending {@code room.created} entry ({@link #createdEvent})
   */
  JsonObject claim() {
    JsonObject room = room();
    JsonObject claim = new JsonObject().put("rid", rid).put("ts", now)
        .put("room", OutboxEntries.inserting(room, createdEvent(room))).put("inquiry", inquiry());
    return agent == null ? claim : claim.put("subscription", subscription(agent));
  }

  /**
   * @return {@code room.created} with its data frozen as the outbox relay renders a creation:
   *     {@code {room: <room, API form>, changedFields: <every field>}}
   */
  private static JsonObject createdEvent(JsonObject room) {
    JsonObject api = MongoDocs.toApi(room);
    return OutboxEntries.frozenEntry(EventType.ROOM_CREATED, new JsonObject().put("room", api)
        .put("changedFields", new JsonArray(new ArrayList<>(api.fieldNames()))));
  }

  /** @return the room's {@code fname}: the visitor's name, else its username */
  String fname() {
    String name = visitor.getString("name");
    return name != null && !name.isEmpty() ? name : visitor.getString("username");
  }

  /** @return the visitor snapshot {@code v} of the room and inquiry */
  JsonObject visitorSnapshot() {
    return new JsonObject().put("_id", visitor.getString("_id")).put("username", visitor.getString("username"))
        .put("token", visitor.getString("token")).put("status", visitor.getString("status", "online"));
  }

  /** @return the room document to insert, without its event */
  JsonObject room() {
    JsonObject room = new JsonObject().put("_id", rid).put("msgs", 0).put("usersCount", 1).put("lm", now)
        .put("fname", fname()).put("t", "l").put("ts", now);
    if (departmentId != null) {
      room.put("departmentId", departmentId);
    }
    return room.put("v", visitorSnapshot()).put("cl", false).put("open", true).put("waitingResponse", true)
        .put("source", source).put("queuedAt", now).put("priorityWeight", PRIORITY_WEIGHT_NOT_SPECIFIED)
        .put("estimatedWaitingTimeQueue", ESTIMATED_WAITING_TIME_QUEUE).put("_updatedAt", now)
        .mergeIn(served());
  }

  /** @return {@code servedBy} and the agent counted in {@code usersCount}, as routing sets them; empty unserved */
  private JsonObject served() {
    return agent == null ? new JsonObject() : new JsonObject().put("usersCount", 2).put("servedBy",
        new JsonObject().put("_id", agent.getString("_id")).put("username", agent.getString("username"))
            .put("ts", now));
  }

  /** @return the inquiry document to insert */
  JsonObject inquiry() {
    JsonObject inquiry = new JsonObject().put("_id", inquiryId).put("rid", rid).put("name", fname())
        .put("ts", now);
    if (departmentId != null) {
      inquiry.put("department", departmentId);
    }
    inquiry.put("status", agent != null ? "taken" : autoSelection ? "ready" : "queued").put("v", visitorSnapshot())
        .put("t", "l").put("priorityWeight", PRIORITY_WEIGHT_NOT_SPECIFIED)
        .put("estimatedWaitingTimeQueue", ESTIMATED_WAITING_TIME_QUEUE).put("source", source)
        .put("queuedAt", now).put("_updatedAt", now);
    return agent == null ? inquiry : inquiry.put("takenAt", now).put("defaultAgent",
        new JsonObject().put("agentId", agent.getString("_id")).put("username", agent.getString("username")));
  }

  /** @return the assigned agent's subscription document */
  private JsonObject subscription(JsonObject agent) {
    String name = visitor.getString("username");
    JsonObject subscription = new JsonObject().put("_id", Ids.randomId()).put("rid", rid).put("name", name)
        .put("fname", fname()).put("lowerCaseName", name.toLowerCase(Locale.ROOT))
        .put("lowerCaseFName", fname().toLowerCase(Locale.ROOT)).put("alert", true).put("open", true)
        .put("unread", 1).put("userMentions", 1).put("groupMentions", 0)
        .put("u", new JsonObject().put("_id", agent.getString("_id")).put("username", agent.getString("username")))
        .put("t", "l").put("desktopNotifications", "all").put("mobilePushNotifications", "all")
        .put("emailNotifications", "all").put("v", visitorSnapshot()).put("ts", now).put("_updatedAt", now);
    if (departmentId != null) {
      subscription.put("department", departmentId);
    }
    return subscription;
  }
}
