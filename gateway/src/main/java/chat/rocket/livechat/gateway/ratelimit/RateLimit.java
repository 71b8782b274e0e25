package chat.rocket.livechat.gateway.ratelimit;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.gateway.http.ApiResponses;
import chat.rocket.livechat.gateway.ratelimit.RateLimiter.Attempt;
import chat.rocket.livechat.platform.rocketchat.Permissions;
import chat.rocket.livechat.platform.rocketchat.Settings;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Rocket.Chat's REST rate limit (spec §1.6), checked right after authentication (spec §1.3). A call is counted when
 * setting {@code API_Enable_Rate_Limiter} is true and the caller, if authenticated, lacks
 * {@code api-bypass-rate-limit}; the key is the {@link ClientIp client IP} + method + route path. Routes without their
 * own {@link Limits} use settings {@code API_Enable_Rate_Limiter_Limit_Calls_Default} per
 * {@code API_Enable_Rate_Limiter_Limit_Time_Default} ms (10 per 60 000 by default); a non-positive default switches
 * the limiter off, as Rocket.Chat then adds no rule. Every counted call gets {@code X-RateLimit-Limit},
 * {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (epoch ms); a call over the limit fails with
 * {@link ErrorCode#TOO_MANY_REQUESTS} (429, "You must wait N seconds", N rounded up).
 */
public final class RateLimit {

  /** {@code rateLimiterOptions} of {@code GET livechat/room} and {@code POST livechat/visitor}: 5 per 60 000 ms. */
  public static final Limits LIVECHAT_WIDGET = new Limits(5, 60_000);
  /** {@code rateLimiterOptions} of {@code POST livechat/offline.message}: 1 per 5 000 ms. */
  public static final Limits OFFLINE_MESSAGE = new Limits(1, 5_000);

  private final RateLimiter limiter;
  private final Settings settings;
  private final Permissions permissions;
  private final int forwardedCount;

  /**
   * @param limiter        the process-wide counters
   * @param forwardedCount {@link chat.rocket.livechat.platform.runtime.ConfigKey#HTTP_FORWARDED_COUNT}
   */
  public RateLimit(RateLimiter limiter, Settings settings, Permissions permissions, int forwardedCount) {
    this.limiter = limiter;
    this.settings = settings;
    this.permissions = permissions;
    this.forwardedCount = forwardedCount;
  }

  /**
   * @param limits the route's own limits, or null for the settings' defaults
   * @return a handler for a route without authentication: counts the call, then passes it on or answers 429
   */
  public Handler<RoutingContext> anonymous(Limits limits) {
    return ctx -> enforce(ctx, limits, null).onSuccess(v -> ctx.next()).onFailure(e -> ApiResponses.error(ctx, e));
  }

  /**
   * Counts a call of the current route with the settings' default limits.
   *
   * @param caller the authenticated user, or null on a route without authentication
   * @return succeeds when the call may go on; fails with {@link ErrorCode#TOO_MANY_REQUESTS} over the limit
   */
  public Future<Void> enforce(RoutingContext ctx, Caller caller) {
    return enforce(ctx, null, caller);
  }

  private Future<Void> enforce(RoutingContext ctx, Limits own, Caller caller) {
    return applies(caller)
        .compose(applies -> applies ? limitsOf(own) : Future.succeededFuture(Limits.NONE))
        .compose(limits -> limits.active() ? count(ctx, limits) : Future.succeededFuture());
  }

  private Future<Boolean> applies(Caller caller) {
    return settings.bool(Setting.API_ENABLE_RATE_LIMITER)
        .compose(enabled -> !enabled || caller == null ? Future.succeededFuture(enabled)
            : permissions.has(caller.roles(), Permission.API_BYPASS_RATE_LIMIT).map(bypass -> !bypass));
  }

  private Future<Limits> limitsOf(Limits own) {
    Future<Long> calls = settings.number(Setting.API_RATE_LIMITER_LIMIT_CALLS_DEFAULT);
    Future<Long> time = settings.number(Setting.API_RATE_LIMITER_LIMIT_TIME_DEFAULT);
    return Future.all(calls, time).map(defaults -> {
      Limits fallback = new Limits(calls.result(), time.result());
      return !fallback.active() ? Limits.NONE : own != null ? own : fallback;
    });
  }

  private Future<Void> count(RoutingContext ctx, Limits limits) {
    String key = ClientIp.of(ctx.request(), forwardedCount) + " " + ctx.request().method().name() + " "
        + ctx.currentRoute().getPath();
    Attempt attempt = limiter.hit(key, limits.calls(), limits.intervalMs());
    ctx.response()
        .putHeader("X-RateLimit-Limit", Long.toString(attempt.limit()))
        .putHeader("X-RateLimit-Remaining", Long.toString(attempt.remaining()))
        .putHeader("X-RateLimit-Reset", Long.toString(attempt.resetAtMs()));
    if (attempt.allowed()) {
      return Future.succeededFuture();
    }
    long seconds = (attempt.resetInMs() + 999) / 1000;
    return Future.failedFuture(new LivechatException(ErrorCode.TOO_MANY_REQUESTS,
        ErrorCode.TOO_MANY_REQUESTS.format(seconds)));
  }

  /**
   * A route's {@code rateLimiterOptions}.
   *
   * @param calls      {@code numRequestsAllowed} per window
   * @param intervalMs {@code intervalTimeInMS}, the window length in ms
   */
  public record Limits(long calls, long intervalMs) {
    /** No limit: the limiter is off or skipped for this call. */
    static final Limits NONE = new Limits(0, 0);

    /** @return whether these limits count calls at all (both values positive) */
    boolean active() {
      return calls > 0 && intervalMs > 0;
    }
  }
}
