package chat.rocket.livechat.gateway.http;

import chat.rocket.livechat.gateway.auth.Access;
import chat.rocket.livechat.gateway.auth.Authenticator;
import chat.rocket.livechat.gateway.auth.LoginRoute;
import chat.rocket.livechat.gateway.messaging.KafkaRequester;
import chat.rocket.livechat.gateway.ratelimit.RateLimit;
import chat.rocket.livechat.gateway.ratelimit.RateLimiter;
import chat.rocket.livechat.platform.rocketchat.Permissions;
import chat.rocket.livechat.platform.rocketchat.Settings;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.platform.runtime.HealthRoutes;
import chat.rocket.livechat.platform.runtime.Mongo;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP verticle instance of the gateway: the Router of every {@link Endpoint} (the API under {@code /api/v1/}, its
 * OpenAPI document, {@code /metrics} and the health routes) and of nothing else, each request logged by
 * {@link RequestLog}, request bodies limited to {@link ConfigKey#BODY_LIMIT_BYTES} (413 beyond), exact paths (a
 * trailing slash is a 404, spec §1.1), and its own {@link KafkaRequester} on reply partition
 * {@link #REPLY_PARTITION} of {@link #REPLY_TOPIC}. All instances share port
 * {@link ConfigKey#PORT}; it starts listening only once its reply partition is assigned.
 */
public final class HttpApiVerticle extends VerticleBase {

  /** Config key (internal) of the reply topic the gateway hands to each HTTP verticle. */
  public static final String REPLY_TOPIC = "replyTopic";
  /** Config key (internal) of the reply partition the gateway hands to each HTTP verticle. */
  public static final String REPLY_PARTITION = "replyPartition";
  private final RateLimiter rateLimiter;
  private KafkaRequester requester;
  private HttpServer server;

  /** @param rateLimiter the rate-limit counters shared by every HTTP verticle of this gateway process */
  public HttpApiVerticle(RateLimiter rateLimiter) {
    this.rateLimiter = rateLimiter;
  }

  @Override
  public Future<?> start() {
    MongoClient mongo = Mongo.client(vertx, config());
    requester = new KafkaRequester(vertx, config(), config().getString(REPLY_TOPIC),
        config().getInteger(REPLY_PARTITION));
    Permissions permissions = new Permissions(vertx, mongo, config());
    RateLimit rateLimit = new RateLimit(rateLimiter, new Settings(vertx, mongo, config()), permissions,
        ConfigKey.HTTP_FORWARDED_COUNT.getInt(config()));
    Access access = new Access(new Authenticator(vertx, mongo, config()), rateLimit, permissions);
    return OpenApiDocument.load(vertx)
        .map(openApi -> handlers(new RoomRoutes(requester, access), new VisitorRoutes(requester, access),
            new LoginRoute(vertx, mongo), rateLimit, openApi, mongo))
        .map(handlers -> widgetHandlers(handlers, new WidgetRoutes(requester), rateLimit))
        .map(this::router)
        .compose(router -> requester.start().map(router))
        .compose(router -> {
          server = vertx.createHttpServer(new HttpServerOptions().setPort(ConfigKey.PORT.getInt(config())))
              .invalidRequestHandler(ApiResponses::invalidRequest)
              .requestHandler(router);
          return server.listen();
        });
  }

  /**
   * Stops taking requests, lets the ones in flight finish for up to {@code REPLY_TIMEOUT_MS} + 1 s (their replies or
   * 504s), then fails whatever is still pending with 503 and closes the Kafka clients.
   */
  @Override
  public Future<?> stop() {
    long drainMs = ConfigKey.REPLY_TIMEOUT_MS.getLong(config()) + 1000;
    Future<Void> closed = server == null ? Future.succeededFuture()
        : server.shutdown(drainMs, TimeUnit.MILLISECONDS);
    return closed.eventually(requester::stop);
  }

  /**
   * The handler chain of every endpoint. Routes without authentication count their rate limit before anything else
   * (spec §1.3, §1.6); authenticated ones right after authentication ({@link Access}).
   */
  private Map<Endpoint, List<Handler<RoutingContext>>> handlers(RoomRoutes rooms, VisitorRoutes visitors,
                                                               LoginRoute login, RateLimit rateLimit, Buffer openApi,
                                                               MongoClient mongo) {
    Map<Endpoint, List<Handler<RoutingContext>>> handlers = new EnumMap<>(Endpoint.class);
    handlers.put(Endpoint.ROOM, List.of(rateLimit.anonymous(RateLimit.LIVECHAT_WIDGET), rooms::getOrCreate));
    handlers.put(Endpoint.ROOM_VISITOR, List.of(rooms::changeVisitor));
    handlers.put(Endpoint.ROOM_SAVE_INFO, List.of(rooms::saveInfo));
    handlers.put(Endpoint.VISITORS_INFO, List.of(visitors::info));
    handlers.put(Endpoint.VISITOR_INFO, List.of(visitors::info));
    handlers.put(Endpoint.VISITOR_REGISTER, List.of(rateLimit.anonymous(RateLimit.LIVECHAT_WIDGET),
        visitors::register));
    handlers.put(Endpoint.VISITOR_BY_TOKEN, List.of(rateLimit.anonymous(null), visitors::byToken));
    handlers.put(Endpoint.LOGIN, List.of(rateLimit.anonymous(null), login::login));
    handlers.put(Endpoint.OPENAPI, List.of(ctx -> ApiResponses.json(ctx, openApi)));
    handlers.put(Endpoint.METRICS, List.of(PrometheusScrapingHandler.create()));
    handlers.put(Endpoint.HEALTH_LIVE, List.of(HealthRoutes.live(vertx)));
    handlers.put(Endpoint.HEALTH_READY, List.of(HealthRoutes.ready(vertx, mongo)));
    return handlers;
  }

  /**
   * Adds the widget's endpoints ({@link WidgetRoutes}), each rate limited as an anonymous route: the default limits,
   * {@code offline.message} its own {@link RateLimit#OFFLINE_MESSAGE}.
   */
  private static Map<Endpoint, List<Handler<RoutingContext>>> widgetHandlers(
      Map<Endpoint, List<Handler<RoutingContext>>> handlers, WidgetRoutes widget, RateLimit rateLimit) {
    Handler<RoutingContext> limit = rateLimit.anonymous(null);
    handlers.put(Endpoint.WIDGET_CONFIG, List.of(limit, widget::config));
    handlers.put(Endpoint.AGENT_INFO, List.of(limit, widget::agentInfo));
    handlers.put(Endpoint.AGENT_NEXT, List.of(limit, widget::agentNext));
    handlers.put(Endpoint.VISITOR_STATUS, List.of(limit, widget::visitorStatus));
    handlers.put(Endpoint.CUSTOM_FIELD, List.of(limit, widget::customField));
    handlers.put(Endpoint.CUSTOM_FIELDS, List.of(limit, widget::customFields));
    handlers.put(Endpoint.TRANSCRIPT, List.of(limit, widget::transcript));
    handlers.put(Endpoint.OFFLINE_MESSAGE, List.of(rateLimit.anonymous(RateLimit.OFFLINE_MESSAGE),
        widget::offlineMessage));
    handlers.put(Endpoint.VISITOR_DELETE, List.of(limit, widget::deleteVisitor));
    return handlers;
  }

  /** @throws IllegalStateException when an {@link Endpoint} has no handler (a programming error) */
  private Router router(Map<Endpoint, List<Handler<RoutingContext>>> handlers) {
    Router router = Router.router(vertx);
    router.route().handler(RequestLog::start);
    router.route().handler(HttpApiVerticle::rejectTrailingSlash);
    // Only methods that carry bodies: on a GET with a form content type Vert.x's BodyHandler throws (a 500).
    router.route().method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH).method(HttpMethod.DELETE)
        .handler(BodyHandler.create(false).setBodyLimit(ConfigKey.BODY_LIMIT_BYTES.getLong(config())));
    for (Endpoint endpoint : Endpoint.values()) {
      List<Handler<RoutingContext>> chain = handlers.get(endpoint);
      if (chain == null) {
        throw new IllegalStateException("no handler for endpoint " + endpoint);
      }
      Route route = router.route(endpoint.method(), endpoint.path()).handler(RequestLog.matched(endpoint));
      chain.forEach(route::handler);
    }
    router.route().last().handler(ctx -> ctx.fail(404));
    router.route().failureHandler(ApiResponses::handleFailure);
    for (int status : new int[] {400, 404, 405, 413, 500}) {
      router.errorHandler(status, ApiResponses.unhandled(status));
    }
    return router;
  }

  private static void rejectTrailingSlash(RoutingContext ctx) {
    String path = ctx.request().path();
    if (path.length() > 1 && path.endsWith("/")) {
      ctx.fail(404);
    } else {
      ctx.next();
    }
  }
}
