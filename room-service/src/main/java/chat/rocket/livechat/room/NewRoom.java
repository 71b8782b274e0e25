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
 * assigned agent's subscription, the room carrying its {@code room.created} event with its data frozen (the room as
 * inserted). {@link #claim} holds what they are made of (ids, times, visitor, agent), so whoever finishes the
 * creation ({@link #fromClaim}) writes and publishes the same.
 */
final class NewRoom {

  /** {@code LivechatPriorityWeight.NOT_SPECIFIED}. */
  static final int PRIORITY_WEIGHT_NOT_SPECIFIED = 99;
  /** {@code DEFAULT_SLA_CONFIG.ESTIMATED_WAITING_TIME_QUEUE}. */
  static final int ESTIMATED_WAITING_TIME_QUEUE = 9999999;

  private final String rid;
  private final String inquiryId;
  private final String subscriptionId;
  private final JsonObject now;
  private final JsonObject event;
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
    this(new JsonObject().put("rid", Ids.randomId()).put("inquiry", Ids.randomId())
        .put("subscription", Ids.randomId()).put("ts", MongoDocs.now())
        .put("event", RoomEvents.pending(EventType.ROOM_CREATED, null)), visitor, agentId, source);
  }

  /** @param ids {@code {rid, inquiry, subscription, ts, event: {id, type, time}}}: the plan's ids and times */
  private NewRoom(JsonObject ids, JsonObject visitor, String agentId, JsonObject source) {
    this.rid = ids.getString("rid");
    this.inquiryId = ids.getString("inquiry");
    this.subscriptionId = ids.getString("subscription");
    this.now = ids.getJsonObject("ts");
    this.event = ids.getJsonObject("event");
    this.visitor = visitor;
    this.agentId = agentId;
    this.source = source == null ? new JsonObject().put("type", "api") : source;
  }

  /**
   * The plan a claim holds ({@link #claim}), rebuilt by whoever finishes its creation: the same ids, times and
   * content, so it writes and publishes the same documents and event as the plan's creator.
   *
   * @param claim a claim of a creation ({@link #isCreation})
   */
  static NewRoom fromClaim(JsonObject claim) {
    JsonObject plan = claim.getJsonObject("plan");
    NewRoom room = new NewRoom(plan.copy().put("rid", claim.getString("rid")).put("ts", claim.getJsonObject("ts")),
        plan.getJsonObject("v").copy().put("name", plan.getString("fname")), null, plan.getJsonObject("source"));
    room.department(plan.getString("departmentId"), false);
    room.autoSelection(plan.getBoolean("autoSelection", false));
    room.assign(plan.getJsonObject("agent"));
    return room;
  }

  /**
   * @return whether the claim is a creation's (with its plan, or, as claims written before issue 12's session 8,
   *     with its documents), not a room moved onto the visitor's chain ({@link OpenRooms#adopt}: {@code {rid, ts}})
   */
  static boolean isCreation(JsonObject claim) {
    return claim.containsKey("plan") || claim.containsKey("room");
  }

  /**
   * @param claim a claim of a creation ({@link #isCreation})
   * @return the documents it claims, as {@link #documents} gives them (a claim written before session 8 holds them)
   */
  static JsonObject documentsOf(JsonObject claim) {
    return claim.containsKey("room") ? claim : fromClaim(claim).documents();
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
   * The claim's content (issue 12): what the documents are made of, not the documents (a third of their size):
   * {@code {rid, ts, plan: {inquiry, subscription, event: {id, type, time}, fname, v, departmentId?, source,
   * autoSelection, agent?: {_id, username}}}} ({@link OpenRooms#claim}); {@link #fromClaim} rebuilds the plan.
   */
  JsonObject claim() {
    JsonObject plan = new JsonObject().put("inquiry", inquiryId).put("subscription", subscriptionId)
        .put("event", event).put("fname", fname()).put("v", visitorSnapshot()).put("source", source)
        .put("autoSelection", autoSelection);
    if (departmentId != null) {
      plan.put("departmentId", departmentId);
    }
    if (agent != null) {
      plan.put("agent", new JsonObject().put("_id", agent.getString("_id"))
          .put("username", agent.getString("username")));
    }
    return new JsonObject().put("rid", rid).put("ts", now).put("plan", plan);
  }

  /**
   * @return the documents to write {@code {room, inquiry, subscription?}}; the room holds its pending
   *     {@code room.created} entry with its data frozen ({@link #createdEvent})
   */
  JsonObject documents() {
    JsonObject room = room();
    JsonObject documents = new JsonObject().put("room", OutboxEntries.inserting(room, createdEvent(room)))
        .put("inquiry", inquiry());
    return agent == null ? documents : documents.put("subscription", subscription(agent));
  }

  /**
   * @return {@code room.created} (the plan's entry) with its data frozen as the outbox relay renders a creation:
   *     {@code {room: <room, API form>, changedFields: <every field>}}
   */
  private JsonObject createdEvent(JsonObject room) {
    JsonObject api = MongoDocs.toApi(room);
    return OutboxEntries.frozen(event, new JsonObject().put("room", api)
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
    JsonObject subscription = new JsonObject().put("_id", subscriptionId).put("rid", rid).put("name", name)
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
