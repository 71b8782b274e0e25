package chat.rocket.livechat.gateway.web;

import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.rocketchat.Settings;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Rocket.Chat's CORS on the REST API (every path under {@code /api/}), switched by setting
 * {@link Setting#API_ENABLE_CORS} (default false) with the origins of {@link Setting#API_CORS_ORIGIN} ({@code *} or a
 * comma-separated list), both read through the cached {@link Settings}. Reproduces Rocket.Chat's
 * {@code defaultOptionsEndpoint} and API default headers ({@code apps/meteor/app/api/server/api.ts},
 * {@code middlewares/cors.ts}):
 * <ul>
 *   <li>{@code OPTIONS} without {@code Origin} and {@code Access-Control-Request-Method} is no CORS request: passed
 *       on, so it answers as any method a route lacks (404 {@code API endpoint does not exist}; Rocket.Chat's Restivus
 *       answered 200 with no body).</li>
 *   <li>{@code OPTIONS} preflight, CORS off: 405 {@code text/plain} {@link #NOT_ENABLED}.</li>
 *   <li>{@code OPTIONS} preflight, origin allowed: 200, empty, with {@code Access-Control-Allow-Origin} ({@code *}, or
 *       the request's origin plus {@code Vary: Origin} for a list), {@code Access-Control-Allow-Methods}
 *       {@link #METHODS} and {@code Access-Control-Allow-Headers} {@link #HEADERS}.</li>
 *   <li>{@code OPTIONS} preflight from an origin not in the list: 403, empty.</li>
 *   <li>Any other request: passed on; with CORS on and its origin allowed, its response carries the same headers.</li>
 * </ul>
 */
public final class Cors {

  /** {@code Access-Control-Allow-Methods}, as Rocket.Chat sends it. */
  public static final String METHODS = "GET, POST, PUT, DELETE, HEAD, PATCH";
  /** {@code Access-Control-Allow-Headers}, as Rocket.Chat sends it: the auth and visitor-token headers included. */
  public static final String HEADERS =
      "Origin, X-Requested-With, Content-Type, Accept, X-User-Id, X-Auth-Token, x-visitor-token, Authorization";
  /** Body of the 405 answer to a preflight while CORS is off (Rocket.Chat's text). */
  public static final String NOT_ENABLED = "CORS not enabled. Go to \"Admin > General > REST Api\" to enable it.";
  private static final String ANY = "*";

  private static final String API_PREFIX = "/api/";
  private final Settings settings;

  /** @param settings the cached Rocket.Chat settings */
  public Cors(Settings settings) {
    this.settings = settings;
  }

  /**
   * The handler of every request: passes on whatever is not under {@code /api/}; for the API answers a preflight, or
   * adds the headers and passes it on. Bound to a route without a path, so that the HTTP metrics' {@code route} label
   * stays the endpoint's own template (a path route would prefix it with {@code /api/>}).
   */
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    boolean options = request.method() == HttpMethod.OPTIONS;
    if (!request.path().startsWith(API_PREFIX)) {
      ctx.next();
      return;
    }
    if (options && request.getHeader(HttpHeaders.ORIGIN) == null
        && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) == null) {
      ctx.next();
      return;
    }
    allowedOrigins().onFailure(ctx::fail).onSuccess(origins -> {
      if (options) {
        answerPreflight(ctx, origins);
      } else {
        origins.flatMap(allowed -> allowOrigin(allowed, request)).ifPresent(origin -> putHeaders(ctx, origin));
        ctx.next();
      }
    });
  }

  /** @return the {@link Setting#API_CORS_ORIGIN} value when CORS is on, else empty */
  private Future<Optional<String>> allowedOrigins() {
    return settings.bool(Setting.API_ENABLE_CORS).compose(enabled -> enabled
        ? settings.string(Setting.API_CORS_ORIGIN).map(Optional::of) : Future.succeededFuture(Optional.empty()));
  }

  private void answerPreflight(RoutingContext ctx, Optional<String> origins) {
    if (origins.isEmpty()) {
      ctx.response().setStatusCode(405).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
          .end(NOT_ENABLED);
      return;
    }
    Optional<String> origin = allowOrigin(origins.get(), ctx.request());
    if (origin.isEmpty()) {
      ctx.response().setStatusCode(403).end();
      return;
    }
    putHeaders(ctx, origin.get());
    ctx.response().setStatusCode(200).end();
  }

  /**
   * @param allowed the setting: {@code *} or a comma-separated list of origins (compared ignoring case and spaces)
   * @return the {@code Access-Control-Allow-Origin} value for this request, or empty when its origin is not allowed
   */
  static Optional<String> allowOrigin(String allowed, HttpServerRequest request) {
    if (ANY.equals(allowed.trim())) {
      return Optional.of(ANY);
    }
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin == null) {
      return Optional.empty();
    }
    String wanted = origin.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(allowed.split(",")).map(entry -> entry.trim().toLowerCase(Locale.ROOT))
        .filter(wanted::equals).findFirst().map(match -> origin);
  }

  private static void putHeaders(RoutingContext ctx, String origin) {
    MultiMap headers = ctx.response().headers();
    headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    if (!ANY.equals(origin)) {
      headers.set(HttpHeaders.VARY, "Origin");
    }
    headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, METHODS);
    headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, HEADERS);
  }
}
