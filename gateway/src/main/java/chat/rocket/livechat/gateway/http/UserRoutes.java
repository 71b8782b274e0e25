package chat.rocket.livechat.gateway.http;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.gateway.auth.Access;
import chat.rocket.livechat.gateway.auth.Passwords;
import chat.rocket.livechat.gateway.messaging.CommandSender;
import chat.rocket.livechat.gateway.validation.OperatorSchemas;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The users endpoints (issue 11): Rocket.Chat's {@code POST users.create}, {@code GET users.info},
 * {@code POST users.update} and {@code POST users.delete} ({@code app/api/server/v1/users.ts}), each authenticated
 * (401 {@code {"status":"error","message":"You must be logged in to do this."}}) and validated (400
 * {@code invalid-params}), then answered by the admin-service. The permission checks Rocket.Chat makes inside
 * {@code saveUser} answer 400 {@code error-action-not-allowed} as there, {@code users.delete}'s 403
 * {@code {"success":false,"error":"unauthorized"}}. A password is hashed here (bcrypt over its SHA-256, as Meteor
 * stores it, on a worker thread): no command carries a password.
 */
public final class UserRoutes {

  private final Vertx vertx;
  private final CommandSender requester;
  private final Access access;

  /**
   * @param vertx     the worker pool that hashes passwords
   * @param requester sends admin commands and yields their reply bodies
   * @param access    authentication, rate limit, validation and permission checks, in Rocket.Chat's order
   */
  public UserRoutes(Vertx vertx, CommandSender requester, Access access) {
    this.vertx = vertx;
    this.requester = requester;
    this.access = access;
  }

  /**
   * {@code POST users.create {email, name, password, username, roles?, active?, verified?, ...}}: needs
   * {@code create-user} (400 "Adding user is not allowed [error-action-not-allowed]") and, with {@code roles},
   * {@code assign-roles} (400 "Assign roles is not allowed"). 200 {@code {user: {_id, username, name, emails, roles,
   * active, status, type, createdAt, ...}, success}}; a taken username or email 400
   * {@code "<value> is already in use :( [error-field-unavailable]"}, nothing written.
   */
  public void create(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.body(c), OperatorSchemas.USER_CREATE_BODY), List.of())
        .compose(call -> access.require(call.caller(), Permission.CREATE_USER, notAllowed("Adding user is not allowed"))
            .compose(v -> rolesAllowed(call.caller(), call.input()))
            .compose(v -> hashed(call.input()))
            .compose(body -> send(ctx, CommandType.USER_CREATE, body.getString("username"), call.caller(), body))));
  }

  /**
   * {@code GET users.info?userId|username}: any authenticated user; every field but the credentials for the caller
   * itself or with {@code view-full-other-user-info}, else the public ones (name, username, status, ...). 200
   * {@code {user, success}}; neither parameter 400 {@code invalid-params}; no such user 400
   * {@code {"success":false,"error":"User not found."}}.
   */
  public void info(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> oneOf(RequestInput.validate(RequestInput.query(c), OperatorSchemas.USER_INFO_QUERY), "userId",
                "username"),
            List.of())
        .compose(call -> {
          String userId = blankToNull(call.input().getString("userId"));
          String username = blankToNull(call.input().getString("username"));
          boolean self = call.caller().userId().equals(userId) || call.caller().username().equals(username);
          return (self ? Future.succeededFuture(true) : access.holds(call.caller(),
                  Permission.VIEW_FULL_OTHER_USER_INFO))
              .compose(full -> send(ctx, CommandType.USER_INFO, userId != null ? userId : username, call.caller(),
                  new JsonObject().put("userId", userId).put("username", userId != null ? null : username)
                      .put("full", full)));
        }));
  }

  /**
   * {@code POST users.update {userId, data: {...}}}: another user needs {@code edit-other-user-info}, {@code roles}
   * {@code assign-roles}, another user's password {@code edit-other-user-password} and {@code active}
   * {@code edit-other-user-active-status} (each 400 {@code error-action-not-allowed}). 200 {@code {user, success}};
   * no such user 400 "User not found."; a taken username or email 400 {@code error-field-unavailable}; the last
   * admin's role or activity 400 "Leaving the app without admins is not allowed"; nothing written on a failure.
   */
  public void update(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.body(c), OperatorSchemas.USER_UPDATE_BODY), List.of())
        .compose(call -> updateAllowed(call.caller(), call.input())
            .compose(v -> hashed(call.input().getJsonObject("data")))
            .compose(data -> send(ctx, CommandType.USER_UPDATE, call.input().getString("userId"), call.caller(),
                new JsonObject().put("userId", call.input().getString("userId")).put("data", data)))));
  }

  /**
   * {@code POST users.delete {userId | username}}: {@code delete-user} (403 {@code {"success":false,
   * "error":"unauthorized"}}). 200 {@code {success}}; neither parameter 400 {@code error-user-param-not-provided};
   * no such user 400 {@code error-invalid-user}; the last admin 400 {@code error-action-not-allowed}.
   */
  public void delete(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.body(c), OperatorSchemas.USER_DELETE_BODY), List.of())
        .compose(call -> access.require(call.caller(), Permission.DELETE_USER,
                new LivechatException(ErrorCode.UNAUTHORIZED))
            .compose(v -> {
              JsonObject input = call.input();
              String key = input.getString("userId", input.getString("username"));
              if (key == null) {
                return Future.failedFuture(new LivechatException(ErrorCode.USER_PARAM_NOT_PROVIDED));
              }
              return send(ctx, CommandType.USER_DELETE, key, call.caller(), new JsonObject()
                  .put("userId", input.getString("userId")).put("username", input.getString("username")));
            })));
  }

  private Future<Void> updateAllowed(Caller caller, JsonObject input) {
    JsonObject data = input.getJsonObject("data");
    boolean other = !caller.userId().equals(input.getString("userId"));
    LivechatException editing = notAllowed("Editing user is not allowed");
    return (other ? access.require(caller, Permission.EDIT_OTHER_USER_INFO, editing) : Future.<Void>succeededFuture())
        .compose(v -> rolesAllowed(caller, data))
        .compose(v -> other && data.containsKey("password")
            ? access.require(caller, Permission.EDIT_OTHER_USER_PASSWORD, editing) : Future.succeededFuture())
        .compose(v -> other && data.containsKey("active")
            ? access.require(caller, Permission.EDIT_OTHER_USER_ACTIVE_STATUS, editing) : Future.succeededFuture());
  }

  private Future<Void> rolesAllowed(Caller caller, JsonObject data) {
    return data.containsKey("roles")
        ? access.require(caller, Permission.ASSIGN_ROLES, notAllowed("Assign roles is not allowed"))
        : Future.succeededFuture();
  }

  /** @return the user data with {@code password} replaced by its {@code bcrypt} hash */
  private Future<JsonObject> hashed(JsonObject data) {
    JsonObject copy = data.copy();
    Object password = copy.remove("password");
    return password == null ? Future.succeededFuture(copy)
        : Passwords.hash(vertx, Passwords.sha256Hex(password.toString().trim())).map(hash -> copy.put("bcrypt", hash));
  }

  /** @return the input when it names one of the keys, else ajv's {@code anyOf} failure for the first */
  static JsonObject oneOf(JsonObject input, String first, String second) {
    if (input.getString(first, "").isEmpty() && input.getString(second, "").isEmpty()) {
      throw new LivechatException(ErrorCode.INVALID_PARAMS, "must have required property '" + first + "'");
    }
    return input;
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static LivechatException notAllowed(String reason) {
    return new LivechatException(ErrorCode.USER_ACTION_NOT_ALLOWED, reason);
  }

  private Future<JsonObject> send(RoutingContext ctx, CommandType type, String key, Caller caller, JsonObject body) {
    return requester.request(RequestLog.commandsOf(ctx), type, key, caller, body);
  }
}
