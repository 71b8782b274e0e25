package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.gateway.GatewayVerticle;
import chat.rocket.livechat.gateway.seed.Seed;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.platform.runtime.Mongo;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The one seeding step (README.md, Running the services separately; {@link Seed}): a gateway that starts writes none
 * of Rocket.Chat's defaults; the seed step writes them when absent, keeps what exists, and creates the admin only
 * with {@code ADMIN_PASS}. Through the real broker and the MongoDB-wire store, each test on a database of its own.
 */
class SeedTest {

  private static TestSystem infrastructure;
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    infrastructure = TestSystem.startInfrastructure();
    vertx = infrastructure.serviceVertx();
  }

  @AfterAll
  static void stop() {
    infrastructure.close();
  }

  @Test
  @DisplayName("a gateway that starts writes no permission, role, setting or user")
  void gatewayStartSeedsNothing() {
    JsonObject config = freshDatabase();
    String deployment = vertx.deployVerticle(GatewayVerticle.class.getName(),
        new DeploymentOptions().setConfig(config)).await();
    try {
      for (String collection : List.of(Collections.PERMISSIONS, Collections.ROLES, Collections.SETTINGS,
          Collections.USERS)) {
        assertThat(count(config, collection)).as(collection).isZero();
      }
    } finally {
      vertx.undeploy(deployment).await();
    }
  }

  @Test
  @DisplayName("the seed step writes every default permission and setting and the admin as an available agent")
  void seedWritesDefaultsAndAdmin() {
    JsonObject config = freshDatabase();

    Seed.run(vertx, config).await();

    assertThat(count(config, Collections.PERMISSIONS)).isEqualTo(Permission.values().length);
    assertThat(count(config, Collections.SETTINGS)).isEqualTo(Setting.values().length);
    JsonObject admin = admin(config);
    assertThat(admin.getJsonArray("roles")).containsExactlyInAnyOrder("admin", "livechat-agent", "livechat-manager");
    assertThat(admin.getString("statusLivechat")).isEqualTo("available");
  }

  @Test
  @DisplayName("a second seed run keeps an operator's permission change and the existing admin's password")
  void seedKeepsWhatExists() {
    JsonObject config = freshDatabase();
    Seed.run(vertx, config).await();
    JsonObject viewLiveRoom = new JsonObject().put("_id", Permission.VIEW_L_ROOM.id());
    mongo(config).updateCollection(Collections.PERMISSIONS, viewLiveRoom,
        new JsonObject().put("$set", new JsonObject().put("roles", new JsonArray().add("admin")))).await();
    String bcrypt = password(admin(config));

    Seed.run(vertx, config.copy().put(ConfigKey.ADMIN_PASS.name(), "another-password")).await();

    JsonObject permission = mongo(config).findOne(Collections.PERMISSIONS, viewLiveRoom, null).await();
    assertThat(permission.getJsonArray("roles")).containsExactly("admin");
    assertThat(count(config, Collections.USERS)).isEqualTo(1);
    assertThat(password(admin(config))).isEqualTo(bcrypt);
  }

  @Test
  @DisplayName("without ADMIN_PASS the seed step writes the defaults and creates no admin")
  void seedWithoutPasswordCreatesNoAdmin() {
    JsonObject config = freshDatabase().put(ConfigKey.ADMIN_PASS.name(), "");

    Seed.run(vertx, config).await();

    assertThat(count(config, Collections.PERMISSIONS)).isEqualTo(Permission.values().length);
    assertThat(count(config, Collections.USERS)).isZero();
  }

  @Test
  @DisplayName("the seed command exits 0 after seeding and 1 on a malformed MONGO_URL")
  void seedCommandExitStatus() {
    JsonObject config = freshDatabase();

    assertThat(Seed.command(config)).isZero();
    assertThat(count(config, Collections.PERMISSIONS)).isEqualTo(Permission.values().length);
    assertThat(Seed.command(config.copy().put(ConfigKey.MONGO_URL.name(), "not-a-mongodb-url"))).isEqualTo(1);
  }

  /** @return the test system's configuration on a database no other test uses */
  private static JsonObject freshDatabase() {
    String host = ConfigKey.MONGO_URL.get(infrastructure.config()).replaceFirst("/[^/]*$", "");
    return infrastructure.config().copy()
        .put(ConfigKey.MONGO_URL.name(), host + "/seed-" + UUID.randomUUID().toString().substring(0, 8));
  }

  private static MongoClient mongo(JsonObject config) {
    return Mongo.client(vertx, config);
  }

  private static long count(JsonObject config, String collection) {
    return mongo(config).count(collection, new JsonObject()).await();
  }

  private static JsonObject admin(JsonObject config) {
    return mongo(config).findOne(Collections.USERS,
        new JsonObject().put("username", ConfigKey.ADMIN_USERNAME.get(config)), null).await();
  }

  private static String password(JsonObject user) {
    return user.getJsonObject("services").getJsonObject("password").getString("bcrypt");
  }
}
