package chat.rocket.livechat.gateway.auth;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.gateway.ratelimit.RateLimit;
import chat.rocket.livechat.platform.rocketchat.Permissions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;

/**
 * Rocket.Chat's order of checks for an authenticated route (spec §1.3): authentication (401), then the rate limit
 * with the default limits (429 {@link ErrorCode#TOO_MANY_REQUESTS}), then parameter validation (400), then
 * {@code permissionsRequired}, all of them (403 {@link ErrorCode#PERMISSION_DENIED}).
 */
public final class Access {

  private final Authenticator authenticator;
  private final RateLimit rateLimit;
  private final Permissions permissions;

  /**
   * @param authenticator resolves {@code X-User-Id} / {@code X-Auth-Token} to the caller (401 otherwise)
   * @param rateLimit     the per-client, per-route call counter (429 over the limit)
   * @param permissions   the role-to-permission lookup (403 without a required permission)
   */
  public Access(Authenticator authenticator, RateLimit rateLimit, Permissions permissions) {
    this.authenticator = authenticator;
    this.rateLimit = rateLimit;
    this.permissions = permissions;
  }

  /**
   * @param validate    reads and validates the request's input; throws {@link LivechatException} on bad input
   * @param permissions every permission the route requires
   * @return the caller and the validated input, or the first failing check
   */
  public Future<AuthorizedCall> authorize(RoutingContext ctx, Function<RoutingContext, JsonObject> validate,
                                   List<Permission> permissions) {
    return authenticator.authenticate(ctx)
        .compose(caller -> rateLimit.enforce(ctx, caller).map(caller))
        .compose(caller -> Future.succeededFuture(ctx).map(validate).map(input -> new AuthorizedCall(caller, input)))
        .compose(call -> this.permissions.hasAll(call.caller().roles(), permissions)
            .compose(granted -> granted ? Future.succeededFuture(call)
                : Future.failedFuture(new LivechatException(ErrorCode.PERMISSION_DENIED))));
  }

  /**
   * A permission a handler checks itself (Rocket.Chat's checks inside a method, e.g. {@code saveUser}'s
   * {@code create-user}), answered with that method's own failure instead of the 403 of {@code permissionsRequired}.
   *
   * @param refusal the failure when the caller lacks the permission, e.g. {@link ErrorCode#ACTION_NOT_ALLOWED}
   * @return completes when the caller holds the permission
   */
  public Future<Void> require(Caller caller, Permission permission, LivechatException refusal) {
    return permissions.hasAll(caller.roles(), List.of(permission))
        .compose(granted -> granted ? Future.succeededFuture() : Future.failedFuture(refusal));
  }

  /** @return whether the caller holds the permission */
  public Future<Boolean> holds(Caller caller, Permission permission) {
    return permissions.hasAll(caller.roles(), List.of(permission));
  }

  /**
   * An authenticated, validated and authorized request.
   *
   * @param caller the user
   * @param input  the validated (and coerced) query or body
   */
  public record AuthorizedCall(Caller caller, JsonObject input) {
  }
}
