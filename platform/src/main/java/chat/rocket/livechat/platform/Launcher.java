package chat.rocket.livechat.platform;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Deployable;
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
 * commits offsets and closes its clients) before the JVM exits. A start-up failure is one log line and exit code 1,
 * never a stack dump (issue 2).
 */
public final class Launcher {

  private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);
  /** Longest wait for a clean stop on SIGTERM, in seconds. */
  static final long STOP_TIMEOUT_SECONDS = 15;

  private Launcher() {
  }

  /**
   * Deploys {@code instances} copies of a verticle and keeps the process running.
   *
   * @param name      the component's name in log lines, e.g. {@code room-service}
   * @param verticle  creates one verticle instance
   * @param config    the verticle's {@code config()}
   * @param instances how many instances to deploy
   * @return completes with the deployment id once every instance started
   */
  public static Future<String> run(Vertx vertx, String name, Supplier<? extends Deployable> verticle,
                                   JsonObject config, int instances) {
    return vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config).setInstances(instances))
        .onSuccess(id -> {
          LOG.info("{} ready ({} instance(s))", name, instances);
          stopOnShutdown(vertx, name);
        })
        .onFailure(failure -> exit(vertx, name, failure));
  }

  /**
   * Registers a JVM shutdown hook that closes Vert.x (undeploying every verticle) within
   * {@link #STOP_TIMEOUT_SECONDS}.
   */
  public static void stopOnShutdown(Vertx vertx, String name) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("{} stopping", name);
      try {
        vertx.close().await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        LOG.info("{} stopped", name);
      } catch (Exception e) {
        LOG.warn("{} did not stop cleanly within {} s: {}", name, STOP_TIMEOUT_SECONDS, e.getMessage());
      }
    }, name + "-shutdown"));
  }

  /** Logs the failure as one line and exits the process with status 1. */
  public static void exit(Vertx vertx, String name, Throwable failure) {
    LOG.error("{} failed to start: {}", name, describe(failure));
    vertx.close().onComplete(ar -> System.exit(1));
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
