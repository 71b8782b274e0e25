package chat.rocket.livechat.gateway.seed;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.gateway.auth.Passwords;
import chat.rocket.livechat.platform.rocketchat.Ids;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.rocketchat.Users;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds, when absent, what a fresh Rocket.Chat server inserts at start-up and this system reads: the default
 * permissions with their role lists (spec §1.4), the roles, the settings defaults (DECISIONS.md, Data; the rate
 * limiter's switch from {@code RATE_LIMITER_DEFAULT}) and, when
 * {@code ADMIN_PASS} is set, the admin user {@code ADMIN_USERNAME} with roles {@code admin}, {@code livechat-agent},
 * {@code livechat-manager}, available as an agent. Existing documents are never changed (upserts with
 * {@code $setOnInsert}), so an operator's changes and Rocket.Chat's own data survive restarts.
 */
public final class DefaultData {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultData.class);
  private static final List<String> ROLES = List.of("admin", "user", "bot", "app", "guest", "anonymous",
      "livechat-agent", "livechat-manager", "livechat-monitor", "livechat-guest", "owner", "moderator", "leader");
  private static final UpdateOptions UPSERT = new UpdateOptions().setUpsert(true);

  private final Vertx vertx;
  private final MongoClient mongo;

  /**
   * @param vertx the worker pool that hashes the admin password with bcrypt
   * @param mongo the store the defaults are written to ({@code rocketchat_permissions}, {@code rocketchat_roles},
   *              {@code rocketchat_settings}, {@code users})
   */
  public DefaultData(Vertx vertx, MongoClient mongo) {
    this.vertx = vertx;
    this.mongo = mongo;
  }

  /** @return completes when every default exists */
  public Future<Void> seed(JsonObject config) {
    List<Future<?>> inserts = new ArrayList<>();
    for (Permission permission : Permission.values()) {
      inserts.add(insertIfAbsent(Collections.PERMISSIONS, permission.id(),
          new JsonObject().put("roles", new JsonArray(permission.defaultRoles()))));
    }
    for (String role : ROLES) {
      inserts.add(insertIfAbsent(Collections.ROLES, role, new JsonObject().put("name", role)
          .put("scope", "Users").put("protected", true).put("mandatory2fa", false)));
    }
    for (Setting setting : Setting.values()) {
      inserts.add(insertIfAbsent(Collections.SETTINGS, setting.id(), new JsonObject()
          .put("value", seedValue(setting, config)).put("packageValue", setting.defaultValue())));
    }
    return Future.all(inserts).compose(v -> seedAdmin(config));
  }

  /** @return the value a fresh setting gets: its default, or {@code RATE_LIMITER_DEFAULT} for the rate limiter */
  private static Object seedValue(Setting setting, JsonObject config) {
    return setting == Setting.API_ENABLE_RATE_LIMITER ? ConfigKey.RATE_LIMITER_DEFAULT.getBoolean(config)
        : setting.defaultValue();
  }

  private Future<Void> insertIfAbsent(String collection, String id, JsonObject fields) {
    JsonObject update = new JsonObject().put("$setOnInsert", fields.put("_updatedAt", MongoDocs.now()));
    return mongo.updateCollectionWithOptions(collection, new JsonObject().put("_id", id), update, UPSERT)
        .mapEmpty();
  }

  private Future<Void> seedAdmin(JsonObject config) {
    String username = ConfigKey.ADMIN_USERNAME.get(config);
    String password = ConfigKey.ADMIN_PASS.get(config);
    if (password.isEmpty()) {
      return Future.succeededFuture();
    }
    return mongo.findOne(Collections.USERS, new JsonObject().put("username", username), new JsonObject())
        .compose(existing -> existing != null ? Future.succeededFuture()
            : Passwords.hash(vertx, Passwords.sha256Hex(password))
                .compose(bcrypt -> mongo.insert(Collections.USERS, admin(username, config, bcrypt)))
                .onSuccess(id -> LOG.info("seeded admin user '{}'", username))
                .mapEmpty());
  }

  private static JsonObject admin(String username, JsonObject config, String bcrypt) {
    JsonObject now = MongoDocs.now();
    String email = ConfigKey.ADMIN_EMAIL.get(config).trim().toLowerCase(Locale.ROOT);
    return new JsonObject().put("_id", Ids.randomId()).put("createdAt", now).put("username", username)
        .put("name", username).put("type", "user").put("active", true).put("status", "online")
        .put("statusConnection", "online").put("utcOffset", 0).put("statusLivechat", "available")
        .put("emails", new JsonArray().add(new JsonObject().put("address", email).put("verified", true)))
        .put("roles", new JsonArray().add("admin").add(Users.AGENT_ROLE).add("livechat-manager"))
        .put("services", new JsonObject()
            .put("password", new JsonObject().put("bcrypt", bcrypt))
            .put("resume", new JsonObject().put("loginTokens", new JsonArray())))
        .put("_updatedAt", now);
  }
}
