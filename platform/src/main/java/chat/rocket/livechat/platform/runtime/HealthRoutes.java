package chat.rocket.livechat.platform.runtime;

import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The health routes of a process (vertx-health-check), answered 200 with {@code "status":"UP"} or 503 with
 * {@code "status":"DOWN"}, body {@code {"status", "checks":[{"id","status","data"?}], "outcome"}}:
 * <ul>
 *   <li>{@link #LIVE}: the process answers from its event loop (check {@code event-loop}); restart it when this
 *       fails.</li>
 *   <li>{@link #READY}: check {@code mongodb} (a {@code ping} command answered within {@link #CHECK_TIMEOUT_MS}) and
 *       check {@code kafka} (every client registered in {@link Readiness} has its partitions; {@code data} names each
 *       with {@code assigned} or {@code waiting}); send it traffic only while this is UP.</li>
 * </ul>
 */
public final class HealthRoutes {

  /** Path of the liveness check. */
  public static final String LIVE = "/health/live";
  /** Path of the readiness check. */
  public static final String READY = "/health/ready";
  /** Longest wait for one check, in ms; a slower check counts as DOWN. */
  static final long CHECK_TIMEOUT_MS = 2000;
  /**
   * Deadline of the health-check library, in ms: later than {@link #CHECK_TIMEOUT_MS}, so that a slow check is DOWN
   * (503) by our own deadline rather than a procedure failure (which the library answers with 500).
   */
  private static final long PROCEDURE_TIMEOUT_MS = CHECK_TIMEOUT_MS + 1000;

  private HealthRoutes() {
  }

  /**
   * Adds {@link #LIVE} and {@link #READY} to {@code router}.
   *
   * @param mongo the client whose server must answer {@code ping} for the process to be ready
   */
  public static void mount(Router router, Vertx vertx, MongoClient mongo) {
    router.get(LIVE).handler(live(vertx));
    router.get(READY).handler(ready(vertx, mongo));
  }

  /** @return the handler of {@link #LIVE} */
  public static Handler<RoutingContext> live(Vertx vertx) {
    return HealthCheckHandler.createWithHealthChecks(HealthChecks.create(vertx)
        .register("event-loop", promise -> promise.complete(Status.OK())));
  }

  /**
   * @param mongo the client whose server must answer {@code ping}
   * @return the handler of {@link #READY}
   */
  public static Handler<RoutingContext> ready(Vertx vertx, MongoClient mongo) {
    return HealthCheckHandler.createWithHealthChecks(HealthChecks.create(vertx)
        .register("mongodb", PROCEDURE_TIMEOUT_MS, promise -> ping(mongo, promise))
        .register("kafka", PROCEDURE_TIMEOUT_MS, promise -> kafka(Readiness.of(vertx), promise)));
  }

  private static void ping(MongoClient mongo, Promise<Status> promise) {
    mongo.runCommand("ping", new JsonObject().put("ping", 1))
        .timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .onSuccess(reply -> promise.tryComplete(Status.OK()))
        .onFailure(e -> promise.tryComplete(Status.KO(new JsonObject().put("error", e.getMessage()))));
  }

  private static void kafka(Readiness readiness, Promise<Status> promise) {
    Map<String, Boolean> states = readiness.snapshot();
    JsonObject data = new JsonObject();
    states.forEach((name, assigned) -> data.put(name, assigned ? "assigned" : "waiting"));
    boolean ready = !states.isEmpty() && !states.containsValue(false);
    promise.complete(ready ? Status.OK(data) : Status.KO(data));
  }
}
