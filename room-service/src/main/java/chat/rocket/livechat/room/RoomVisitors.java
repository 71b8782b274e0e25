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

  /** {@code findGuest} projection of spec §3.2 step 2, plus {@code status} and {@code lastChat}. */
  private static final JsonObject GUEST_FIELDS = new JsonObject().put("name", 1).put("username", 1).put("token", 1)
      .put("visitorEmails", 1).put("department", 1).put("activity", 1).put("status", 1).put("lastChat", 1);

  private final MongoClient mongo;

  RoomVisitors(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** @return the visitor with that token (disabled ones included, as Rocket.Chat does), or null */
  Future<JsonObject> findByToken(String token) {
    return mongo.findOne(Collections.VISITORS, new JsonObject().put("token", token), GUEST_FIELDS);
  }

  /**
   * @return the visitor {@code {_id, disabled != true}}, or null; looked up by {@code _id} alone and checked here (the
   *     embedded store uses an index only for a query on the indexed key by itself)
   */
  Future<JsonObject> findEnabledById(String visitorId) {
    return mongo.findOne(Collections.VISITORS, new JsonObject().put("_id", visitorId), null)
        .map(visitor -> visitor == null || Boolean.TRUE.equals(visitor.getValue("disabled")) ? null : visitor);
  }

  /** @return the department {@code {_id, enabled != false}}, or null */
  Future<JsonObject> findEnabledDepartment(String departmentId) {
    return mongo.findOne(Collections.DEPARTMENTS, new JsonObject().put("_id", departmentId),
            new JsonObject().put("enabled", 1))
        .map(department -> department == null || Boolean.FALSE.equals(department.getValue("enabled")) ? null
            : department);
  }
}
