package chat.rocket.livechat.platform.runtime;

import chat.rocket.livechat.platform.kafka.CacheInvalidationVerticle;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one service process: deploys its verticle with the configuration read from the environment, logs one line
 * when it is ready, and on SIGTERM/Ctrl-C undeploys it (each verticle's {@code stop()} finishes in-flight work,
 * commits offsets and closes its clients) and exits 0. A start-up failure is one log line and exit code 1, never a
 * stack dump.
 */
public final class Launcher {

  private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);
  /** Longest wait for a clean stop on SIGTERM, in seconds. */
  static final long STOP_TIMEOUT_SECONDS = 15;

  private Launcher() {
  }

  /**
   * Creates the process's {@link ServiceRuntime} (metrics, and tracing when {@code TRACING=otlp}), deploys the
   * process's one {@link CacheInvalidationVerticle} (cached settings and permissions dropped by their change events),
   * then {@code instances} copies of a verticle, then, when {@code opsServer} is true and
   * {@link ConfigKey#MANAGEMENT_PORT} is not 0, the {@link OpsHttpVerticle}; and keeps the process running until
   * SIGTERM or Ctrl-C.
   *
   * @param name      the component's name in log lines and the {@code service.name} of its spans, e.g.
   *                  {@code room-service}
   * @param verticle  creates one verticle instance
   * @param config    the verticle's {@code config()}
   * @param instances how many instances to deploy
   * @param opsServer whether this process needs its own ops HTTP server (the gateway serves the ops routes on
   *                  {@code PORT})
   * @return completes with the deployment id once every instance started
   */
  public static Future<String> run(String name, Supplier<? extends Deployable> verticle, JsonObject config,
                                   int instances, boolean opsServer) {
    ServiceRuntime runtime;
    try {
      runtime = ServiceRuntime.create(name, config);
    } catch (RuntimeException e) {
      LOG.error("{} failed to start: {}", name, describe(e));
      System.exit(1);
      return Future.failedFuture(e);
    }
    Vertx vertx = runtime.vertx();
    int managementPort = ConfigKey.MANAGEMENT_PORT.getInt(config);
    return vertx.deployVerticle(new CacheInvalidationVerticle(), new DeploymentOptions().setConfig(config))
        .compose(v -> vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config).setInstances(instances)))
        .compose(id -> opsServer && managementPort > 0
            ? vertx.deployVerticle(new OpsHttpVerticle(), new DeploymentOptions().setConfig(config)).map(id)
            : Future.succeededFuture(id))
        .onSuccess(id -> {
          LOG.info("{} ready ({} instance(s){})", name, instances,
              opsServer && managementPort > 0 ? ", ops on port " + managementPort : "");
          stopOnShutdown(runtime, name);
        })
        .onFailure(failure -> exit(runtime, name, failure));
  }

  /**
   * On SIGTERM or SIGINT (Ctrl-C): closes the runtime, which undeploys every verticle (each stops taking work,
   * finishes or fails what is in flight, commits its offsets and closes its clients) and flushes the spans, waits at
   * most {@link #STOP_TIMEOUT_SECONDS}, then exits with status 0 (or 1 when the stop did not complete in time).
   */
  public static void stopOnShutdown(ServiceRuntime runtime, String name) {
    onStopSignal(name, () -> {
      try {
        // Runs on the signal's own thread, never on an event loop: waiting here is what a clean stop needs.
        runtime.close().await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return true;
      } catch (Exception e) {
        LOG.warn("{} did not stop cleanly within {} s: {}", name, STOP_TIMEOUT_SECONDS, e.getMessage());
        return false;
      }
    });
  }

  /**
   * Runs {@code cleanStop} on SIGTERM or SIGINT, then exits with 0 when it returned true, else 1. (The JVM's own
   * reaction to SIGTERM would exit with 143 after the shutdown hooks.)
   *
   * @param name      the component's name in log lines
   * @param cleanStop stops everything; returns whether it completed
   */
  public static void onStopSignal(String name, java.util.function.BooleanSupplier cleanStop) {
    java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
    sun.misc.SignalHandler handler = signal -> {
      if (!stopping.compareAndSet(false, true)) {
        return;
      }
      Thread stopper = new Thread(() -> {
        LOG.info("{} stopping (SIG{})", name, signal.getName());
        boolean clean = cleanStop.getAsBoolean();
        LOG.info("{} stopped{}", name, clean ? "" : " with errors");
        System.exit(clean ? 0 : 1);
      }, name + "-stop");
      stopper.start();
    };
    sun.misc.Signal.handle(new sun.misc.Signal("TERM"), handler);
    sun.misc.Signal.handle(new sun.misc.Signal("INT"), handler);
  }

  /** Logs the failure as one line and exits the process with status 1. */
  public static void exit(ServiceRuntime runtime, String name, Throwable failure) {
    LOG.error("{} failed to start: {}", name, describe(failure));
    runtime.close().onComplete(ar -> System.exit(1));
  }

  /** @return the failure's message, with its root cause's message when they differ */
  public static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    String rootMessage = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return root == failure || message.contains(rootMessage) ? message : message + " (" + rootMessage + ")";
  }
}
