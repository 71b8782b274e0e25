package chat.rocket.livechat.gateway.auth;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.rocketchat.Permissions;
import chat.rocket.livechat.platform.rocketchat.Settings;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rocket.Chat's {@code users.setStatus} after its body check (Rocket.Chat {@code apps/meteor/app/api/server/v1/
 * users.ts}), in its order: {@link Setting#ACCOUNTS_ALLOW_USER_STATUS_MESSAGE_CHANGE} off is 400
 * {@link ErrorCode#STATUS_CHANGE_NOT_ALLOWED}; the target is the caller unless {@code userId}, {@code username} or
 * {@code user} names someone else, which needs {@link Permission#EDIT_OTHER_USER_INFO} (else 403
 * {@link ErrorCode#UNAUTHORIZED}) and an existing user (by {@code _id}, or by username ignoring case; else 400
 * {@link ErrorCode#INVALID_USER}, also for a name that is not a string). Then a string {@code message} becomes the
 * target's {@code statusText} (trimmed, at most {@link #MAX_STATUS_TEXT} characters), and a non-empty
 * {@code status} its {@code status} and {@code statusDefault}: one of {@link #STATUSES}, else 400
 * {@link ErrorCode#INVALID_STATUS}; {@code offline} while {@link Setting#ACCOUNTS_ALLOW_INVISIBLE_STATUS_OPTION} is
 * off is 400 {@link ErrorCode#STATUS_NOT_ALLOWED}. Everything is checked before the one write (Rocket.Chat writes
 * the status text before it validates the status), so a refused call changes nothing. Rocket.Chat's presence
 * broadcast has no counterpart: nothing here streams user presence.
 */
final class StatusChange {

  /** The statuses a user may set. */
  static final Set<String> STATUSES = Set.of("online", "away", "offline", "busy");
  /** Longest status text kept, in characters. */
  static final int MAX_STATUS_TEXT = 120;
  private static final Pattern REGEX_SPECIALS = Pattern.compile("[.*+?^${}()|\\[\\]\\\\]");

  private final MongoClient mongo;
  private final Settings settings;
  private final Permissions permissions;

  StatusChange(MongoClient mongo, Settings settings, Permissions permissions) {
    this.mongo = mongo;
    this.settings = settings;
    this.permissions = permissions;
  }

  /**
   * @param caller the authenticated user
   * @param body   the checked body {@code {status?, message?, userId?, username?, user?}}
   * @return completes once the target's document is updated, or fails with the codes of the class comment
   */
  Future<Void> apply(Caller caller, JsonObject body) {
    return settings.bool(Setting.ACCOUNTS_ALLOW_USER_STATUS_MESSAGE_CHANGE)
        .compose(allowed -> allowed ? target(caller, body) : refuse(ErrorCode.STATUS_CHANGE_NOT_ALLOWED))
        .compose(userId -> changes(body).compose(changes -> write(userId, changes)));
  }

  private Future<String> target(Caller caller, JsonObject body) {
    if (isCaller(caller, body)) {
      return Future.succeededFuture(caller.userId());
    }
    return permissions.has(caller.roles(), Permission.EDIT_OTHER_USER_INFO)
        .compose(granted -> granted ? findUser(body) : refuse(ErrorCode.UNAUTHORIZED));
  }

  /** Rocket.Chat's {@code isUserFromParams}: no user named, or the caller named by id or username. */
  private static boolean isCaller(Caller caller, JsonObject body) {
    Object userId = body.getValue("userId");
    Object username = body.getValue("username");
    Object user = body.getValue("user");
    return !truthy(userId) && !truthy(username) && !truthy(user)
        || truthy(userId) && caller.userId().equals(userId)
        || truthy(username) && username.equals(caller.username())
        || truthy(user) && user.equals(caller.username());
  }

  /** @return JavaScript truthiness of a JSON value */
  private static boolean truthy(Object value) {
    return value != null && !"".equals(value) && !Boolean.FALSE.equals(value)
        && !(value instanceof Number number && number.doubleValue() == 0);
  }

  /** Rocket.Chat's {@code getUserFromParams}: by {@code userId}, else {@code username}, else {@code user}. */
  private Future<String> findUser(JsonObject body) {
    JsonObject query = null;
    if (body.getValue("userId") instanceof String userId && !userId.isBlank()) {
      query = new JsonObject().put("_id", userId);
    } else {
      for (String key : new String[] {"username", "user"}) {
        if (query == null && body.getValue(key) instanceof String name && !name.isBlank()) {
          query = new JsonObject().put("username", new JsonObject()
              .put("$regex", "^" + REGEX_SPECIALS.matcher(name).replaceAll("\\\\$0") + "$").put("$options", "i"));
        }
      }
    }
    if (query == null) {
      return refuse(ErrorCode.INVALID_USER);
    }
    return mongo.findOne(Collections.USERS, query, new JsonObject().put("_id", 1))
        .compose(user -> user == null ? refuse(ErrorCode.INVALID_USER) : Future.succeededFuture(user.getString("_id")));
  }

  /** @return the {@code $set} of the body: {@code statusText}, {@code status} and {@code statusDefault} */
  private Future<JsonObject> changes(JsonObject body) {
    JsonObject set = new JsonObject();
    if (body.getValue("message") instanceof String message) {
      String text = message.trim();
      set.put("statusText", text.length() > MAX_STATUS_TEXT ? text.substring(0, MAX_STATUS_TEXT) : text);
    }
    if (!(body.getValue("status") instanceof String status) || status.isEmpty()) {
      return Future.succeededFuture(set);
    }
    if (!STATUSES.contains(status)) {
      return refuse(ErrorCode.INVALID_STATUS);
    }
    Future<Boolean> allowed = "offline".equals(status)
        ? settings.bool(Setting.ACCOUNTS_ALLOW_INVISIBLE_STATUS_OPTION) : Future.succeededFuture(true);
    return allowed.compose(ok -> ok ? Future.succeededFuture(set.put("status", status).put("statusDefault", status))
        : refuse(ErrorCode.STATUS_NOT_ALLOWED));
  }

  private Future<Void> write(String userId, JsonObject set) {
    if (set.isEmpty()) {
      return Future.succeededFuture();
    }
    JsonObject update = new JsonObject().put("$set", set.put("_updatedAt", MongoDocs.now()));
    return mongo.updateCollection(Collections.USERS, new JsonObject().put("_id", userId), update).mapEmpty();
  }

  private static <T> Future<T> refuse(ErrorCode code) {
    return Future.failedFuture(new LivechatException(code));
  }
}
