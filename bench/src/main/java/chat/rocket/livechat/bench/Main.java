package chat.rocket.livechat.bench;

import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.platform.runtime.Launcher;
import chat.rocket.livechat.standalone.Standalone;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar bench/target/livechat-bench.jar} (bench/run.py): the embedded default exactly as
 * {@code livechat-standalone.jar} runs it (H2 file under {@code DATA_DIR}, seed step, every service, the gateway on
 * {@code PORT}), plus the baselines: {@link InProcessServicesVerticle} ({@code CONSUMER_INSTANCES} instances) and
 * {@link BaselineHttpVerticle} on {@code BASELINE_PORT} (default 3001; as many instances as the gateway's HTTP
 * verticles). {@code ADMIN_PASS} defaults to {@code admin}. Logs {@code livechat bench ready in N ms}; Ctrl-C or
 * SIGTERM stops everything; a start-up failure is one line and exit status 1.
 */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  /** Environment variable of the baselines' HTTP port. */
  public static final String BASELINE_PORT = "BASELINE_PORT";
  private static final String DEFAULT_BASELINE_PORT = "3001";

  private Main() {
  }

  /** @param args ignored; configuration comes from the environment ({@link ConfigKey}, {@link #BASELINE_PORT}) */
  public static void main(String[] args) {
    long started = System.nanoTime();
    Map<String, String> env = new HashMap<>(System.getenv());
    if (env.getOrDefault(ConfigKey.ADMIN_PASS.env(), "").isEmpty()) {
      env.put(ConfigKey.ADMIN_PASS.env(), "admin");
    }
    JsonObject config = ConfigKey.fromEnv(env);
    int baselinePort = Integer.parseInt(env.getOrDefault(BASELINE_PORT, DEFAULT_BASELINE_PORT));
    try {
      Standalone system = start(config, baselinePort);
      Launcher.onStopSignal("livechat bench", () -> {
        system.close();
        return true;
      });
      LOG.info("livechat bench ready in {} ms at http://localhost:{}/api/v1/, baselines at http://localhost:{}{}",
          (System.nanoTime() - started) / 1_000_000, ConfigKey.PORT.get(config), baselinePort,
          BaselineHttpVerticle.NOOP_PATH);
    } catch (Exception e) {
      LOG.error("livechat bench failed to start: {}", Launcher.describe(e));
      System.exit(1);
    }
  }

  /** Starts the embedded default, then the baselines; stops the system again when a baseline fails to start. */
  private static Standalone start(JsonObject config, int baselinePort) throws Exception {
    Standalone system = Standalone.start(config, false, false);
    try {
      deployBaselines(system.vertx(), config, baselinePort).await(1, TimeUnit.MINUTES);
      return system;
    } catch (Exception e) {
      system.close();
      throw e;
    }
  }

  private static Future<Void> deployBaselines(Vertx vertx, JsonObject config, int baselinePort) {
    int configured = ConfigKey.HTTP_INSTANCES.getInt(config);
    int httpInstances = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    return vertx.deployVerticle(InProcessServicesVerticle.class.getName(), new DeploymentOptions().setConfig(config)
            .setInstances(ConfigKey.CONSUMER_INSTANCES.getInt(config)))
        .compose(id -> vertx.deployVerticle(BaselineHttpVerticle.class.getName(), new DeploymentOptions()
            .setConfig(config.copy().put(BaselineHttpVerticle.PORT, baselinePort)).setInstances(httpInstances)))
        .mapEmpty();
  }
}
