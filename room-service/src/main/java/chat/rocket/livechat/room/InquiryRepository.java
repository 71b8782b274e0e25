package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;

/**
 * The MongoDB writes of taking an inquiry ({@code inquiry.take}) and the inquiry reads of {@code inquiry.get-by-room}
 * on {@code rocketchat_livechat_inquiry}, {@code rocketchat_room} and {@code rocketchat_subscription}, each
 * conditional so that a redelivered take repeats nothing (Rocket.Chat's {@code LivechatInquiry.takeInquiry},
 * {@code LivechatRooms.changeAgentByRoomId}, {@code createLivechatSubscription}).
 */
final class InquiryRepository {

  private final MongoClient mongo;

  InquiryRepository(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** @return the inquiry with that {@code _id}, or null */
  Future<JsonObject> findById(String inquiryId) {
    return mongo.findOne(Collections.INQUIRIES, new JsonObject().put("_id", inquiryId), null);
  }

  /** @return the inquiry of the room ({@code {rid}}, indexed), or null */
  Future<JsonObject> findByRoomId(String rid) {
    return mongo.findOne(Collections.INQUIRIES, new JsonObject().put("rid", rid), null);
  }

  /**
   * Marks the inquiry {@code taken} by the agent unless it already is: {@code status: 'taken'}, {@code takenAt},
   * {@code defaultAgent: {agentId, username}}, {@code _updatedAt}.
   *
   * @return true when this call took it, false when it was taken already (by anyone)
   */
  Future<Boolean> claim(String inquiryId, JsonObject defaultAgent) {
    JsonObject filter = new JsonObject().put("_id", inquiryId)
        .put("status", new JsonObject().put("$ne", "taken"));
    JsonObject set = new JsonObject().put("status", "taken").put("takenAt", MongoDocs.now())
        .put("defaultAgent", defaultAgent).put("_updatedAt", MongoDocs.now());
    return mongo.updateCollection(Collections.INQUIRIES, filter, new JsonObject().put("$set", set))
        .map(result -> result != null && result.getDocModified() > 0);
  }

  /**
   * Inserts the agent's subscription to the room unless it has one: an upsert on {@code {rid, u._id}} whose other
   * fields are only set on insert (the filter's fields come from the filter, as MongoDB requires).
   */
  Future<Void> ensureSubscription(JsonObject subscription) {
    JsonObject user = subscription.getJsonObject("u");
    JsonObject filter = new JsonObject().put("rid", subscription.getString("rid")).put("u._id", user.getString("_id"));
    JsonObject onInsert = subscription.copy();
    onInsert.remove("rid");
    onInsert.remove("u");
    onInsert.put("u.username", user.getString("username"));
    return mongo.updateCollectionWithOptions(Collections.SUBSCRIPTIONS, filter,
        new JsonObject().put("$setOnInsert", onInsert), new UpdateOptions().setUpsert(true)).mapEmpty();
  }
}
