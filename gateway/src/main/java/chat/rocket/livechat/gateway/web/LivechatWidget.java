package chat.rocket.livechat.gateway.web;

import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rocket.Chat's Livechat widget, served as Rocket.Chat serves it ({@code apps/meteor/app/livechat/server/livechat.ts},
 * {@code app/livechat/lib/Assets.ts}): the build of the npm package {@code @rocket.chat/livechat}, which the gateway's
 * build copies to {@link #CLASSPATH_DIR} on the classpath ({@code gateway/src/build/fetch-widget.sh}).
 * <ul>
 *   <li>{@code GET /livechat} (no trailing slash: the page loads its chunks from {@code livechat/...}): the widget's
 *       {@code index.html} with {@code <script> SERVER_URL = '<origin>'; </script>} after {@code <body>}, where the
 *       origin is {@link ConfigKey#ROOT_URL} or, when empty, {@code <scheme>://<Host header>};
 *       {@code text/html; charset=utf-8}, {@code Cache-Control: no-cache}.</li>
 *   <li>{@code GET /livechat/<file>}: the build's files (the loader {@code rocketchat-livechat.min.js} of Rocket.Chat's
 *       embed snippet, the chunks, styles, images) with their content types, {@code Cache-Control: public,
 *       immutable, max-age=86400} (the chunks' names carry their hash; the embed snippet loads the loader with a
 *       random query), {@code Last-Modified} and 304 on {@code If-Modified-Since}, and
 *       {@code Access-Control-Allow-Origin: *} as Rocket.Chat's static files; an unknown file answers the API's
 *       404.</li>
 *   <li>When the build is absent (the gateway was built without npm): both answer 404 with a {@code text/plain} line
 *       saying so ({@link #NOT_BUILT}).</li>
 * </ul>
 */
public final class LivechatWidget {

  /** The classpath directory of the widget's build. */
  public static final String CLASSPATH_DIR = "livechat-widget";
  /** The widget page's path. */
  public static final String PATH = "/livechat";
  /** The body of the 404 when the widget was not built in. */
  public static final String NOT_BUILT = "The Livechat widget is not served: this gateway was built without npm"
      + " (README.md, The Livechat widget).\n";
  /** How long browsers may cache a widget file, in s. */
  public static final int FILE_MAX_AGE_SECONDS = 86_400;
  private static final String BODY = "<body>";
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+](:[0-9]{1,5})?");
  private static final Pattern ROOT_URL = Pattern.compile("https?://[^'\"<>\\\\\\s]+");

  private final Optional<String> index;
  private final String rootUrl;

  private LivechatWidget(Optional<String> index, String rootUrl) {
    this.index = index;
    this.rootUrl = rootUrl;
  }

  /**
   * Reads the widget's {@code index.html} from the classpath.
   *
   * @param config supplies {@link ConfigKey#ROOT_URL}
   * @return the widget's routes; without the build, routes that answer {@link #NOT_BUILT}
   * @throws IllegalArgumentException (a failed Future) when ROOT_URL is set but is no http(s) URL
   */
  public static Future<LivechatWidget> load(Vertx vertx, JsonObject config) {
    String rootUrl = ConfigKey.ROOT_URL.get(config).trim().replaceAll("/+$", "");
    if (!rootUrl.isEmpty() && !ROOT_URL.matcher(rootUrl).matches()) {
      return Future.failedFuture(new IllegalArgumentException("ROOT_URL must be an http(s) URL, got '" + rootUrl
          + "'"));
    }
    return built(vertx).map(index -> new LivechatWidget(index, rootUrl));
  }

  /** @return the widget's {@code index.html}, or empty when the gateway was built without it */
  public static Future<Optional<String>> built(Vertx vertx) {
    return vertx.fileSystem().readFile(CLASSPATH_DIR + "/index.html")
        .map(buffer -> Optional.of(buffer.toString()))
        .otherwise(Optional.empty());
  }

  /** Adds {@code GET /livechat} and {@code GET|HEAD /livechat/*} to {@code router}. */
  public void mount(Router router) {
    router.get(PATH).handler(this::page);
    router.route(PATH + "/*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(files());
  }

  private Handler<RoutingContext> files() {
    if (index.isEmpty()) {
      return LivechatWidget::notBuilt;
    }
    StaticHandler files = StaticHandler.create(CLASSPATH_DIR).setCachingEnabled(true)
        .setMaxAgeSeconds(FILE_MAX_AGE_SECONDS).setDefaultContentEncoding("UTF-8").setIncludeHidden(false);
    return ctx -> {
      ctx.response().putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
      files.handle(ctx);
    };
  }

  private void page(RoutingContext ctx) {
    if (index.isEmpty()) {
      notBuilt(ctx);
      return;
    }
    String html = index.get().replace(BODY, BODY + "<script> SERVER_URL = '" + origin(ctx) + "'; </script>");
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache").end(html);
  }

  /** @return ROOT_URL, or the origin the browser asked for; a malformed Host header gives {@code http://localhost} */
  private String origin(RoutingContext ctx) {
    if (!rootUrl.isEmpty()) {
      return rootUrl;
    }
    String host = ctx.request().getHeader(HttpHeaders.HOST);
    String scheme = ctx.request().scheme();
    return (scheme == null ? "http" : scheme) + "://"
        + (host != null && HOST.matcher(host).matches() ? host : "localhost");
  }

  private static void notBuilt(RoutingContext ctx) {
    ctx.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
        .end(NOT_BUILT);
  }
}
