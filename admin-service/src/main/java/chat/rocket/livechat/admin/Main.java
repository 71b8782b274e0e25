package chat.rocket.livechat.admin;

import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.platform.runtime.Launcher;
import io.vertx.core.json.JsonObject;

/**
 * Runs the admin-service as its own process against the Kafka and MongoDB named by {@code KAFKA_BOOTSTRAP_SERVERS}
 * and {@code MONGO_URL}, with {@code CONSUMER_INSTANCES} members of consumer group {@code admin-service}
 * (README.md, Configuration), and its ops HTTP server ({@code /metrics}, {@code /health/*}) on {@code MANAGEMENT_PORT}.
 */
public final class Main {

  private Main() {
  }

  /** @param args ignored; configuration comes from the environment */
  public static void main(String[] args) {
    JsonObject config = ConfigKey.fromEnv(System.getenv());
    Launcher.run("admin-service", AdminServiceVerticle::new, config, ConfigKey.CONSUMER_INSTANCES.getInt(config),
        true);
  }
}
