package chat.rocket.livechat.gateway.http;

import chat.rocket.livechat.gateway.auth.Access;
import chat.rocket.livechat.gateway.auth.AccountRoutes;
import chat.rocket.livechat.gateway.auth.Authenticator;
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
import chat.rocket.livechat.platform.rocketchat.Permissions;
import chat.rocket.livechat.platform.rocketchat.Settings;
import chat.rocket.livechat.platform.runtime.ConfigKey;
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
    EndpointHandlers endpoints = new EndpointHandlers(vertx, mongo, requester, access, rateLimit);
    return OpenApiDocument.load(vertx)
        .map(openApi -> endpoints.all(openApi, new AccountRoutes(access, mongo, settings, permissions)))
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
