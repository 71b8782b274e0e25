package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.rocketchat.Settings;
import chat.rocket.livechat.platform.rocketchat.Users;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A new room of {@code room.get-or-create} (spec §3.2 step 3), in three steps (DESIGN.md, Room creation):
 * {@link #plan} decides everything before any write (Livechat enabled, department, preferred agent, agents online,
 * {@code Livechat_Routing_Method}, the agent under {@code Auto_Selection}); {@link #claim} inserts the plan as the
 * visitor's next room claim ({@link OpenRooms#claim}), then inserts the room (with {@code servedBy}), the inquiry
 * and the subscription at once ({@link #finish} does the same for a claim found unfinished), and publishes
 * {@code room.created} from the room as inserted, with no read back. Every write is by {@code _id}; a document
 * already there is no error, so a redelivered command, or a second instance finishing the same claim, writes the
 * same documents.
 */
final class RoomCreation {

  private final RoomRepository rooms;
  private final RoomVisitors visitors;
  private final OpenRooms openRooms;
  private final Settings settings;
  private final Users users;
  private final AgentRouter router;
  private final RoomEvents events;

  RoomCreation(RoomRepository rooms, RoomVisitors visitors, OpenRooms openRooms, Services services) {
    this.rooms = rooms;
    this.visitors = visitors;
    this.openRooms = openRooms;
    this.settings = services.settings();
    this.users = services.users();
    this.router = services.router();
    this.events = services.events();
  }

  /**
   * Plans a room: fails with {@link ErrorCode#OMNICHANNEL_DISABLED} when {@code Livechat_enabled} is false, with
   * {@link ErrorCode#NO_AGENT_ONLINE} when no agent (or not the requested one) can take the chat, or the visitor's
   * department is disabled or unknown, and {@code Livechat_accept_chats_with_no_agents} is false. Writes nothing.
   *
   * @param visitor as {@link RoomVisitors#findByToken} projects it
   * @param body    the command body ({@code agentId?, source?})
   */
  Future<NewRoom> plan(JsonObject visitor, JsonObject body) {
    return settings.bool(Setting.LIVECHAT_ENABLED)
        .compose(enabled -> enabled ? Future.succeededFuture()
            : Future.failedFuture(new LivechatException(ErrorCode.OMNICHANNEL_DISABLED)))
        .compose(v -> preferredAgent(body.getString("agentId")))
        .map(agentId -> new NewRoom(visitor, agentId, body.getJsonObject("source")))
        .compose(plan -> Future.all(resolveDepartment(plan), router.onlineAgents(),
                settings.string(Setting.LIVECHAT_ROUTING_METHOD))
            .compose(all -> route(plan, all.resultAt(1), all.resultAt(2))));
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

  private Future<NewRoom> route(NewRoom plan, List<JsonObject> agents, String method) {
    boolean requestedIsOnline = plan.agentId() == null
        || agents.stream().anyMatch(agent -> plan.agentId().equals(agent.getString("_id")));
    boolean someone = !agents.isEmpty() && requestedIsOnline && !plan.invalidDepartment();
    plan.autoSelection(Setting.AUTO_SELECTION.equals(method));
    return settings.bool(Setting.LIVECHAT_ACCEPT_CHATS_WITH_NO_AGENTS)
        .compose(acceptWithoutAgents -> someone || acceptWithoutAgents ? Future.succeededFuture()
            : Future.failedFuture(new LivechatException(ErrorCode.NO_AGENT_ONLINE)))
        .compose(v -> plan.autoSelection() ? router.choose(agents, plan.agentId()) : Future.succeededFuture())
        .map(agent -> {
          plan.assign(agent);
          return plan;
        });
  }

  /**
   * Claims the room after {@code after} for the visitor and, when this call won the claim, writes it.
   *
   * @return the room as inserted ({@code newRoom} true), or null when another creation claimed that place first
   */
  Future<Created> claim(String token, String after, NewRoom plan) {
    return openRooms.claim(token, after, plan.claim())
        .compose(won -> won ? write(token, plan.documents()) : Future.succeededFuture());
  }

  /**
   * Finishes the creation of a claim whose room is not written ({@link OpenRooms.Head#claim}): writes the documents
   * of its plan ({@link NewRoom#documentsOf}) as {@link #write} does.
   *
   * @param claim as stored ({@link NewRoom#claim})
   */
  Future<Created> finish(String token, JsonObject claim) {
    return write(token, NewRoom.documentsOf(claim));
  }

  /**
   * Writes a plan's documents concurrently (room, inquiry, subscription) and publishes the room's
   * {@code room.created}: straight from the documents when this call inserted the room; else the room is read back
   * and its pending events published (a redelivered or concurrent creation, {@code newRoom} false). When the store
   * refused the room (on a real MongoDB, the unique open-room index: Rocket.Chat opened one meanwhile) the visitor's
   * open room found by the {@code v.token} query is returned.
   *
   * @param documents {@code {room, inquiry, subscription?}} ({@link NewRoom#documents})
   * @return the room and whether this call inserted it
   */
  private Future<Created> write(String token, JsonObject documents) {
    JsonObject room = documents.getJsonObject("room");
    String rid = room.getString("_id");
    List<Future<Boolean>> inserts = new ArrayList<>(List.of(rooms.insertOnce(Collections.ROOMS, room),
        rooms.insertOnce(Collections.INQUIRIES, documents.getJsonObject("inquiry"))));
    if (documents.getJsonObject("subscription") != null) {
      inserts.add(rooms.insertOnce(Collections.SUBSCRIPTIONS, documents.getJsonObject("subscription")));
    }
    return Future.all(inserts).compose(all -> inserts.get(0).result()
        ? events.publishInserted(rid, room.getJsonArray(MongoDocs.OUTBOX_FIELD, new JsonArray()))
            .map(v -> new Created(room, true))
        : events.publish(rid).compose(stored -> stored != null ? Future.succeededFuture(new Created(stored, false))
            : refused(token, rid)));
  }

  private Future<Created> refused(String token, String rid) {
    return rooms.findOpenByTokenQuery(token).compose(open -> open != null
        ? Future.succeededFuture(new Created(open, false))
        : Future.failedFuture(new IllegalStateException("the store refused claimed room " + rid)));
  }

  /**
   * A room written by this creation or found written.
   *
   * @param room    the room (a stored room, or the inserted one with its outbox field, which the API never renders)
   * @param newRoom whether this call inserted it
   */
  record Created(JsonObject room, boolean newRoom) {
  }

  /** The shared collaborators of a creation. */
  record Services(Settings settings, Users users, AgentRouter router, RoomEvents events) {
  }
}
