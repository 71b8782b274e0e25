package chat.rocket.livechat.bench;

import chat.rocket.livechat.gateway.auth.Access;
import chat.rocket.livechat.gateway.auth.Authenticator;
import chat.rocket.livechat.gateway.http.ApiResponses;
import chat.rocket.livechat.gateway.http.OpenRoomHints;
import chat.rocket.livechat.gateway.http.RoomRoutes;
import chat.rocket.livechat.gateway.ratelimit.RateLimit;
import chat.rocket.livechat.gateway.ratelimit.RateLimiter;
import chat.rocket.livechat.platform.rocketchat.Permissions;
import chat.rocket.livechat.platform.rocketchat.Settings;
import chat.rocket.livechat.platform.runtime.Mongo;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.Router;

/**
 * The benchmark's two baselines on a port of their own ({@link #PORT}), built from the gateway's own parts:
 * <ul>
 *   <li>{@code GET /api/v1/bench/noop}: 200 {@code {"success":true}}, the HTTP stack alone;</li>
 *   <li>{@code GET /api/v1/bench/in-process/livechat/room?token=...}: the gateway's get-room route
 *       ({@link RoomRoutes#getOrCreate}: Meteor check, the same answers as {@code GET /api/v1/livechat/room}) with its
 *       command run by the room-service's handler over the local event bus ({@link InProcessCommandSender}) instead
 *       of Kafka, and without the rate limiter.</li>
 * </ul>
 * Any other path answers 404 in Rocket.Chat's shape ({@link ApiResponses}).
 */
public final class BaselineHttpVerticle extends VerticleBase {

  /** Config key (internal) of the baselines' HTTP port. */
  public static final String PORT = "baselinePort";
  /** Path of the no-op baseline. */
  public static final String NOOP_PATH = "/api/v1/bench/noop";
  /** Path of the in-process get-room baseline. */
  public static final String IN_PROCESS_ROOM_PATH = "/api/v1/bench/in-process/livechat/room";

  @Override
  public Future<?> start() {
    MongoClient mongo = Mongo.client(vertx, config());
    Permissions permissions = new Permissions(vertx, mongo, config());
    RateLimit rateLimit = new RateLimit(new RateLimiter(), new Settings(vertx, mongo, config()), permissions, 0);
    Access access = new Access(new Authenticator(mongo), rateLimit, permissions);
    RoomRoutes inProcess = new RoomRoutes(new InProcessCommandSender(vertx, config()), access,
        new OpenRoomHints());
    Router router = Router.router(vertx);
    router.get(NOOP_PATH).handler(ctx -> ApiResponses.ok(ctx, new JsonObject()));
    router.get(IN_PROCESS_ROOM_PATH).handler(inProcess::getOrCreate);
    router.route().last().handler(ctx -> ctx.fail(404));
    router.route().failureHandler(ApiResponses::handleFailure);
    return vertx.createHttpServer(new HttpServerOptions().setPort(config().getInteger(PORT)))
        .invalidRequestHandler(ApiResponses::invalidRequest)
        .requestHandler(router)
        .listen();
  }
}
