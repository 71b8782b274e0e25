package chat.rocket.livechat.gateway.http;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.gateway.auth.Access;
import chat.rocket.livechat.gateway.messaging.CommandSender;
import chat.rocket.livechat.gateway.validation.OperatorSchemas;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * The livechat staff endpoints (issue 11): Rocket.Chat's {@code livechat/users/:type} and
 * {@code livechat/users/:type/:_id} ({@code app/livechat/imports/server/rest/users.ts}) and
 * {@code livechat/agent.status} ({@code app/livechat/server/api/v1/agent.ts}), each authenticated (401
 * {@code {"status":"error","message":"You must be logged in to do this."}}), validated (400 {@code invalid-params})
 * and permission-checked (403 {@code error-unauthorized}), then answered by the admin-service. {@code :type} is
 * {@code agent} (role {@code livechat-agent}) or {@code manager} (role {@code livechat-manager}); any other type is
 * 400 {@code {"success":false,"error":"Invalid type"}} after the permission check.
 */
public final class StaffRoutes {

  private static final Map<String, String> ROLES = Map.of("agent", "livechat-agent", "manager", "livechat-manager");

  private final CommandSender requester;
  private final Access access;

  /**
   * @param requester sends admin commands and yields their reply bodies
   * @param access    authentication, rate limit, validation and permission checks, in Rocket.Chat's order
   */
  public StaffRoutes(CommandSender requester, Access access) {
    this.requester = requester;
    this.access = access;
  }

  /**
   * {@code GET livechat/users/:type?text&onlyAvailable&excludeId&showIdleAgents&count&offset}: agents need
   * {@code manage-livechat-agents}, managers {@code view-livechat-manager} (403). 200 {@code {users: [{_id, username,
   * name, status, statusLivechat, emails, livechat}], count, offset, total, success}}, by name; {@code count} defaults
   * to 50, at most 100.
   */
  public void list(RoutingContext ctx) {
    String role = ROLES.get(ctx.pathParam("type"));
    Permission permission = "livechat-agent".equals(role) ? Permission.MANAGE_LIVECHAT_AGENTS
        : Permission.VIEW_LIVECHAT_MANAGER;
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.query(c), OperatorSchemas.STAFF_LIST_QUERY), List.of(permission))
        .compose(call -> send(ctx, CommandType.STAFF_LIST, known(role), call.caller(), new JsonObject()
            .put("role", role).put("text", call.input().getString("text"))
            .put("onlyAvailable", "true".equals(call.input().getString("onlyAvailable")))
            .put("excludeId", call.input().getString("excludeId"))
            .put("showIdleAgents", !"false".equals(call.input().getString("showIdleAgents")))
            .put("offset", PageParams.offset(call.input().getString("offset")))
            .put("count", PageParams.count(call.input().getString("count"))))));
  }

  /**
   * {@code POST livechat/users/:type {username}}: {@code view-livechat-manager} (403). 200 {@code {user: {_id,
   * username}, success}}; an unknown username 400 {@code {"success":false,"error":"[error-invalid-user]",
   * "errorType":"error-invalid-user"}}, nothing written.
   */
  public void add(RoutingContext ctx) {
    String role = ROLES.get(ctx.pathParam("type"));
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.body(c), OperatorSchemas.STAFF_ADD_BODY),
            List.of(Permission.VIEW_LIVECHAT_MANAGER))
        .compose(call -> send(ctx, CommandType.STAFF_ADD, call.input().getString("username"), call.caller(),
            call.input().copy().put("role", known(role)))));
  }

  /**
   * {@code GET livechat/users/:type/:_id}: {@code view-livechat-manager} (403). 200 {@code {user: {...} | null,
   * success}} (null when the user lacks the role); an unknown user 400 {@code {"success":false,
   * "error":"User not found"}}.
   */
  public void get(RoutingContext ctx) {
    byId(ctx, CommandType.STAFF_GET);
  }

  /**
   * {@code DELETE livechat/users/:type/:_id}: {@code view-livechat-manager} (403). 200 {@code {success}}; an
   * unknown user 400 {@code {"success":false}}.
   */
  public void remove(RoutingContext ctx) {
    byId(ctx, CommandType.STAFF_REMOVE);
  }

  /**
   * {@code POST livechat/agent.status {status?: "available"|"not-available", agentId?}}: {@code view-l-room} (403).
   * 200 {@code {status, success}}; 404 {@code {"success":false,"error":"Agent not found"}} when the target is no
   * agent; 403 {@code {"success":false,"error":"unauthorized"}} for another agent without
   * {@code manage-livechat-agents}; 400 {@code error-user-deactivated}; any other status 400 {@code invalid-params}.
   */
  public void agentStatus(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> OperatorSchemas.agentStatus(RequestInput.validate(RequestInput.body(c),
                OperatorSchemas.AGENT_STATUS_BODY)),
            List.of(Permission.VIEW_L_ROOM))
        .compose(call -> send(ctx, CommandType.AGENT_STATUS,
            call.input().getString("agentId", call.caller().userId()), call.caller(), call.input())));
  }

  private void byId(RoutingContext ctx, CommandType type) {
    String role = ROLES.get(ctx.pathParam("type"));
    String id = ctx.pathParam("_id");
    ApiResponses.respond(ctx, access.authorize(ctx, c -> new JsonObject(), List.of(Permission.VIEW_LIVECHAT_MANAGER))
        .compose(call -> send(ctx, type, id, call.caller(), new JsonObject().put("role", known(role)).put("_id", id))));
  }

  /** @return the role; {@link ErrorCode#INVALID_STAFF_TYPE} for a path type other than agent or manager */
  private static String known(String role) {
    if (role == null) {
      throw new LivechatException(ErrorCode.INVALID_STAFF_TYPE);
    }
    return role;
  }

  private Future<JsonObject> send(RoutingContext ctx, CommandType type, String key, Caller caller, JsonObject body) {
    return requester.request(RequestLog.commandsOf(ctx), type, key, caller, body);
  }
}
