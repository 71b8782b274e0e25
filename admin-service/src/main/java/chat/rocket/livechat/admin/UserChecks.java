package chat.rocket.livechat.admin;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.platform.rocketchat.Emails;
import chat.rocket.livechat.platform.rocketchat.MongoCounts;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.regex.Pattern;

/**
 * The checks Rocket.Chat's {@code saveUser} ({@code validateUserData}) and {@code deleteUser} make before a user
 * write: a valid username (the default of {@code UTF8_User_Names_Validation}, {@code [0-9a-zA-Z-_.]+}) and email, a
 * username no other user has (case-insensitive, as Rocket.Chat's {@code checkUsernameAvailability}) and an
 * email no other user has (addresses are stored in lower case), and never an app without an active admin.
 */
final class UserChecks {

  /** Rocket.Chat's default {@code UTF8_User_Names_Validation}. */
  private static final Pattern USERNAME = Pattern.compile("[0-9a-zA-Z-_.]+");
  private static final String ADMIN = "admin";

  private final MongoClient mongo;

  UserChecks(MongoClient mongo) {
    this.mongo = mongo;
  }

  /**
   * Rocket.Chat's unique index on {@code users.username} (unique, sparse), so two concurrent creations of one name
   * cannot both succeed; an index of that name Rocket.Chat created is kept. Rocket.Chat's unique index on
   * {@code emails.address} is not created here: the embedded store indexes an array field as one value, so with it a
   * lookup of one address finds nothing and a duplicate address passes; {@link #usable} checks addresses by query.
   */
  Future<Void> ensureIndexes() {
    return mongo.createIndexWithOptions(Collections.USERS, new JsonObject().put("username", 1),
            new IndexOptions().unique(true).sparse(true))
        .recover(e -> Future.succeededFuture());
  }

  /**
   * @param username the wanted username, or null when it does not change
   * @param email    the wanted email (lower case), or null when it does not change
   * @param ownId    the user being updated (its own name and email are no conflict), null for a new user
   * @return succeeds when both are valid and free; else {@link ErrorCode#INVALID_USERNAME},
   *     {@link ErrorCode#USER_INVALID_EMAIL} or {@link ErrorCode#FIELD_UNAVAILABLE} with the value
   */
  Future<Void> usable(String username, String email, String ownId) {
    if (username != null && !USERNAME.matcher(username).matches()) {
      return failed(ErrorCode.INVALID_USERNAME, username);
    }
    if (email != null && !Emails.isValid(email)) {
      return failed(ErrorCode.USER_INVALID_EMAIL, email);
    }
    return free(username == null ? null : new JsonObject().put("username", new JsonObject()
            .put("$regex", "^" + Pattern.quote(username) + "$").put("$options", "i")), username, ownId)
        .compose(v -> free(email == null ? null : new JsonObject().put("emails.address", email), email, ownId));
  }

  /** @return the failure of a write a unique index refused: {@link ErrorCode#FIELD_UNAVAILABLE}, else the cause */
  <T> Future<T> duplicateKey(Throwable failure) {
    return Future.failedFuture(MongoDocs.isDuplicateKey(failure)
        ? new LivechatException(ErrorCode.FIELD_UNAVAILABLE, ErrorCode.FIELD_UNAVAILABLE.format("Username or email"))
        : failure);
  }

  /**
   * @param user a user about to be deleted, deactivated or stripped of {@code admin} ({@code _id}, {@code roles})
   * @return succeeds unless it is an admin and no other active admin exists: {@link ErrorCode#USER_ACTION_NOT_ALLOWED}
   *     "Leaving the app without admins is not allowed"
   */
  Future<Void> notLastAdmin(JsonObject user) {
    if (!user.getJsonArray("roles", new JsonArray()).contains(ADMIN)) {
      return Future.succeededFuture();
    }
    JsonObject otherAdmins = new JsonObject().put("roles", ADMIN).put("active", true)
        .put("_id", new JsonObject().put("$ne", user.getString("_id")));
    return MongoCounts.count(mongo, Collections.USERS, otherAdmins)
        .compose(count -> count > 0 ? Future.succeededFuture()
            : Future.failedFuture(new LivechatException(ErrorCode.USER_ACTION_NOT_ALLOWED,
                "Leaving the app without admins is not allowed")));
  }

  /** @return fails with {@link ErrorCode#FIELD_UNAVAILABLE} when a user other than {@code ownId} matches */
  private Future<Void> free(JsonObject query, String value, String ownId) {
    if (query == null) {
      return Future.succeededFuture();
    }
    if (ownId != null) {
      query.put("_id", new JsonObject().put("$ne", ownId));
    }
    return mongo.findOne(Collections.USERS, query, new JsonObject().put("_id", 1))
        .compose(other -> other == null ? Future.succeededFuture()
            : failed(ErrorCode.FIELD_UNAVAILABLE, value));
  }

  private static Future<Void> failed(ErrorCode code, String value) {
    return Future.failedFuture(new LivechatException(code, code.format(value)));
  }
}
