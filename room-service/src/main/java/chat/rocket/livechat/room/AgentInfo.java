package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.rocketchat.Settings;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The widget's agent reads (Rocket.Chat's {@code agent.ts}), each answering the agent as {@link AgentProfiles} shows
 * it:
 *
 * <ul>
 *   <li>{@code room.agent-info}, {@code GET livechat/agent.info/:rid/:token}, body {@code {rid, token}}: no visitor
 *       with the token: {@link ErrorCode#INVALID_TOKEN}; no room {@code {_id: rid, 'v.token': token}} (open or
 *       closed): {@link ErrorCode#INVALID_ROOM}; no serving agent (or the user is gone):
 *       {@link ErrorCode#INVALID_AGENT}. Result {@code {agent}}.</li>
 *   <li>{@code room.next-agent}, {@code GET livechat/agent.next/:token}, body {@code {token, department?}}: the visitor
 *       has an open room: result {@code {}}; else the agent {@code Auto_Selection} would route a new chat to
 *       ({@link AgentRouter}), result {@code {agent}}; none (or {@code Manual_Selection}):
 *       {@link ErrorCode#AGENT_NOT_FOUND}.</li>
 * </ul>
 * Reads only.
 */
final class AgentInfo {

  private final RoomRepository rooms;
  private final OpenRooms openRooms;
  private final RoomVisitors visitors;
  private final AgentRouter router;
  private final Settings settings;
  private final AgentProfiles agents;

  AgentInfo(RoomRepository rooms, OpenRooms openRooms, RoomVisitors visitors, AgentRouter router, Settings settings,
            AgentProfiles agents) {
    this.rooms = rooms;
    this.openRooms = openRooms;
    this.visitors = visitors;
    this.router = router;
    this.settings = settings;
    this.agents = agents;
  }

  /** Handles {@code room.agent-info}. */
  Future<JsonObject> ofRoom(Command command) {
    String token = command.body().getString("token", "");
    String rid = command.body().getString("rid", "");
    return visitors.findByToken(token)
        .compose(visitor -> visitor == null ? failure(ErrorCode.INVALID_TOKEN) : rooms.findById(rid))
        .compose(room -> room == null || !token.equals(visitorToken(room)) ? failure(ErrorCode.INVALID_ROOM)
            : agents.of(servingAgentId(room)))
        .compose(agent -> agent == null ? failure(ErrorCode.INVALID_AGENT)
            : Future.succeededFuture(new JsonObject().put("agent", agent)));
  }

  /** Handles {@code room.next-agent}. */
  Future<JsonObject> next(Command command) {
    String token = command.body().getString("token", "");
    return openRooms.ofToken(token)
        .compose(open -> open != null ? Future.succeededFuture(new JsonObject()) : nextAgent());
  }

  private Future<JsonObject> nextAgent() {
    return settings.string(Setting.LIVECHAT_ROUTING_METHOD)
        .compose(method -> !Setting.AUTO_SELECTION.equals(method) ? Future.succeededFuture((JsonObject) null)
            : router.onlineAgents().compose(candidates -> router.choose(candidates, null)))
        .compose(chosen -> chosen == null ? failure(ErrorCode.AGENT_NOT_FOUND) : agents.of(chosen.getString("_id")))
        .compose(agent -> agent == null ? failure(ErrorCode.INVALID_AGENT)
            : Future.succeededFuture(new JsonObject().put("agent", agent)));
  }

  private static String visitorToken(JsonObject room) {
    return room.getValue("v") instanceof JsonObject v && v.getValue("token") instanceof String token ? token : null;
  }

  private static String servingAgentId(JsonObject room) {
    return room.getValue("servedBy") instanceof JsonObject servedBy ? servedBy.getString("_id") : null;
  }

  private static <T> Future<T> failure(ErrorCode code) {
    return Future.failedFuture(new LivechatException(code));
  }
}
