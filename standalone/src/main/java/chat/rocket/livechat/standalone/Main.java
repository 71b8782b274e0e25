package chat.rocket.livechat.standalone;

import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.platform.runtime.Launcher;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar standalone/target/livechat-standalone.jar}: the whole system on the embedded default (README.md).
 * It runs the seed step before the services; without {@code ADMIN_PASS} the admin is seeded with password
 * {@code admin} (a warning says so). With {@code INFRA_ONLY=true} it seeds nothing. Ctrl-C stops every
 * component cleanly; a start-up failure (port taken, bad {@code MONGO_URL}) is one line and exit status 1.
 */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  /** Password of the seeded admin when {@code ADMIN_PASS} is unset; for a local trial only. */
  static final String DEFAULT_ADMIN_PASS = "admin";

  private Main() {
  }

  /** @param args ignored; configuration comes from the environment */
  public static void main(String[] args) {
    long started = System.nanoTime();
    Map<String, String> env = new HashMap<>(System.getenv());
    boolean infraOnly = ConfigKey.INFRA_ONLY.getBoolean(ConfigKey.fromEnv(env));
    if (!infraOnly && env.getOrDefault(ConfigKey.ADMIN_PASS.env(), "").isEmpty()) {
      env.put(ConfigKey.ADMIN_PASS.env(), DEFAULT_ADMIN_PASS);
      LOG.warn("ADMIN_PASS is not set: the admin is seeded with the default password; set ADMIN_PASS outside a trial");
    }
    JsonObject config = ConfigKey.fromEnv(env);
    try {
      Standalone system = Standalone.start(config, false, infraOnly);
      Launcher.onStopSignal("livechat standalone", () -> {
        system.close();
        return true;
      });
      LOG.info("livechat {} ready in {} ms{}", infraOnly ? "infrastructure" : "system",
          (System.nanoTime() - started) / 1_000_000,
          infraOnly ? "" : " at http://localhost:" + ConfigKey.PORT.get(config) + "/api/v1/");
    } catch (Exception e) {
      LOG.error("livechat standalone failed to start: {}", Launcher.describe(e));
      System.exit(1);
    }
  }
}
