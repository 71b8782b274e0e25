package chat.rocket.livechat.gateway;

import chat.rocket.livechat.platform.ConfigKey;
import chat.rocket.livechat.platform.Mongo;
import chat.rocket.livechat.platform.Permissions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
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

  private KafkaRequester requester;
  private HttpServer server;

  @Override
  public Future<?> start() {
    MongoClient mongo = Mongo.client(vertx, config());
    requester = new KafkaRequester(vertx, config(), config().getString(GatewayVerticle.REPLY_TOPIC),
        config().getInteger(GatewayVerticle.REPLY_PARTITION));
    Access access = new Access(new Authenticator(vertx, mongo, config()), new Permissions(vertx, mongo, config()));
    Router router = router(new RoomRoutes(requester, access), new VisitorRoutes(requester, access),
        new LoginRoute(vertx, mongo));
    if (ConfigKey.BENCH_ROUTES.getBoolean(config())) {
      mountBenchRoutes(router, new RoomRoutes(new InProcessCommandSender(vertx, config()), access));
    }
    server = vertx.createHttpServer(new HttpServerOptions().setPort(ConfigKey.PORT.getInt(config())))
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

  private Router router(RoomRoutes rooms, VisitorRoutes visitors, LoginRoute login) {
    Router router = Router.router(vertx);
    router.route().handler(HttpApiVerticle::rejectTrailingSlash);
    router.route().handler(BodyHandler.create(false).setBodyLimit(ConfigKey.BODY_LIMIT_BYTES.getLong(config())));
    router.get("/api/v1/livechat/room").handler(rooms::getOrCreate);
    router.put("/api/v1/livechat/room.visitor").handler(rooms::changeVisitor);
    router.post("/api/v1/livechat/room.saveInfo").handler(rooms::saveInfo);
    router.get("/api/v1/livechat/visitors.info").handler(visitors::info);
    router.get("/api/v1/livechat/visitor.info").handler(visitors::info);
    router.post("/api/v1/livechat/visitor").handler(visitors::register);
    router.get("/api/v1/livechat/visitor/:token").handler(visitors::byToken);
    router.post("/api/v1/login").handler(login::login);
    router.route().last().handler(ctx -> ctx.fail(404));
    router.route().failureHandler(ApiResponses::handleFailure);
    return router;
  }

  /**
   * Benchmark only ({@code BENCH_ROUTES=true}): a no-op route (the HTTP stack alone) and the get-room route served by
   * the room-service's handler in-process, without the Kafka hop (the benchmark's baseline).
   */
  private static void mountBenchRoutes(Router router, RoomRoutes inProcess) {
    router.get("/api/v1/bench/noop").order(-1).handler(ctx -> ApiResponses.ok(ctx, new JsonObject()));
    router.get("/api/v1/bench/in-process/livechat/room").order(-1).handler(inProcess::getOrCreate);
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
