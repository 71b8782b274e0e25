package chat.rocket.livechat.platform.runtime;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;

/**
 * The ops HTTP server of a service process, on {@link ConfigKey#MANAGEMENT_PORT}: {@link #METRICS} (Prometheus text
 * format of the process's registry, {@link Meters}) and the {@link HealthRoutes}. Nothing else: every other path is
 * 404. Deploy it only when the port is not 0, after the service verticles, so that their Kafka clients are already
 * registered in {@link Readiness}.
 */
public final class OpsHttpVerticle extends VerticleBase {

  /** Path of the Prometheus scrape. */
  public static final String METRICS = "/metrics";

  private HttpServer server;

  /** @return completes when the server listens */
  @Override
  public Future<?> start() {
    MongoClient mongo = Mongo.client(vertx, config());
    Router router = Router.router(vertx);
    router.get(METRICS).handler(PrometheusScrapingHandler.create());
    HealthRoutes.mount(router, vertx, mongo);
    server = vertx.createHttpServer(new HttpServerOptions().setPort(ConfigKey.MANAGEMENT_PORT.getInt(config())))
        .requestHandler(router);
    return server.listen();
  }

  /** @return completes when the server is closed */
  @Override
  public Future<?> stop() {
    return server.close();
  }
}
