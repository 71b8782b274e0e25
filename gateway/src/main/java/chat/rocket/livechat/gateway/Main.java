package chat.rocket.livechat.gateway;

import chat.rocket.livechat.gateway.seed.Seed;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.platform.runtime.Launcher;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the gateway as its own process: HTTP on {@code PORT}, commands to the Kafka named by
 * {@code KAFKA_BOOTSTRAP_SERVERS}, users and permissions from {@code MONGO_URL} (README.md, Configuration). With the
 * argument {@code seed} it instead writes Rocket.Chat's defaults into {@code MONGO_URL} and exits 0, or 1 on failure
 * ({@link Seed}); a gateway that starts never writes them.
 */
public final class Main {

  /** The argument that runs the seeding step instead of the gateway. */
  public static final String SEED_COMMAND = "seed";
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  /**
   * @param args none to run the gateway, {@code seed} to seed and exit (anything else: usage, exit 1); configuration
   *     comes from the environment
   */
  public static void main(String[] args) {
    JsonObject config = ConfigKey.fromEnv(System.getenv());
    if (args.length > 0) {
      if (!SEED_COMMAND.equals(args[0])) {
        LOG.error("unknown argument '{}'; usage: java -jar gateway.jar [seed]", args[0]);
        System.exit(1);
      }
      System.exit(Seed.command(config));
    }
    Launcher.run("gateway", GatewayVerticle::new, config, 1, false);
  }
}
