package chat.rocket.livechat.gateway;

import chat.rocket.livechat.platform.ConfigKey;
import chat.rocket.livechat.platform.Mongo;
import chat.rocket.livechat.platform.Permissions;
import chat.rocket.livechat.platform.Settings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP verticle instance of the gateway: the Router of every endpoint under {@code /api/v1/}, request bodies
 * limited to {@link ConfigKey#BODY_LIMIT_BYTES} (413 beyond), exact paths (a trailing slash is a 404, spec §1.1), and
 * its own {@link KafkaRequester} on reply partition {@link GatewayVerticle#REPLY_PARTITION} of
 * {@link GatewayVerticle#REPLY_TOPIC}. All instances share port {@link ConfigKey#PORT}; it starts listening only once
 * its reply partition is assigned.
 */
public final class HttpApiVerticle extends VerticleBase {

  private final RateLimiter rateLimiter;
  private KafkaRequester requester;
  private HttpServer server;

  /** @param rateLimiter the rate-limit counters shared by every HTTP verticle of this gateway process */
  HttpApiVerticle(RateLimiter rateLimiter) {
    this.rateLimiter = rateLimiter;
  }

  @Override
  public Future<?> start() {
    MongoClient mongo = Mongo.client(vertx, config());
    requester = new KafkaRequester(vertx, config(), config().getString(GatewayVerticle.REPLY_TOPIC),
        config().getInteger(GatewayVerticle.REPLY_PARTITION));
    Permissions permissions = new Permissions(vertx, mongo, config());
    RateLimit rateLimit = new RateLimit(rateLimiter, new Settings(vertx, mongo, config()), permissions,
        ConfigKey.HTTP_FORWARDED_COUNT.getInt(config()));
    Access access = new Access(new Authenticator(vertx, mongo, config()), rateLimit, permissions);
    Router router = router(new RoomRoutes(requester, access), new VisitorRoutes(requester, access),
        new LoginRoute(vertx, mongo), rateLimit);
    server = vertx.createHttpServer(new HttpServerOptions().setPort(ConfigKey.PORT.getInt(config())))
        .invalidRequestHandler(ApiResponses::invalidRequest)
        .requestHandler(router);
    return requester.start().compose(v -> server.listen());
  }

  /**
   * Stops taking requests, lets the ones in flight finish for up to {@code REPLY_TIMEOUT_MS} + 1 s (their replies or
   * 504s), then fails whatever is still pending with 503 and closes the Kafka clients.
   */
  @Override
  public Future<?> stop() {
    long drainMs = ConfigKey.REPLY_TIMEOUT_MS.getLong(config()) + 1000;
    return server.shutdown(drainMs, TimeUnit.MILLISECONDS)
        .eventually(requester::stop);
  }

  /**
   * Every endpoint; routes without authentication count their rate limit before anything else (spec §1.3, §1.6),
   * authenticated ones right after authentication ({@link Access}).
   */
  private Router router(RoomRoutes rooms, VisitorRoutes visitors, LoginRoute login, RateLimit rateLimit) {
    Router router = Router.router(vertx);
    router.route().handler(HttpApiVerticle::rejectTrailingSlash);
    // Only methods that carry bodies: on a GET with a form content type Vert.x's BodyHandler throws (a 500).
    router.route().method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH).method(HttpMethod.DELETE)
        .handler(BodyHandler.create(false).setBodyLimit(ConfigKey.BODY_LIMIT_BYTES.getLong(config())));
    router.get("/api/v1/livechat/room").handler(rateLimit.anonymous(RateLimit.LIVECHAT_WIDGET))
        .handler(rooms::getOrCreate);
    router.put("/api/v1/livechat/room.visitor").handler(rooms::changeVisitor);
    router.post("/api/v1/livechat/room.saveInfo").handler(rooms::saveInfo);
    router.get("/api/v1/livechat/visitors.info").handler(visitors::info);
    router.get("/api/v1/livechat/visitor.info").handler(visitors::info);
    router.post("/api/v1/livechat/visitor").handler(rateLimit.anonymous(RateLimit.LIVECHAT_WIDGET))
        .handler(visitors::register);
    router.get("/api/v1/livechat/visitor/:token").handler(rateLimit.anonymous(null)).handler(visitors::byToken);
    router.post("/api/v1/login").handler(rateLimit.anonymous(null)).handler(login::login);
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
