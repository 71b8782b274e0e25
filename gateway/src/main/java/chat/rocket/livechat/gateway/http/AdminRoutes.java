package chat.rocket.livechat.gateway.http;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.gateway.auth.Access;
import chat.rocket.livechat.gateway.auth.Access.AuthorizedCall;
import chat.rocket.livechat.gateway.messaging.CommandSender;
import chat.rocket.livechat.gateway.validation.OperatorSchemas;
import chat.rocket.livechat.platform.rocketchat.CacheInvalidation;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The settings, permissions and roles endpoints (issue 11; Rocket.Chat's {@code app/api/server/v1/settings.ts},
 * {@code permissions.ts}, {@code roles.ts}), each authenticated (401) and answered by the admin-service. A successful
 * write also drops this process's cached copies at once ({@link CacheInvalidation}), before the answer, so the very
 * next request through this gateway sees it; other processes drop theirs when the change event reaches them.
 */
public final class AdminRoutes {

  /** Key of the commands that read or write several permissions, so that they run one after the other. */
  private static final String PERMISSIONS_KEY = "permissions";
  /** Key of {@code roles.list}. */
  private static final String ROLES_KEY = "roles";

  private final CommandSender requester;
  private final Access access;
  private final CacheInvalidation caches;

  /**
   * @param requester sends admin commands and yields their reply bodies
   * @param access    authentication, rate limit, validation and permission checks, in Rocket.Chat's order
   * @param caches    this process's cached settings and permissions
   */
  public AdminRoutes(CommandSender requester, Access access, CacheInvalidation caches) {
    this.requester = requester;
    this.access = access;
    this.caches = caches;
  }

  /**
   * {@code GET settings/:_id}: auth, {@code view-privileged-setting} (403). 200 {@code {_id, value, success}}; an
   * unknown or hidden setting 400 {@code {"success":false}}.
   */
  public void settingGet(RoutingContext ctx) {
    String id = ctx.pathParam("_id");
    ApiResponses.respond(ctx, access.authorize(ctx, c -> new JsonObject(),
            List.of(Permission.VIEW_PRIVILEGED_SETTING))
        .compose(call -> send(ctx, CommandType.SETTING_GET, id, call.caller(), new JsonObject().put("_id", id))));
  }

  /**
   * {@code POST settings/:_id {value}}: auth, {@code edit-privileged-setting} (403), then a body holding
   * {@code value} of the setting's type. 200 {@code {success}}; a body without {@code value}, a value of another
   * type, an unknown or hidden setting: 400 {@code {"success":false}}, nothing written.
   */
  public void settingSet(RoutingContext ctx) {
    String id = ctx.pathParam("_id");
    ApiResponses.respond(ctx, access.authorize(ctx, c -> new JsonObject(),
            List.of(Permission.EDIT_PRIVILEGED_SETTING))
        .compose(call -> send(ctx, CommandType.SETTING_SET, id, call.caller(),
            new JsonObject().put("_id", id).put("value", submittedValue(ctx))))
        .onSuccess(answer -> caches.invalidate(EventType.SETTING_CHANGED, id)));
  }

  /**
   * {@code GET permissions.listAll?updatedSince}: auth, ajv query. 200 {@code {update: [{_id, roles, _updatedAt}],
   * remove: [], success}}; 400 {@code error-roomId-param-invalid} for an {@code updatedSince} that is no date.
   */
  public void permissionsListAll(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.query(c), OperatorSchemas.PERMISSIONS_LIST_QUERY), List.of())
        .compose(call -> send(ctx, CommandType.PERMISSIONS_LIST, PERMISSIONS_KEY, call.caller(), call.input())));
  }

  /**
   * {@code POST permissions.update {permissions: [{_id, roles}]}}: auth, ajv body (400 {@code invalid-params}),
   * {@code access-permissions} (403). 200 {@code {permissions: [...], success}}; 400
   * {@code {"success":false,"error":"Invalid permission","errorType":"error-invalid-permission"}} or
   * {@code ... "Invalid role" ... "error-invalid-role"}, nothing written.
   */
  public void permissionsUpdate(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.body(c), OperatorSchemas.PERMISSIONS_UPDATE_BODY),
            List.of(Permission.ACCESS_PERMISSIONS))
        .compose(call -> send(ctx, CommandType.PERMISSIONS_UPDATE, PERMISSIONS_KEY, call.caller(), call.input())
            .onSuccess(answer -> invalidatePermissions(call))));
  }

  /** {@code GET roles.list}: auth. 200 {@code {roles: [...], success}}. */
  public void rolesList(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx, c -> new JsonObject(), List.of())
        .compose(call -> send(ctx, CommandType.ROLES_LIST, ROLES_KEY, call.caller(), new JsonObject())));
  }

  private void invalidatePermissions(AuthorizedCall call) {
    call.input().getJsonArray("permissions").forEach(permission ->
        caches.invalidate(EventType.PERMISSION_CHANGED, ((JsonObject) permission).getString("_id")));
  }

  /**
   * @return the body's {@code value} (any JSON value, null included)
   * @throws LivechatException {@link ErrorCode#FAILURE_WITHOUT_MESSAGE} when the body is no object holding
   *     {@code value} (Rocket.Chat's {@code 'value' in bodyParams} fails into {@code API.v1.failure()}), or
   *     {@link ErrorCode#INVALID_BODY} for malformed JSON
   */
  private static Object submittedValue(RoutingContext ctx) {
    if (RequestInput.body(ctx) instanceof JsonObject body && body.containsKey("value")) {
      return body.getValue("value");
    }
    throw new LivechatException(ErrorCode.FAILURE_WITHOUT_MESSAGE);
  }

  /** Sends one command for this request; its correlation id goes to the request's log line ({@link RequestLog}). */
  private Future<JsonObject> send(RoutingContext ctx, CommandType type, String key, Caller caller, JsonObject body) {
    return requester.request(RequestLog.commandsOf(ctx), type, key, caller, body);
  }
}
