package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.rocketchat.Settings;
import chat.rocket.livechat.platform.rocketchat.Users;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code room.get-or-create} (spec §3.2): body {@code {token, rid?, agentId?, source: {type}}}, result
 * {@code {room, newRoom}} with the room as stored (ISO dates).
 *
 * <ol>
 *   <li>No visitor with the token: {@link ErrorCode#INVALID_TOKEN}.</li>
 *   <li>With {@code rid}: that open livechat room of this visitor, else {@link ErrorCode#INVALID_ROOM}; never
 *       creates.</li>
 *   <li>Without {@code rid}: the visitor's open room ({@code newRoom: false}) even when Livechat is disabled; else a
 *       new room + inquiry, routed by {@code Livechat_Routing_Method}; {@code room.created} is recorded in the room's
 *       insert and published once the room is routed (its data: the room after routing).</li>
 * </ol>
 * Creation fails with {@link ErrorCode#OMNICHANNEL_DISABLED} when {@code Livechat_enabled} is false, and with
 * {@link ErrorCode#NO_AGENT_ONLINE} when no agent (or not the requested agent) can take the chat and
 * {@code Livechat_accept_chats_with_no_agents} is false. Idempotent: a redelivered command finds the room it created.
 */
final class GetOrCreateRoom {

  private final RoomRepository rooms;
  private final RoomVisitors visitors;
  private final Settings settings;
  private final Users users;
  private final AgentRouter router;
  private final RoomEvents events;

  GetOrCreateRoom(RoomRepository rooms, RoomVisitors visitors, Settings settings, Users users, AgentRouter router,
                  RoomEvents events) {
    this.rooms = rooms;
    this.visitors = visitors;
    this.settings = settings;
    this.users = users;
    this.router = router;
    this.events = events;
  }

  /** Handles one {@code room.get-or-create} command. */
  Future<JsonObject> handle(Command command) {
    JsonObject body = command.body();
    String token = body.getString("token", "");
    String rid = body.getString("rid");
    return visitors.findByToken(token)
        .compose(visitor -> visitor == null || token.isEmpty()
            ? Future.failedFuture(new LivechatException(ErrorCode.INVALID_TOKEN))
            : rid != null ? findGiven(rid, token) : findOrCreate(visitor, body));
  }

  private Future<JsonObject> findGiven(String rid, String token) {
    return rooms.findOpenByIdAndToken(rid, token)
        .compose(room -> room == null
            ? Future.failedFuture(new LivechatException(ErrorCode.INVALID_ROOM))
            : Future.succeededFuture(result(room, false)));
  }

  private Future<JsonObject> findOrCreate(JsonObject visitor, JsonObject body) {
    JsonObject lastChat = visitor.getValue("lastChat") instanceof JsonObject chat ? chat : null;
    String lastChatRid = lastChat == null || !(lastChat.getValue("_id") instanceof String rid) ? null : rid;
    return rooms.findOpenByToken(visitor.getString("token"), lastChatRid)
        .compose(open -> open != null ? Future.succeededFuture(result(open, false)) : create(visitor, body));
  }

  private Future<JsonObject> create(JsonObject visitor, JsonObject body) {
    return preferredAgent(body.getString("agentId"))
        .compose(agentId -> create(new NewRoom(visitor, agentId, body.getJsonObject("source"))));
  }

  /**
   * Rocket.Chat's {@code normalizeAgent} (spec §3.2 step 3b): with {@code Livechat_show_agent_info} off the id is
   * used as given; otherwise an {@code agentId} that names no user is no preferred agent at all.
   */
  private Future<String> preferredAgent(String agentId) {
    if (agentId == null) {
      return Future.succeededFuture();
    }
    return settings.bool(Setting.LIVECHAT_SHOW_AGENT_INFO)
        .compose(show -> !show ? Future.succeededFuture(agentId)
            : users.findById(agentId).map(user -> user == null ? null : agentId));
  }

  private Future<JsonObject> create(NewRoom plan) {
    return settings.bool(Setting.LIVECHAT_ENABLED)
        .compose(enabled -> enabled ? Future.succeededFuture()
            : Future.failedFuture(new LivechatException(ErrorCode.OMNICHANNEL_DISABLED)))
        .compose(v -> resolveDepartment(plan))
        .compose(v -> router.onlineAgents())
        .compose(agents -> requireAgent(plan, agents))
        .compose(agents -> insert(plan).map(agents))
        .compose(agents -> route(plan, agents))
        .compose(v -> events.publish(plan.rid()))
        .map(room -> result(room, true));
  }

  private Future<Void> resolveDepartment(NewRoom plan) {
    String departmentId = plan.visitor().getString("department");
    if (departmentId == null || departmentId.isEmpty()) {
      return Future.succeededFuture();
    }
    return visitors.findEnabledDepartment(departmentId).map(department -> {
      plan.department(department == null ? null : departmentId, department == null);
      return null;
    });
  }

  private Future<List<JsonObject>> requireAgent(NewRoom plan, List<JsonObject> agents) {
    boolean requestedIsOnline = plan.agentId() == null
        || agents.stream().anyMatch(agent -> plan.agentId().equals(agent.getString("_id")));
    boolean someone = !agents.isEmpty() && requestedIsOnline && !plan.invalidDepartment();
    return settings.bool(Setting.LIVECHAT_ACCEPT_CHATS_WITH_NO_AGENTS)
        .compose(acceptWithoutAgents -> someone || acceptWithoutAgents ? Future.succeededFuture(agents)
            : Future.failedFuture(new LivechatException(ErrorCode.NO_AGENT_ONLINE)));
  }

  private Future<Void> insert(NewRoom plan) {
    return settings.string(Setting.LIVECHAT_ROUTING_METHOD)
        .compose(method -> {
          plan.autoSelection(Setting.AUTO_SELECTION.equals(method));
          return rooms.insertRoom(OutboxEntries.inserting(plan.room(),
              RoomEvents.pending(EventType.ROOM_CREATED, null)));
        })
        .compose(v -> rooms.insertInquiry(plan.inquiry()));
  }

  private Future<Void> route(NewRoom plan, List<JsonObject> agents) {
    if (!plan.autoSelection()) {
      return Future.succeededFuture();
    }
    return router.choose(agents, plan.agentId())
        .compose(agent -> agent == null ? Future.succeededFuture() : assign(plan, agent));
  }

  private Future<Void> assign(NewRoom plan, JsonObject agent) {
    JsonObject servedBy = new JsonObject().put("_id", agent.getString("_id"))
        .put("username", agent.getString("username")).put("ts", MongoDocs.now());
    return rooms.setServedBy(plan.rid(), servedBy)
        .compose(v -> rooms.insertSubscription(plan.subscription(agent)))
        .compose(v -> rooms.markInquiryTaken(plan.inquiryId(),
            new JsonObject().put("agentId", agent.getString("_id")).put("username", agent.getString("username"))));
  }

  private static JsonObject result(JsonObject room, boolean newRoom) {
    return new JsonObject().put("room", MongoDocs.toApi(room)).put("newRoom", newRoom);
  }
}
