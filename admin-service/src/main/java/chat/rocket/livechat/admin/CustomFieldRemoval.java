package chat.rocket.livechat.admin;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.platform.kafka.Outbox;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;

/**
 * {@code custom-field.delete}: Rocket.Chat's {@code POST livechat/custom-fields.delete}
 * ({@code LivechatCustomField.removeById}, which moves the document to the trash; the gateway checked authentication
 * and {@code view-livechat-manager}). A removed document cannot carry its own event, so the removal event rides on
 * its trash record ({@link Collections#TRASH}, {@code {_id, __collection__: 'livechat_custom_field', _deletedAt,
 * ...the field}}), written before the field is removed and published after: consumers that re-read the collection on
 * the event see it without the field. A crash between the steps leaves at worst an early event (harmless: a cache
 * re-read) and the field in place for a retry; the outbox sweep publishes what was left pending.
 */
final class CustomFieldRemoval {

  /** Rocket.Chat's model name of the collection, as its trash records name it. */
  static final String TRASHED_COLLECTION = "livechat_custom_field";

  private final MongoClient mongo;
  private final Outbox trashOutbox;

  /** @param trashOutbox the outbox of {@code rocketchat__trash}, data field {@code custom-field} */
  CustomFieldRemoval(MongoClient mongo, Outbox trashOutbox) {
    this.mongo = mongo;
    this.trashOutbox = trashOutbox;
  }

  /**
   * Body {@code {customFieldId}}. Result {@code {}}; a field that does not exist fails
   * {@link ErrorCode#CUSTOM_FIELD_NOT_FOUND} (400 {@code {"success":false,"error":"Custom field not found"}}) and
   * writes nothing.
   */
  Future<JsonObject> delete(Command command) {
    String id = command.body().getString("customFieldId", "");
    JsonObject byId = new JsonObject().put("_id", id);
    return mongo.findOne(Collections.CUSTOM_FIELDS, byId, null)
        .compose(field -> field != null ? trash(field)
            : Future.failedFuture(new LivechatException(ErrorCode.CUSTOM_FIELD_NOT_FOUND)))
        .compose(v -> mongo.removeDocument(Collections.CUSTOM_FIELDS, byId))
        .compose(removed -> trashOutbox.publishPending(id))
        .map(published -> new JsonObject());
  }

  /** Upserts the trash record of the field (Rocket.Chat's trash keeps one record per {@code _id}) with the event. */
  private Future<Void> trash(JsonObject field) {
    JsonObject record = field.copy();
    record.remove(MongoDocs.OUTBOX_FIELD);
    record.remove("_id");
    record.put("__collection__", TRASHED_COLLECTION).put("_deletedAt", MongoDocs.now());
    JsonObject update = OutboxEntries.pushing(new JsonObject().put("$set", record),
        OutboxEntries.entry(EventType.CUSTOM_FIELD_CHANGED, null));
    return mongo.updateCollectionWithOptions(Collections.TRASH, new JsonObject().put("_id", field.getValue("_id")),
        update, new UpdateOptions().setUpsert(true)).mapEmpty();
  }
}
