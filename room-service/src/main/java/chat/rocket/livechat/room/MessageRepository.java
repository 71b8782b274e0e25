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

  /** The index of a room's messages newest first, on a real MongoDB. */
  private static final JsonObject ROOM_NEWEST_FIRST = new JsonObject().put("rid", 1).put("ts", -1);
  /** Its name as MongoDB gives it. */
  private static final String ROOM_NEWEST_FIRST_NAME = "rid_1_ts_-1";

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
   * Creates the one index of {@code rid} the store uses, since every message maintains each index of its collection
   * (issue 12, messages: the unused one was ~3 % of the CPU samples of a message on the embedded store):
   * <ul>
   *   <li>a real MongoDB: {@code {rid: 1, ts: -1}}, which answers the room's messages by {@code rid} and their sort by
   *       {@code ts} (a query on {@code rid} alone uses its prefix);</li>
   *   <li>the embedded store: {@code {rid: 1}}, since it answers from an index only a query giving a value to every
   *       field of that index; {@code {rid: 1, ts: -1}}, which no query of this system gives there, is dropped when an
   *       earlier version created it (only this system writes the embedded store).</li>
   * </ul>
   *
   * @param realMongo whether the store is a real MongoDB ({@link RoomRepository#ensureIndexes}: it honours partial
   *                  indexes)
   */
  Future<Void> ensureIndexes(boolean realMongo) {
    if (realMongo) {
      return mongo.createIndex(Collections.MESSAGES, ROOM_NEWEST_FIRST);
    }
    return mongo.createIndex(Collections.MESSAGES, new JsonObject().put("rid", 1))
        .compose(v -> mongo.listIndexes(Collections.MESSAGES))
        .compose(indexes -> indexes.stream().anyMatch(MessageRepository::isRoomNewestFirst)
            ? mongo.dropIndex(Collections.MESSAGES, ROOM_NEWEST_FIRST_NAME) : Future.succeededFuture());
  }

  /** Asked before dropping: the store logs a dropped index it does not have as an error, with its stack trace. */
  private static boolean isRoomNewestFirst(Object index) {
    return index instanceof JsonObject described && ROOM_NEWEST_FIRST_NAME.equals(described.getString("name"));
  }
}
