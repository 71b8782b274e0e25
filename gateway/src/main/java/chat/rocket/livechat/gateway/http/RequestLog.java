package chat.rocket.livechat.gateway.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * One log line per HTTP request, written when its response ended (README.md, Operating):
 * {@code GET /api/v1/livechat/room 200 4 ms correlation-id=<id>[,<id>...]} at INFO, with the same fields as SLF4J
 * key-value pairs {@code method}, {@code route}, {@code status}, {@code durationMs}, {@code correlationId} (JSON
 * output, {@code LOG_FORMAT=json}). The route is the endpoint's path template ({@code unmatched} for a 404), never
 * the actual path or query, and no header is logged, so visitor tokens, login tokens and passwords never reach the
 * log. The correlation ids are those of the Kafka commands the request sent, comma-separated in sending order
 * ({@code -} when it sent none, e.g. login or a request rejected by validation); each service logs a command's
 * failure with the same id. Ops routes ({@code /metrics}, {@code /health/*}) and assets (the Livechat widget's
 * files, avatars: {@link #matchedAsset(String)}) are logged at DEBUG.
 */
public final class RequestLog {

  private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
  private static final String ENDPOINT = "livechat.endpoint";
  private static final String CORRELATION_IDS = "livechat.correlationIds";
  private static final String ASSET = "livechat.asset";
  /** Route of a request that matched no endpoint. */
  public static final String UNMATCHED = "unmatched";

  private RequestLog() {
  }

  /** The Router's first handler: notes the start time and logs the request when its response ended. */
  public static void start(RoutingContext ctx) {
    long started = System.nanoTime();
    ctx.addEndHandler(done -> log(ctx, started));
    ctx.next();
  }

  /** @return a handler that notes that the request matched {@code endpoint}, then passes it on */
  public static Handler<RoutingContext> matched(Endpoint endpoint) {
    return ctx -> {
      ctx.put(ENDPOINT, endpoint);
      ctx.next();
    };
  }

  /**
   * @param template the path template of a route that is no {@link Endpoint}: a static file of the Livechat widget or
   *                 an avatar ({@code /livechat/*}, {@code /avatar/:username}), logged at DEBUG under this template
   * @return a handler that notes that the request matched that route, then passes it on
   */
  public static Handler<RoutingContext> matchedAsset(String template) {
    return ctx -> {
      ctx.put(ASSET, template);
      ctx.next();
    };
  }

  /**
   * @return the listener a {@link chat.rocket.livechat.gateway.messaging.CommandSender} tells the correlation id of
   *     each command it sends for this request; the ids go into the request's log line
   */
  public static Consumer<String> commandsOf(RoutingContext ctx) {
    return correlationId -> {
      List<String> ids = ctx.get(CORRELATION_IDS);
      if (ids == null) {
        ids = new ArrayList<>(2);
        ctx.put(CORRELATION_IDS, ids);
      }
      ids.add(correlationId);
    };
  }

  /** @return the path template of the endpoint or asset route the request matched, or {@link #UNMATCHED} */
  public static String route(RoutingContext ctx) {
    Endpoint endpoint = ctx.get(ENDPOINT);
    String asset = ctx.get(ASSET);
    return endpoint != null ? endpoint.path() : asset != null ? asset : UNMATCHED;
  }

  private static void log(RoutingContext ctx, long started) {
    Endpoint endpoint = ctx.get(ENDPOINT);
    boolean quiet = endpoint != null ? endpoint.isOps() : ctx.get(ASSET) != null;
    Level level = quiet ? Level.DEBUG : Level.INFO;
    if (!LOG.isEnabledForLevel(level)) {
      return;
    }
    List<String> ids = ctx.get(CORRELATION_IDS);
    String correlationId = ids == null ? "-" : String.join(",", ids);
    String method = ctx.request().method().name();
    String route = route(ctx);
    int status = ctx.response().getStatusCode();
    long durationMs = (System.nanoTime() - started) / 1_000_000;
    LOG.atLevel(level)
        .addKeyValue("method", method)
        .addKeyValue("route", route)
        .addKeyValue("status", status)
        .addKeyValue("durationMs", durationMs)
        .addKeyValue("correlationId", correlationId)
        .log("{} {} {} {} ms correlation-id={}", method, route, status, durationMs, correlationId);
  }
}
