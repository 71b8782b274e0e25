package chat.rocket.livechat.admin;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.platform.rocketchat.Users;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;

/**
 * {@code agent.status}: Rocket.Chat's {@code POST livechat/agent.status} ({@code app/livechat/server/api/v1/agent.ts},
 * Rocket.Chat 6.x/7.x): sets an agent's {@code statusLivechat} to {@code available} or {@code not-available}, which
 * decides whether routing offers it chats ({@link Users#onlineAgentQuery()}). Business hours are not modelled, so
 * Rocket.Chat's {@code error-business-hours-are-closed} never occurs.
 */
final class AgentStatusAdmin {

  /** The agent's status while it takes chats. */
  static final String AVAILABLE = "available";
  /** The agent's status while it takes none. */
  static final String NOT_AVAILABLE = "not-available";

  private final MongoClient mongo;

  AgentStatusAdmin(MongoClient mongo) {
    this.mongo = mongo;
  }

  /**
   * Body {@code {status?, agentId?}} (the gateway checked {@code status} is one of the two and {@code view-l-room}).
   * The agent is {@code agentId} or the caller; it must hold {@code livechat-agent}
   * ({@link ErrorCode#AGENT_NOT_FOUND_404}) and be active ({@link ErrorCode#USER_DEACTIVATED}). Without
   * {@code status} the status toggles; the same status writes nothing. Another agent's status needs the caller to
   * hold {@code manage-livechat-agents} ({@link ErrorCode#UNAUTHORIZED}, nothing written). Result
   * {@code {status: the agent's status now}}.
   */
  Future<JsonObject> status(Command command) {
    Caller caller = command.caller();
    String agentId = command.body().getString("agentId", caller.userId());
    JsonObject query = new JsonObject().put("_id", agentId).put("roles", Users.AGENT_ROLE);
    JsonObject fields = new JsonObject().put("statusLivechat", 1).put("active", 1);
    return mongo.findOne(Collections.USERS, query, fields)
        .compose(agent -> change(agent, command.body().getString("status"), caller, agentId));
  }

  private Future<JsonObject> change(JsonObject agent, String requested, Caller caller, String agentId) {
    if (agent == null) {
      return Future.failedFuture(new LivechatException(ErrorCode.AGENT_NOT_FOUND_404));
    }
    if (!agent.getBoolean("active", true)) {
      return Future.failedFuture(new LivechatException(ErrorCode.USER_DEACTIVATED));
    }
    String current = agent.getString("statusLivechat");
    String next = requested != null ? requested : AVAILABLE.equals(current) ? NOT_AVAILABLE : AVAILABLE;
    if (next.equals(current)) {
      return Future.succeededFuture(new JsonObject().put("status", current));
    }
    Future<Void> allowed = agentId.equals(caller.userId()) ? Future.succeededFuture() : mayManageAgents(caller);
    return allowed
        .compose(v -> mongo.updateCollection(Collections.USERS, new JsonObject().put("_id", agentId),
            new JsonObject().put("$set", new JsonObject().put("statusLivechat", next))))
        .map(result -> new JsonObject().put("status", next));
  }

  /** Reads {@code manage-livechat-agents} fresh from MongoDB: granted when its roles meet the caller's. */
  private Future<Void> mayManageAgents(Caller caller) {
    String id = Permission.MANAGE_LIVECHAT_AGENTS.id();
    return mongo.findOne(Collections.PERMISSIONS, new JsonObject().put("_id", id), new JsonObject().put("roles", 1))
        .compose(permission -> {
          JsonArray roles = permission == null ? new JsonArray() : permission.getJsonArray("roles", new JsonArray());
          return caller.roles().stream().anyMatch(roles::contains) ? Future.succeededFuture()
              : Future.failedFuture(new LivechatException(ErrorCode.UNAUTHORIZED));
        });
  }
}
