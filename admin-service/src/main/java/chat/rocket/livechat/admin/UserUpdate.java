package chat.rocket.livechat.admin;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.Locale;

/**
 * {@code user.update}: Rocket.Chat's {@code POST users.update} ({@code app/api/server/v1/users.ts}, {@code saveUser}
 * and {@code setUserActiveStatus}) on {@code users}. The gateway checked the caller's permissions for each key of
 * {@code data} and hashed a new password ({@code bcrypt}).
 */
final class UserUpdate {

  private final MongoClient mongo;
  private final UserChecks checks;

  UserUpdate(MongoClient mongo) {
    this.mongo = mongo;
    this.checks = new UserChecks(mongo);
  }

  /**
   * Body {@code {userId, data: {email?, name?, username?, bcrypt?, active?, roles?, verified?,
   * requirePasswordChange?}}}: sets the given fields (an email replaces the user's addresses; deactivating also
   * removes its login tokens, so its next call is a 401, and sets it offline, so routing skips it). Result
   * {@code {user}} without {@code services}. Failures
   * {@link ErrorCode#USER_NOT_FOUND_INFO}, {@link ErrorCode#INVALID_USERNAME}, {@link ErrorCode#USER_INVALID_EMAIL},
   * {@link ErrorCode#FIELD_UNAVAILABLE}, {@link ErrorCode#USER_ACTION_NOT_ALLOWED} (the last active admin loses
   * {@code admin} or is deactivated); nothing written on a failure. The same command again writes the same values.
   */
  Future<JsonObject> update(Command command) {
    String userId = command.body().getString("userId");
    JsonObject data = command.body().getJsonObject("data", new JsonObject());
    String email = data.getString("email") == null ? null : data.getString("email").trim().toLowerCase(Locale.ROOT);
    JsonObject byId = new JsonObject().put("_id", userId);
    return mongo.findOne(Collections.USERS, byId, new JsonObject().put("roles", 1).put("emails", 1))
        .compose(user -> user == null ? Future.failedFuture(new LivechatException(ErrorCode.USER_NOT_FOUND_INFO))
            : keepsAnAdmin(user, data).map(user))
        .compose(user -> checks.usable(data.getString("username"), email, userId).map(user))
        .compose(user -> mongo.updateCollection(Collections.USERS, byId, changes(user, data, email))
            .recover(checks::duplicateKey))
        .compose(v -> mongo.findOne(Collections.USERS, byId, UsersAdmin.WITHOUT_SERVICES))
        .map(user -> new JsonObject().put("user", MongoDocs.toApi(user)));
  }

  /** The last active admin may neither lose the role nor be deactivated. */
  private Future<Void> keepsAnAdmin(JsonObject user, JsonObject data) {
    boolean losesAdmin = data.getValue("roles") instanceof JsonArray roles && !roles.contains("admin");
    boolean deactivated = Boolean.FALSE.equals(data.getValue("active"));
    return losesAdmin || deactivated ? checks.notLastAdmin(user) : Future.succeededFuture();
  }

  private static JsonObject changes(JsonObject user, JsonObject data, String email) {
    JsonObject set = new JsonObject().put("_updatedAt", MongoDocs.now());
    for (String key : new String[] {"name", "username", "active", "roles", "requirePasswordChange"}) {
      if (data.containsKey(key)) {
        set.put(key, data.getValue(key));
      }
    }
    if (data.getString("bcrypt") != null) {
      set.put("services.password.bcrypt", data.getString("bcrypt"));
    }
    boolean verified = data.getBoolean("verified", false);
    if (email != null) {
      set.put("emails", new JsonArray().add(new JsonObject().put("address", email).put("verified", verified)));
    } else if (data.containsKey("verified") && user.getJsonArray("emails", new JsonArray()).size() > 0) {
      set.put("emails.0.verified", verified);
    }
    if (Boolean.FALSE.equals(data.getValue("active"))) {
      set.put("services.resume.loginTokens", new JsonArray()).put("status", "offline");
    }
    return new JsonObject().put("$set", set);
  }
}
