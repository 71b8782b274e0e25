package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;

/**
 * Every MongoDB query of the room-service on {@code rocketchat_message} ({@code {_id, rid, msg, ts, u, ...}}).
 * Messages are found by {@code _id} or by {@code rid} alone: the embedded store answers from an index only a filter on
 * the indexed key by itself, so any other condition (hidden, before a date) is applied by the caller.
 */
final class MessageRepository {

  private final MongoClient mongo;

  MessageRepository(MongoClient mongo) {
    this.mongo = mongo;
  }

  /**
   * Inserts a message; a message with that {@code _id} already there is no error (a redelivered command, or a client
   * sending the same {@code _id} twice).
   *
   * @return true when this call inserted it, false when a message with that {@code _id} existed
   */
  Future<Boolean> insert(JsonObject message) {
    return mongo.insert(Collections.MESSAGES, message.copy()).map(true)
        .recover(e -> MongoDocs.isDuplicateKey(e) ? Future.succeededFuture(false) : Future.failedFuture(e));
  }

  /** @return the message with that {@code _id}, or null */
  Future<JsonObject> findById(String id) {
    return mongo.findOne(Collections.MESSAGES, new JsonObject().put("_id", id), null);
  }

  /** @return every message of the room, newest first ({@code ts} descending) */
  Future<List<JsonObject>> findByRoomNewestFirst(String rid) {
    return mongo.findWithOptions(Collections.MESSAGES, new JsonObject().put("rid", rid),
        new FindOptions().setSort(new JsonObject().put("ts", -1)));
  }

  /** Applies a Mongo update document to the message with that {@code _id}. */
  Future<Void> update(String id, JsonObject update) {
    return mongo.updateCollection(Collections.MESSAGES, new JsonObject().put("_id", id), update).mapEmpty();
  }

  /** Removes the message with that {@code _id} (none is no error). */
  Future<Void> remove(String id) {
    return mongo.removeDocument(Collections.MESSAGES, new JsonObject().put("_id", id)).mapEmpty();
  }

  /**
   * Creates {@code {rid: 1, ts: -1}} (a real MongoDB answers the history query and its sort from it) and
   * {@code {rid: 1}} (the embedded store uses an index only for a filter on exactly its keys).
   */
  Future<Void> ensureIndexes() {
    return Future.all(
            mongo.createIndex(Collections.MESSAGES, new JsonObject().put("rid", 1).put("ts", -1)),
            mongo.createIndex(Collections.MESSAGES, new JsonObject().put("rid", 1)))
        .mapEmpty();
  }
}
