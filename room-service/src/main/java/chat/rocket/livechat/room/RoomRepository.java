package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.platform.rocketchat.Ids;
import chat.rocket.livechat.platform.rocketchat.MongoCounts;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every MongoDB query of the room-service on the collections it owns ({@code rocketchat_room},
 * {@code rocketchat_livechat_inquiry}, {@code rocketchat_subscription}), with Rocket.Chat's filters (spec §2.2-2.4,
 * §3.2, §4.2, §5.2). Documents are returned as the Vert.x Mongo client reads them (dates as {@code {"$date"}}).
 */
final class RoomRepository {

  private static final Logger LOG = LoggerFactory.getLogger(RoomRepository.class);
  /** Name of the unique partial index that allows one open livechat room per visitor token. */
  static final String SINGLE_OPEN_ROOM_INDEX = "v.token_1_open_livechat_unique";

  private final MongoClient mongo;
  private Consumer<String> afterWrite = rid -> { };

  RoomRepository(MongoClient mongo) {
    this.mongo = mongo;
  }

  /**
   * Sets what runs with the {@code rid} of every room this repository writes, when the write was sent and again when
   * it completed (the read model drops the room then: {@link RoomReadModel#forget}).
   */
  void afterWrite(Consumer<String> action) {
    this.afterWrite = action;
  }

  private <T> Future<T> written(String rid, Future<T> write) {
    afterWrite.accept(rid);
    return write.onComplete(done -> afterWrite.accept(rid));
  }

  /**
   * Rocket.Chat's query for the visitor's open livechat room, {@code {t:'l', open:true, 'v.token': token}}: a point
   * lookup where {@code v.token} is indexed (a real MongoDB), a scan of every room on the embedded store; used only
   * under {@link OpenRooms.Proof#QUERY}.
   *
   * @return the room, or null
   */
  Future<JsonObject> findOpenByTokenQuery(String token) {
    return mongo.findOne(Collections.ROOMS, openLivechat().put("v.token", token), null);
  }

  /**
   * {@code {t:'l', _id: rid, open:true, 'v.token': token}}, looked up by {@code _id} alone and checked here: the
   * embedded store uses an index only for a query on the indexed key by itself.
   *
   * @return the room, or null
   */
  Future<JsonObject> findOpenByIdAndToken(String rid, String token) {
    return findById(rid).map(room -> isOpenLivechat(room) && token.equals(visitorToken(room)) ? room : null);
  }

  /** @return true for a document matching {@code {t:'l', open:true}} */
  static boolean isOpenLivechat(JsonObject room) {
    return room != null && "l".equals(room.getValue("t")) && Boolean.TRUE.equals(room.getValue("open"));
  }

  private static String visitorToken(JsonObject room) {
    return room.getValue("v") instanceof JsonObject v && v.getValue("token") instanceof String token ? token : null;
  }

  /** @return the room with that {@code _id} of any type, or null */
  Future<JsonObject> findById(String rid) {
    return mongo.findOne(Collections.ROOMS, new JsonObject().put("_id", rid), null);
  }

  /** @return the room whose {@code name} is that (Rocket.Chat's {@code findOneByName}), or null */
  Future<JsonObject> findByName(String name) {
    return mongo.findOne(Collections.ROOMS, new JsonObject().put("name", name), null);
  }

  /**
   * Inserts a document once: a document with that {@code _id} already there is no error (a redelivered or concurrent
   * creation writing the same claimed documents).
   *
   * @param collection {@code rocketchat_room}, {@code rocketchat_livechat_inquiry} or {@code rocketchat_subscription}
   * @return true when this call inserted it, false when it existed
   */
  Future<Boolean> insertOnce(String collection, JsonObject document) {
    Future<Boolean> insert = mongo.insert(collection, document.copy()).map(true)
        .recover(e -> MongoDocs.isDuplicateKey(e) ? Future.succeededFuture(false) : Future.failedFuture(e));
    return Collections.ROOMS.equals(collection) ? written(document.getString("_id"), insert) : insert;
  }

  /** @return true when the user has a subscription to the room */
  Future<Boolean> hasSubscription(String rid, String userId) {
    return MongoCounts.count(mongo, Collections.SUBSCRIPTIONS, new JsonObject().put("rid", rid).put("u._id", userId))
        .map(count -> count > 0);
  }

  /**
   * Removes the room's inquiry and its agents' subscriptions, as Rocket.Chat's close does
   * ({@code LivechatInquiry.removeByRoomId}, {@code Subscriptions.removeByRoomId}).
   */
  Future<Void> removeInquiryAndSubscriptions(String rid) {
    return Future.all(mongo.removeDocuments(Collections.INQUIRIES, new JsonObject().put("rid", rid)),
        removeSubscriptions(rid)).mapEmpty();
  }

  /** Removes every subscription to the room. */
  Future<Void> removeSubscriptions(String rid) {
    return mongo.removeDocuments(Collections.SUBSCRIPTIONS, new JsonObject().put("rid", rid)).mapEmpty();
  }

  /** @return how many open livechat rooms the agent serves */
  Future<Long> countOpenServedBy(String agentId) {
    return MongoCounts.count(mongo, Collections.ROOMS, openLivechat().put("servedBy._id", agentId));
  }

  /**
   * Applies an update to a room by {@code _id}, with an optional extra filter.
   *
   * @param filter extra conditions (e.g. {@code t:'l'}), may be empty
   * @param update a Mongo update document ({@code $set}/{@code $unset})
   */
  Future<Void> update(String rid, JsonObject filter, JsonObject update) {
    return written(rid, mongo.updateCollection(Collections.ROOMS, filter.copy().put("_id", rid), update)).mapEmpty();
  }

  /**
   * Applies an update to a room by {@code _id} and returns the room as the update left it, in the same round trip
   * ({@code findOneAndUpdate}, after-image): what the relay would read next ({@link RoomEvents#publishWritten}).
   *
   * @param update a Mongo update document ({@code $set}/{@code $inc}/{@code $push}...)
   * @return the room after the update, outbox included, or null when there is no room with that {@code _id}
   */
  Future<JsonObject> updateReturning(String rid, JsonObject update) {
    return written(rid, mongo.findOneAndUpdateWithOptions(Collections.ROOMS, new JsonObject().put("_id", rid), update,
        new FindOptions(), new UpdateOptions().setReturningNewDocument(true)));
  }

  /**
   * Applies the room's assignment update unless the agent already serves the room (so {@code usersCount} is counted
   * once).
   *
   * @param update {@code $set servedBy}, {@code $inc usersCount} and the pending events
   * @return true when this call assigned the room
   */
  Future<Boolean> assignRoom(String rid, String agentId, JsonObject update) {
    JsonObject filter = new JsonObject().put("_id", rid)
        .put("servedBy._id", new JsonObject().put("$ne", agentId));
    return written(rid, mongo.updateCollection(Collections.ROOMS, filter, update)
        .map(result -> result != null && result.getDocModified() > 0));
  }


  /**
   * Creates the indexes the room queries use: {@code v.token}; {@code servedBy._id} with {@code open} and {@code t},
   * so that an agent's open rooms are one range of it (Auto_Selection counts them per creation:
   * {@link #countOpenServedBy}, which the embedded store then counts from the index alone), not every room the agent
   * ever served; {@code rid} on inquiries and subscriptions (and {@code rid} alone on
   * subscriptions: the embedded store answers from an index only a query giving all its fields); and, where the
   * store supports partial indexes, a unique partial index on {@code v.token} for open
   * livechat rooms (Rocket.Chat PR #39087). On a store that does not honour partial indexes (the embedded
   * MongoDB-wire store), one open room per visitor rests on the room claims ({@link OpenRooms}).
   *
   * @return whether the store honours partial unique indexes (a real MongoDB)
   */
  Future<Boolean> ensureIndexes() {
    return Future.all(
            mongo.createIndex(Collections.ROOMS, new JsonObject().put("v.token", 1)),
            mongo.createIndex(Collections.ROOMS, new JsonObject().put("servedBy._id", 1).put("open", 1).put("t", 1)),
            mongo.createIndex(Collections.INQUIRIES, new JsonObject().put("rid", 1)),
            mongo.createIndex(Collections.SUBSCRIPTIONS, new JsonObject().put("rid", 1).put("u._id", 1)),
            mongo.createIndex(Collections.SUBSCRIPTIONS, new JsonObject().put("rid", 1)))
        .compose(v -> ensureSingleOpenRoomIndex());
  }

  private Future<Boolean> ensureSingleOpenRoomIndex() {
    return enforcesPartialIndexes().compose(enforced -> {
      if (!enforced) {
        LOG.info("the store does not honour partial indexes; one open room per visitor rests on the room claims");
        return Future.succeededFuture(false);
      }
      IndexOptions options = new IndexOptions().name(SINGLE_OPEN_ROOM_INDEX).unique(true)
          .partialFilterExpression(openLivechat());
      return mongo.createIndexWithOptions(Collections.ROOMS, new JsonObject().put("v.token", 1), options)
          .map(true)
          .recover(e -> {
            LOG.warn("unique open-room index not created ({}); one open room per visitor rests on the room claims",
                e.getMessage());
            return Future.succeededFuture(true);
          });
    });
  }

  /**
   * Probes, on a scratch collection, whether the store applies a unique index only to the documents of its partial
   * filter: two documents outside the filter with the same key must both insert. A store that accepts the index but
   * enforces it on every document (the embedded MongoDB-wire store does) would otherwise refuse a visitor's second
   * room once the first is closed.
   */
  private Future<Boolean> enforcesPartialIndexes() {
    String probe = "livechat_index_probe_" + Ids.randomId();
    JsonObject outsideFilter = new JsonObject().put("k", 1).put("open", false);
    IndexOptions options = new IndexOptions().unique(true).partialFilterExpression(new JsonObject().put("open", true));
    return mongo.createIndexWithOptions(probe, new JsonObject().put("k", 1), options)
        .compose(v -> mongo.insert(probe, outsideFilter.copy()))
        .compose(v -> mongo.insert(probe, outsideFilter.copy()))
        .map(true)
        .otherwise(false)
        .eventually(() -> mongo.dropCollection(probe).otherwiseEmpty());
  }

  private static JsonObject openLivechat() {
    return new JsonObject().put("t", "l").put("open", true);
  }
}
