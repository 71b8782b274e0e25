package chat.rocket.livechat.admin;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.platform.rocketchat.MongoCounts;
import chat.rocket.livechat.platform.rocketchat.Users;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.regex.Pattern;

/**
 * {@code staff.list}, {@code staff.add}, {@code staff.get} and {@code staff.remove}: Rocket.Chat's
 * {@code GET|POST livechat/users/:type} and {@code GET|DELETE livechat/users/:type/:_id}
 * ({@code app/livechat/imports/server/rest/users.ts}, {@code addAgent}, {@code addManager}, {@code removeAgent},
 * {@code removeManager}, {@code findAgents}, {@code findManagers}). Staff are {@code users} documents holding the
 * role {@code livechat-agent} or {@code livechat-manager} in {@code roles}. The body's {@code role} is one of those
 * two (the gateway maps the path's type to it).
 */
final class StaffAdmin {

  /** The fields Rocket.Chat answers for a staff member ({@code _.pick} of users.ts, the projection of findAgents). */
  static final JsonObject STAFF_FIELDS = new JsonObject().put("_id", 1).put("username", 1).put("name", 1)
      .put("status", 1).put("statusLivechat", 1).put("emails", 1).put("livechat", 1);

  private final MongoClient mongo;

  StaffAdmin(MongoClient mongo) {
    this.mongo = mongo;
  }

  /**
   * Body {@code {role, text?, onlyAvailable, excludeId?, showIdleAgents, offset, count}}: the users with the role
   * whose username, name or email contains {@code text} (case-insensitive, taken literally), only those with
   * {@code statusLivechat: available} when {@code onlyAvailable}, never {@code excludeId}, only those online (any
   * {@code status} but offline) unless {@code showIdleAgents} (Rocket.Chat's {@code findUsers}); sorted by name, from
   * {@code offset}, at most {@code count} (0: all).
   * Result {@code {users: [...STAFF_FIELDS], count: users on this page, offset, total: all matching}}.
   */
  Future<JsonObject> list(Command command) {
    JsonObject body = command.body();
    JsonObject query = staffQuery(body);
    int offset = body.getInteger("offset", 0);
    FindOptions options = new FindOptions().setFields(STAFF_FIELDS).setSort(new JsonObject().put("name", 1))
        .setSkip(offset).setLimit(body.getInteger("count", 0));
    return mongo.findWithOptions(Collections.USERS, query, options)
        .compose(users -> MongoCounts.count(mongo, Collections.USERS, query)
            .map(total -> new JsonObject().put("users", new JsonArray(users)).put("count", users.size())
                .put("offset", offset).put("total", total)));
  }

  /**
   * Body {@code {role, username}}: adds the role to that user; an agent also gets {@code operator: true} and
   * {@code statusLivechat: "available"} (Rocket.Chat's {@code afterAgentAdded}, whose user carries no
   * {@code status}, so it is always available). Result {@code {user: {_id, username}}}; an unknown username
   * {@link ErrorCode#STAFF_INVALID_USER}, nothing written.
   */
  Future<JsonObject> add(Command command) {
    String role = command.body().getString("role");
    JsonObject byUsername = new JsonObject().put("username", command.body().getString("username"));
    JsonObject set = Users.AGENT_ROLE.equals(role)
        ? new JsonObject().put("operator", true).put("statusLivechat", "available") : new JsonObject();
    JsonObject update = new JsonObject().put("$addToSet", new JsonObject().put("roles", role));
    if (!set.isEmpty()) {
      update.put("$set", set);
    }
    return mongo.findOne(Collections.USERS, byUsername, new JsonObject().put("_id", 1).put("username", 1))
        .compose(user -> user == null ? Future.failedFuture(new LivechatException(ErrorCode.STAFF_INVALID_USER))
            : mongo.updateCollection(Collections.USERS, new JsonObject().put("_id", user.getString("_id")), update)
                .map(new JsonObject().put("user", user)));
  }

  /**
   * Body {@code {role, _id}}. Result {@code {user: {...STAFF_FIELDS}}} when the user holds the role,
   * {@code {user: null}} when not; an unknown user {@link ErrorCode#STAFF_USER_NOT_FOUND}.
   */
  Future<JsonObject> get(Command command) {
    String role = command.body().getString("role");
    JsonObject fields = STAFF_FIELDS.copy().put("roles", 1);
    return mongo.findOne(Collections.USERS, new JsonObject().put("_id", command.body().getString("_id")), fields)
        .map(user -> {
          if (user == null) {
            throw new LivechatException(ErrorCode.STAFF_USER_NOT_FOUND);
          }
          boolean staff = user.getJsonArray("roles", new JsonArray()).contains(role);
          user.remove("roles");
          return new JsonObject().put("user", staff ? user : null);
        });
  }

  /**
   * Body {@code {role, _id}}: removes the role from the user; an agent also loses {@code operator} and
   * {@code statusLivechat} (so routing skips it). Result {@code {}}; an unknown user
   * {@link ErrorCode#FAILURE_WITHOUT_MESSAGE}, nothing written.
   */
  Future<JsonObject> remove(Command command) {
    String role = command.body().getString("role");
    JsonObject byId = new JsonObject().put("_id", command.body().getString("_id"));
    JsonObject update = new JsonObject().put("$pull", new JsonObject().put("roles", role));
    if (Users.AGENT_ROLE.equals(role)) {
      update.put("$unset", new JsonObject().put("operator", "").put("statusLivechat", ""));
    }
    return mongo.updateCollection(Collections.USERS, byId, update)
        .map(result -> {
          if (result.getDocMatched() == 0) {
            throw new LivechatException(ErrorCode.FAILURE_WITHOUT_MESSAGE);
          }
          return new JsonObject();
        });
  }

  /** @return the users holding the body's {@code role} that match its filters (see {@link #list}) */
  private static JsonObject staffQuery(JsonObject body) {
    JsonObject query = new JsonObject().put("roles", body.getString("role"));
    String text = body.getString("text");
    if (text != null && !text.isEmpty()) {
      JsonObject contains = new JsonObject().put("$regex", Pattern.quote(text)).put("$options", "i");
      query.put("$or", new JsonArray().add(new JsonObject().put("username", contains))
          .add(new JsonObject().put("name", contains.copy()))
          .add(new JsonObject().put("emails.address", contains.copy())));
    }
    if (body.getBoolean("onlyAvailable", false)) {
      query.put("statusLivechat", "available");
    }
    if (body.getString("excludeId") != null) {
      query.put("_id", new JsonObject().put("$ne", body.getString("excludeId")));
    }
    if (!body.getBoolean("showIdleAgents", true)) {
      query.put("status", new JsonObject().put("$exists", true).put("$ne", "offline"));
    }
    return query;
  }
}
