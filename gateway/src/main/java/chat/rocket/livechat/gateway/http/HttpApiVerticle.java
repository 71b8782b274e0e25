package chat.rocket.livechat.gateway.http;

import chat.rocket.livechat.gateway.auth.Access;
import chat.rocket.livechat.gateway.auth.AccountRoutes;
import chat.rocket.livechat.gateway.auth.Authenticator;
import chat.rocket.livechat.gateway.auth.LoginRoute;
import chat.rocket.livechat.gateway.messaging.KafkaRequester;
import chat.rocket.livechat.gateway.ratelimit.RateLimit;
import chat.rocket.livechat.gateway.ratelimit.RateLimiter;
import chat.rocket.livechat.gateway.realtime.DdpServer;
import chat.rocket.livechat.gateway.realtime.RealtimeHub;
import chat.rocket.livechat.gateway.web.Avatars;
import chat.rocket.livechat.gateway.web.Cors;
import chat.rocket.livechat.gateway.web.LivechatWidget;
import chat.rocket.livechat.platform.kafka.EventPublisher;
import chat.rocket.livechat.platform.kafka.KafkaClients;
import chat.rocket.livechat.platform.rocketchat.CacheInvalidation;
import chat.rocket.livechat.platform.rocketchat.Permissions;
import chat.rocket.livechat.platform.rocketchat.Settings;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.platform.runtime.HealthRoutes;
import chat.rocket.livechat.platform.runtime.Meters;
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
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP verticle instance of the gateway: the DDP websocket at {@code /websocket} ({@link DdpServer}, beside the
 * Router, never through it) and the Router of every {@link Endpoint} (the API under {@code /api/v1/}, its OpenAPI
 * document, {@code /metrics} and the health routes) with Rocket.Chat's CORS on {@code /api/*} ({@link Cors}),
 * plus the Livechat widget ({@link LivechatWidget}) and avatars ({@link Avatars}), each request logged by
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
  private final RealtimeHub realtime;
  private KafkaRequester requester;
  private KafkaProducer<String, Buffer> activityProducer;
  private DdpServer ddp;
  private HttpServer server;

  /**
   * @param rateLimiter the rate-limit counters shared by every HTTP verticle of this gateway process
   * @param realtime    the DDP subscriptions and connection count shared by every HTTP verticle of this process
   */
  public HttpApiVerticle(RateLimiter rateLimiter, RealtimeHub realtime) {
    this.rateLimiter = rateLimiter;
    this.realtime = realtime;
  }

  @Override
  public Future<?> start() {
    MongoClient mongo = Mongo.client(vertx, config());
    requester = new KafkaRequester(vertx, config(), config().getString(REPLY_TOPIC),
        config().getInteger(REPLY_PARTITION));
    Permissions permissions = new Permissions(vertx, mongo, config());
    Settings settings = new Settings(vertx, mongo, config());
    RateLimit rateLimit = new RateLimit(rateLimiter, settings, permissions,
        ConfigKey.HTTP_FORWARDED_COUNT.getInt(config()));
    Authenticator authenticator = new Authenticator(mongo);
    Access access = new Access(authenticator, rateLimit, permissions);
    ddp = ddpServer(authenticator);
    return OpenApiDocument.load(vertx)
        .map(openApi -> handlers(new RoomRoutes(requester, access), new VisitorRoutes(requester, access),
            new LoginRoute(vertx, mongo), rateLimit, openApi, mongo))
        .map(handlers -> withConversation(handlers, new ConversationRoutes(requester, access), rateLimit))
        .map(handlers -> widgetHandlers(handlers, new WidgetRoutes(requester), rateLimit))
        .map(handlers -> withAccount(handlers, new AccountRoutes(access, mongo, settings, permissions)))
        .map(handlers -> adminHandlers(handlers, new AdminRoutes(requester, access, CacheInvalidation.of(vertx))))
        .compose(handlers -> LivechatWidget.load(vertx, config())
            .map(widget -> router(handlers, widget, new Cors(settings))))
        .compose(router -> requester.start().map(router))
        .compose(this::listen);
  }

  private Future<HttpServer> listen(Router router) {
    server = vertx.createHttpServer(DdpServer.options(new HttpServerOptions(), config())
            .setPort(ConfigKey.PORT.getInt(config())))
        .invalidRequestHandler(ApiResponses::invalidRequest)
        .requestHandler(router);
    return ddp.attach(server).listen();
  }

  /** The DDP endpoint beside the Router: this verticle's requester, typing published through the shared producer. */
  private DdpServer ddpServer(Authenticator authenticator) {
    activityProducer = KafkaClients.sharedProducer(vertx, config());
    return new DdpServer(vertx, config(), realtime, requester, authenticator,
        new EventPublisher(activityProducer, Meters.registry(vertx)));
  }

  /**
   * Stops taking requests, lets the ones in flight finish for up to {@code REPLY_TIMEOUT_MS} + 1 s (their replies or
   * 504s), then fails whatever is still pending with 503 and closes the Kafka clients.
   */
  @Override
  public Future<?> stop() {
    long drainMs = ConfigKey.REPLY_TIMEOUT_MS.getLong(config()) + 1000;
    if (ddp != null) {
      ddp.stop();
    }
    Future<Void> closed = server == null ? Future.succeededFuture()
        : server.shutdown(drainMs, TimeUnit.MILLISECONDS);
    return closed.eventually(requester::stop).eventually(activityProducer::close);
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
   * Adds the conversation's endpoints: the visitor's count their rate limit (Rocket.Chat's defaults) before anything
   * else, the agent's after authentication ({@link Access}).
   */
  private static Map<Endpoint, List<Handler<RoutingContext>>> withConversation(
      Map<Endpoint, List<Handler<RoutingContext>>> handlers, ConversationRoutes conversation, RateLimit rateLimit) {
    Handler<RoutingContext> limit = rateLimit.anonymous(null);
    handlers.put(Endpoint.MESSAGE_SEND, List.of(limit, conversation::send));
    handlers.put(Endpoint.CHAT_SEND_MESSAGE, List.of(conversation::chatSendMessage));
    handlers.put(Endpoint.MESSAGES_HISTORY, List.of(limit, conversation::history));
    handlers.put(Endpoint.MESSAGE_GET, List.of(limit, conversation::get));
    handlers.put(Endpoint.MESSAGE_UPDATE, List.of(limit, conversation::update));
    handlers.put(Endpoint.MESSAGE_DELETE, List.of(limit, conversation::delete));
    handlers.put(Endpoint.ROOM_CLOSE, List.of(limit, conversation::close));
    handlers.put(Endpoint.ROOM_CLOSE_BY_USER, List.of(conversation::closeByUser));
    handlers.put(Endpoint.PAGE_VISITED, List.of(limit, conversation::pageVisited));
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

  /** Adds the caller's account endpoints ({@link AccountRoutes}), rate limited after authentication. */
  private static Map<Endpoint, List<Handler<RoutingContext>>> withAccount(
      Map<Endpoint, List<Handler<RoutingContext>>> handlers, AccountRoutes account) {
    handlers.put(Endpoint.LOGOUT, List.of(account::logout));
    handlers.put(Endpoint.ME, List.of(account::me));
    handlers.put(Endpoint.USERS_SET_STATUS, List.of(account::setStatus));
    return handlers;
  }

  /** Adds the settings, permissions and roles endpoints ({@link AdminRoutes}), rate limited after authentication. */
  private static Map<Endpoint, List<Handler<RoutingContext>>> adminHandlers(
      Map<Endpoint, List<Handler<RoutingContext>>> handlers, AdminRoutes admin) {
    handlers.put(Endpoint.SETTING_GET, List.of(admin::settingGet));
    handlers.put(Endpoint.SETTING_SET, List.of(admin::settingSet));
    handlers.put(Endpoint.PERMISSIONS_LIST_ALL, List.of(admin::permissionsListAll));
    handlers.put(Endpoint.PERMISSIONS_UPDATE, List.of(admin::permissionsUpdate));
    handlers.put(Endpoint.ROLES_LIST, List.of(admin::rolesList));
    return handlers;
  }

  /**
   * The Router: every {@link Endpoint}, Rocket.Chat's CORS ahead of the API routes, and what Rocket.Chat serves besides
   * the API (README.md, The Livechat widget): the widget under {@code /livechat} and the avatars.
   *
   * @throws IllegalStateException when an {@link Endpoint} has no handler (a programming error)
   */
  private Router router(Map<Endpoint, List<Handler<RoutingContext>>> handlers, LivechatWidget widget, Cors cors) {
    Router router = Router.router(vertx);
    router.route().handler(RequestLog::start);
    router.route().handler(HttpApiVerticle::rejectTrailingSlash);
    // Only methods that carry bodies: on a GET with a form content type Vert.x's BodyHandler throws (a 500).
    router.route().method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH).method(HttpMethod.DELETE)
        .handler(BodyHandler.create(false).setBodyLimit(ConfigKey.BODY_LIMIT_BYTES.getLong(config())));
    // After the BodyHandler, which must see the request before any asynchronous step (Cors reads settings).
    router.route().handler(cors::handle);
    for (Endpoint endpoint : Endpoint.values()) {
      List<Handler<RoutingContext>> chain = handlers.get(endpoint);
      if (chain == null) {
        throw new IllegalStateException("no handler for endpoint " + endpoint);
      }
      Route route = router.route(endpoint.method(), endpoint.path()).handler(RequestLog.matched(endpoint));
      chain.forEach(route::handler);
    }
    router.route(LivechatWidget.PATH).handler(RequestLog.matchedAsset(LivechatWidget.PATH));
    router.route(LivechatWidget.PATH + "/*").handler(RequestLog.matchedAsset(LivechatWidget.PATH + "/*"));
    widget.mount(router);
    router.route(HttpMethod.GET, Avatars.PATH).handler(RequestLog.matchedAsset(Avatars.PATH))
        .handler(Avatars::handle);
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
