package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Collections;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;

/**
 * The staff's reads and joins on {@code rocketchat_subscription} ({@code {_id, rid, u: {_id, username, name?}, t,
 * open, alert, unread, ts, ...}}): Rocket.Chat's {@code Subscriptions.findOneByRoomIdAndUserId} and the insert of
 * {@code addUserToRoom}. Queries name {@code rid} and {@code u._id} only (indexed, {@link RoomRepository}).
 */
final class SubscriptionRepository {

  private final MongoClient mongo;

  SubscriptionRepository(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** @return the user's subscription to the room, or null */
  Future<JsonObject> find(String rid, String userId) {
    return mongo.findOne(Collections.SUBSCRIPTIONS, filter(rid, userId), null);
  }

  /**
   * Inserts the subscription unless the user has one to that room: an upsert on {@code {rid, u._id}} whose other
   * fields are set on insert only, so a redelivered join writes nothing twice.
   *
   * @param subscription the whole document, {@code rid} and {@code u: {_id, username, name?}} included
   * @return true when this call inserted it, false when the user was subscribed already
   */
  Future<Boolean> subscribe(JsonObject subscription) {
    JsonObject user = subscription.getJsonObject("u");
    JsonObject onInsert = subscription.copy();
    onInsert.remove("rid");
    onInsert.remove("u");
    user.forEach(field -> {
      if (!"_id".equals(field.getKey())) {
        onInsert.put("u." + field.getKey(), field.getValue());
      }
    });
    return mongo.updateCollectionWithOptions(Collections.SUBSCRIPTIONS,
            filter(subscription.getString("rid"), user.getString("_id")),
            new JsonObject().put("$setOnInsert", onInsert), new UpdateOptions().setUpsert(true))
        .map(result -> result != null && result.getDocUpsertedId() != null);
  }

  private static JsonObject filter(String rid, String userId) {
    return new JsonObject().put("rid", rid).put("u._id", userId);
  }
}
