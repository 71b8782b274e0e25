package chat.rocket.livechat.gateway.seed;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.platform.runtime.Launcher;
import chat.rocket.livechat.platform.runtime.Mongo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one seeding step (README.md, Running the services separately): writes Rocket.Chat's defaults into the database
 * of {@code MONGO_URL} when they are absent ({@link DefaultData}: permissions, roles, settings, and the admin
 * {@code ADMIN_USERNAME} / {@code ADMIN_EMAIL} when {@code ADMIN_PASS} is set). A gateway never seeds at start; an
 * external deployment runs {@code java -jar gateway.jar seed} once before its gateways (docker-compose.yml: service
 * {@code seed}), the standalone runs {@link #run(Vertx, JsonObject)} before it deploys the services. Without
 * {@code ADMIN_PASS} no admin is created (as Rocket.Chat, which then waits for its setup wizard) and a warning says
 * so unless the admin already exists.
 */
public final class Seed {

  private static final Logger LOG = LoggerFactory.getLogger(Seed.class);
  /** Longest wait of the seed command for MongoDB and its writes, in seconds. */
  private static final long TIMEOUT_SECONDS = 60;

  private Seed() {
  }

  /**
   * Seeds the database of {@code MONGO_URL} and closes its Mongo client.
   *
   * @param config supplies {@code MONGO_URL}, {@code ADMIN_USERNAME}, {@code ADMIN_PASS}, {@code ADMIN_EMAIL},
   *               {@code RATE_LIMITER_DEFAULT} ({@link ConfigKey})
   * @return completes when every default exists; fails when MongoDB cannot be reached (5 s server selection)
   */
  public static Future<Void> run(Vertx vertx, JsonObject config) {
    MongoClient mongo = Mongo.client(vertx, config);
    return new DefaultData(vertx, mongo).seed(config)
        .compose(v -> warnWithoutAdmin(mongo, config))
        .onSuccess(v -> LOG.info("Rocket.Chat defaults present in database {}",
            Mongo.database(ConfigKey.MONGO_URL.get(config))))
        .eventually(mongo::close);
  }

  /**
   * The seed command ({@code java -jar gateway.jar seed}): runs {@link #run(Vertx, JsonObject)} with the configuration
   * of the environment on a Vert.x of its own.
   *
   * @param config the configuration ({@link ConfigKey#fromEnv})
   * @return the process exit status: 0 seeded, 1 failed (cause in one log line)
   */
  public static int command(JsonObject config) {
    Vertx vertx = Vertx.vertx();
    try {
      run(vertx, config).await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return 0;
    } catch (Exception e) {
      LOG.error("seeding failed: {}", Launcher.describe(e));
      return 1;
    } finally {
      vertx.close();
    }
  }

  private static Future<Void> warnWithoutAdmin(MongoClient mongo, JsonObject config) {
    if (!ConfigKey.ADMIN_PASS.get(config).isEmpty()) {
      return Future.succeededFuture();
    }
    String username = ConfigKey.ADMIN_USERNAME.get(config);
    return mongo.findOne(Collections.USERS, new JsonObject().put("username", username), new JsonObject())
        .onSuccess(admin -> {
          if (admin == null) {
            LOG.warn("ADMIN_PASS is not set: no admin user '{}' was created", username);
          }
        })
        .mapEmpty();
  }
}
