package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Collections;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;

/**
 * The room-service's read-only view of {@code rocketchat_livechat_visitor} (it never writes visitors) and of
 * departments.
 */
final class RoomVisitors {

  /** {@code findGuest} projection of spec §3.2 step 2, plus {@code status}. */
  private static final JsonObject GUEST_FIELDS = new JsonObject().put("name", 1).put("username", 1).put("token", 1)
      .put("visitorEmails", 1).put("department", 1).put("activity", 1).put("status", 1);

  private final MongoClient mongo;

  RoomVisitors(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** @return the visitor with that token (disabled ones included, as Rocket.Chat does), or null */
  Future<JsonObject> findByToken(String token) {
    return mongo.findOne(Collections.VISITORS, new JsonObject().put("token", token), GUEST_FIELDS);
  }

  /** @return the visitor {@code {_id, disabled != true}}, or null */
  Future<JsonObject> findEnabledById(String visitorId) {
    JsonObject query = new JsonObject().put("_id", visitorId)
        .put("disabled", new JsonObject().put("$ne", true));
    return mongo.findOne(Collections.VISITORS, query, null);
  }

  /** @return the enabled department with that {@code _id}, or null */
  Future<JsonObject> findEnabledDepartment(String departmentId) {
    JsonObject query = new JsonObject().put("_id", departmentId)
        .put("enabled", new JsonObject().put("$ne", false));
    return mongo.findOne(Collections.DEPARTMENTS, query, new JsonObject().put("_id", 1));
  }
}
