package chat.rocket.livechat.gateway;

import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.platform.runtime.Launcher;
import io.vertx.core.json.JsonObject;

/**
 * Runs the gateway as its own process: HTTP on {@code PORT}, commands to the Kafka named by
 * {@code KAFKA_BOOTSTRAP_SERVERS}, users and permissions from {@code MONGO_URL} (README.md, Configuration).
 */
public final class Main {

  private Main() {
  }

  /** @param args ignored; configuration comes from the environment */
  public static void main(String[] args) {
    JsonObject config = ConfigKey.fromEnv(System.getenv());
    Launcher.run("gateway", GatewayVerticle::new, config, 1, false);
  }
}
