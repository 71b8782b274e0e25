package chat.rocket.livechat.visitor;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;

/**
 * Every MongoDB query of the visitor-service on what it owns ({@code rocketchat_livechat_visitor} and the
 * {@code Livechat_guest_count} setting), with Rocket.Chat's filters (spec §2.1, §5.2, §6.2, §7).
 */
final class VisitorRepository {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VisitorRepository.class);

  private static final JsonObject NOT_DISABLED = new JsonObject().put("$ne", true);

  private final MongoClient mongo;

  VisitorRepository(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** @return the visitor with that token, disabled or not ({@code getVisitorByToken}), or null */
  Future<JsonObject> findByToken(String token) {
    return mongo.findOne(Collections.VISITORS, new JsonObject().put("token", token), null);
  }

  /**
   * @return the visitor {@code {_id, disabled != true}}, or null; looked up by {@code _id} alone and checked here (the
   *     embedded store uses an index only for a query on the indexed key by itself)
   */
  Future<JsonObject> findEnabledById(String id) {
    return findById(id).map(visitor -> visitor == null || Boolean.TRUE.equals(visitor.getValue("disabled")) ? null
        : visitor);
  }

  /** @return the visitor with that {@code _id}, disabled or not, or null */
  Future<JsonObject> findById(String id) {
    return mongo.findOne(Collections.VISITORS, new JsonObject().put("_id", id), null);
  }

  /** @return an enabled visitor with that phone number, or null */
  Future<JsonObject> findByPhone(String phoneNumber) {
    return mongo.findOne(Collections.VISITORS,
        new JsonObject().put("phone.phoneNumber", phoneNumber).put("disabled", NOT_DISABLED), null);
  }

  /** @return an enabled visitor with that (lower-cased) email address, or null */
  Future<JsonObject> findByEmail(String address) {
    return mongo.findOne(Collections.VISITORS,
        new JsonObject().put("visitorEmails.address", address).put("disabled", NOT_DISABLED), null);
  }

  /** @return the department with that {@code _id} or {@code name}, or null */
  Future<JsonObject> findDepartmentByIdOrName(String idOrName) {
    JsonObject query = new JsonObject().put("$or", new JsonArray()
        .add(new JsonObject().put("_id", idOrName)).add(new JsonObject().put("name", idOrName)));
    return mongo.findOne(Collections.DEPARTMENTS, query, new JsonObject().put("_id", 1));
  }

  /** @return the next {@code guest-N} number: atomically increments {@code Livechat_guest_count} */
  Future<Long> nextGuestNumber() {
    JsonObject query = new JsonObject().put("_id", Setting.LIVECHAT_GUEST_COUNT.id());
    JsonObject update = new JsonObject().put("$inc", new JsonObject().put("value", 1));
    return mongo.findOneAndUpdateWithOptions(Collections.SETTINGS, query, update, new FindOptions(),
            new UpdateOptions().setUpsert(true).setReturningNewDocument(true))
        .map(doc -> ((Number) doc.getValue("value")).longValue());
  }

  /**
   * Updates (or, with {@code insertOnly} fields, upserts) one visitor and returns it after the write.
   *
   * @param filter     {@code {_id}} of an existing visitor or {@code {token}} of a new one
   * @param set        fields to {@code $set}
   * @param insertOnly fields to {@code $setOnInsert} (null: no upsert)
   * @param event      the pending event recorded in the same write ({@link VisitorEvents#pending})
   */
  Future<JsonObject> write(JsonObject filter, JsonObject set, JsonObject insertOnly, JsonObject event) {
    JsonObject update = new JsonObject().put("$set", set);
    if (insertOnly != null) {
      update.put("$setOnInsert", insertOnly);
    }
    update = OutboxEntries.pushing(update, event);
    return mongo.findOneAndUpdateWithOptions(Collections.VISITORS, filter, update, new FindOptions(),
        new UpdateOptions().setUpsert(insertOnly != null).setReturningNewDocument(true));
  }

  /** Sets {@code livechatData.<key>}; with {@code overwrite} false, only where the key is absent. */
  Future<Void> setCustomField(String visitorId, String key, String value, boolean overwrite) {
    String path = "livechatData." + key;
    JsonObject filter = new JsonObject().put("_id", visitorId);
    if (!overwrite) {
      filter.put(path, new JsonObject().put("$exists", false));
    }
    return mongo.updateCollection(Collections.VISITORS, filter,
        new JsonObject().put("$set", new JsonObject().put(path, value))).mapEmpty();
  }

  /** Applies a {@code $set}/{@code $unset} update to a visitor by {@code _id}. */
  Future<Void> update(String visitorId, JsonObject update) {
    return mongo.updateCollection(Collections.VISITORS, new JsonObject().put("_id", visitorId), update).mapEmpty();
  }

  /**
   * Applies an update to a visitor by {@code _id}.
   *
   * @return how many documents it modified (0 or 1)
   */
  Future<Long> updateCounting(String visitorId, JsonObject update) {
    return mongo.updateCollection(Collections.VISITORS, new JsonObject().put("_id", visitorId), update)
        .map(result -> result == null ? 0L : result.getDocModified());
  }

  /**
   * Creates the indexes of Rocket.Chat's visitor model that these queries use. {@code token} is unique and sparse
   * (one visitor per token, as registration guarantees; disabled visitors have none): the embedded store only
   * implements unique indexes, and this one turns every token lookup from a scan into an index hit. Where an index
   * named {@code token_1} already exists (a database Rocket.Chat created, non-unique), that one is kept.
   */
  Future<Void> ensureIndexes() {
    Future<Void> token = mongo.createIndexWithOptions(Collections.VISITORS, new JsonObject().put("token", 1),
            new IndexOptions().name("token_1").unique(true).sparse(true))
        .recover(e -> {
          LOG.info("keeping the existing visitor token index ({})", e.getMessage());
          return Future.succeededFuture();
        });
    return Future.all(token,
        mongo.createIndex(Collections.VISITORS, new JsonObject().put("phone.phoneNumber", 1)),
        mongo.createIndex(Collections.VISITORS, new JsonObject().put("visitorEmails.address", 1))).mapEmpty();
  }
}
