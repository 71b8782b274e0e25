package chat.rocket.livechat.admin;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.platform.rocketchat.Ids;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.Locale;

/**
 * {@code user.create}, {@code user.info} and {@code user.delete}: Rocket.Chat's {@code POST users.create},
 * {@code GET users.info} and {@code POST users.delete} ({@code app/api/server/v1/users.ts}, {@code saveUser},
 * {@code getFullUserDataByIdOrUsernameOrImportId}, {@code deleteUser}) on Rocket.Chat's {@code users} collection.
 * The gateway authenticated the caller and checked the permissions; a password arrives already hashed
 * ({@code bcrypt}). Usernames and email addresses are unique ({@link UserChecks#ensureIndexes()}).
 */
final class UsersAdmin {

  /** What {@code users.info} shows of another user without {@code view-full-other-user-info}. */
  static final JsonObject PUBLIC_FIELDS = new JsonObject().put("_id", 1).put("name", 1).put("username", 1)
      .put("nickname", 1).put("status", 1).put("statusText", 1).put("utcOffset", 1).put("type", 1).put("active", 1)
      .put("bio", 1).put("reason", 1).put("avatarETag", 1).put("statusLivechat", 1);
  /** Every field but the credentials. */
  static final JsonObject WITHOUT_SERVICES = new JsonObject().put("services", 0);

  private final MongoClient mongo;
  private final UserChecks checks;

  UsersAdmin(MongoClient mongo) {
    this.mongo = mongo;
    this.checks = new UserChecks(mongo);
  }

  /**
   * Body {@code {username, email, name, bcrypt, roles?, active?, verified?, requirePasswordChange?}}: inserts the
   * user in Rocket.Chat's shape (roles default {@code ["user"]}, {@code status: "offline"}, {@code type: "user"}),
   * its {@code _id} derived from the command's correlation id, so a redelivered command finds the user it created.
   * Result {@code {user}} without {@code services}. Failures {@link ErrorCode#INVALID_USERNAME},
   * {@link ErrorCode#USER_INVALID_EMAIL}, {@link ErrorCode#FIELD_UNAVAILABLE}; nothing written on a failure.
   */
  Future<JsonObject> create(Command command) {
    JsonObject body = command.body();
    String id = Ids.derivedId("user.create:" + command.correlationId());
    String email = body.getString("email", "").trim().toLowerCase(Locale.ROOT);
    return mongo.findOne(Collections.USERS, new JsonObject().put("_id", id), WITHOUT_SERVICES)
        .compose(created -> created != null ? Future.succeededFuture(created)
            : checks.usable(body.getString("username"), email, null)
                .compose(v -> mongo.insert(Collections.USERS, document(id, body, email)))
                .recover(checks::duplicateKey)
                .compose(v -> mongo.findOne(Collections.USERS, new JsonObject().put("_id", id), WITHOUT_SERVICES)))
        .map(user -> new JsonObject().put("user", MongoDocs.toApi(user)));
  }

  /**
   * Body {@code {userId?, username?, full}}: the user by id, else by username; every field but {@code services} when
   * {@code full}, else {@link #PUBLIC_FIELDS}. Result {@code {user}}; failure {@link ErrorCode#USER_NOT_FOUND_INFO}.
   */
  Future<JsonObject> info(Command command) {
    JsonObject body = command.body();
    JsonObject query = body.getString("userId") != null ? new JsonObject().put("_id", body.getString("userId"))
        : new JsonObject().put("username", body.getString("username"));
    return mongo.findOne(Collections.USERS, query, body.getBoolean("full", false) ? WITHOUT_SERVICES : PUBLIC_FIELDS)
        .map(user -> {
          if (user == null) {
            throw new LivechatException(ErrorCode.USER_NOT_FOUND_INFO);
          }
          return new JsonObject().put("user", MongoDocs.toApi(user));
        });
  }

  /**
   * Body {@code {userId?, username?}}: removes the user and its subscriptions (its login tokens go with it, so its
   * next authenticated call is a 401). Result {@code {}}; failures {@link ErrorCode#INVALID_USER} (no such user),
   * {@link ErrorCode#USER_ACTION_NOT_ALLOWED} "Leaving the app without admins is not allowed" (the last admin).
   */
  Future<JsonObject> delete(Command command) {
    JsonObject body = command.body();
    JsonObject query = body.getString("userId") != null ? new JsonObject().put("_id", body.getString("userId"))
        : new JsonObject().put("username", body.getString("username"));
    return mongo.findOne(Collections.USERS, query, new JsonObject().put("roles", 1))
        .compose(user -> {
          if (user == null) {
            return Future.failedFuture(new LivechatException(ErrorCode.INVALID_USER));
          }
          return checks.notLastAdmin(user).compose(v -> remove(user.getString("_id")));
        })
        .map(new JsonObject());
  }

  private Future<Void> remove(String userId) {
    return mongo.removeDocuments(Collections.SUBSCRIPTIONS, new JsonObject().put("u._id", userId))
        .compose(v -> mongo.removeDocument(Collections.USERS, new JsonObject().put("_id", userId)))
        .mapEmpty();
  }

  private static JsonObject document(String id, JsonObject body, String email) {
    JsonObject now = MongoDocs.now();
    JsonArray roles = body.getJsonArray("roles", new JsonArray().add("user"));
    return new JsonObject().put("_id", id).put("createdAt", now).put("username", body.getString("username"))
        .put("name", body.getString("name")).put("type", "user").put("active", body.getBoolean("active", true))
        .put("status", "offline").put("utcOffset", 0)
        .put("emails", new JsonArray().add(new JsonObject().put("address", email)
            .put("verified", body.getBoolean("verified", false))))
        .put("roles", roles).put("requirePasswordChange", body.getBoolean("requirePasswordChange", false))
        .put("settings", new JsonObject())
        .put("services", new JsonObject()
            .put("password", new JsonObject().put("bcrypt", body.getString("bcrypt")))
            .put("resume", new JsonObject().put("loginTokens", new JsonArray())))
        .put("_updatedAt", now);
  }
}
