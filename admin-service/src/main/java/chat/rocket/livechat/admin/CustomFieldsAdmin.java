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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code custom-fields.list}, {@code custom-field.get} and {@code custom-field.save}: Rocket.Chat's
 * {@code GET livechat/custom-fields}, {@code GET livechat/custom-fields/:_id} and
 * {@code POST livechat/custom-fields.save} ({@code server/api/v1/omnichannel/customField.ts},
 * {@code LivechatCustomFieldRaw.createOrUpdateCustomField}); the gateway checked authentication and the permission.
 * Stored shape, Rocket.Chat's: {@code {_id: <field name>, label, scope: 'visitor'|'room', visibility, regexp?,
 * searchable?, type?, required?, defaultValue?, options?, public?, _updatedAt}}. Removal is {@link CustomFieldRemoval}.
 */
final class CustomFieldsAdmin {

  /** Rocket.Chat's field-name rule (the {@code livechat:saveCustomField} method): the name becomes a document key. */
  private static final Pattern FIELD_NAME = Pattern.compile("^[0-9a-zA-Z_-]+$");
  private static final Set<String> SCOPES = Set.of("visitor", "room");
  /** Rocket.Chat's {@code API_Default_Count} and {@code API_Upper_Count_Limit} defaults. */
  private static final int DEFAULT_COUNT = 50;
  private static final int MAX_COUNT = 100;
  /** The keys of {@code customFieldData} that are not stored as they are. */
  private static final Set<String> NAMED_KEYS = Set.of("field", "label", "scope", "visibility");

  private final MongoClient mongo;
  private final Outbox outbox;

  /** @param outbox the outbox of {@code rocketchat_livechat_custom_field}, data field {@code custom-field} */
  CustomFieldsAdmin(MongoClient mongo, Outbox outbox) {
    this.mongo = mongo;
    this.outbox = outbox;
  }

  /**
   * Body {@code {text?, offset?, count?}} (query strings; count default 50, at most 100, offset default 0). Result
   * {@code {customFields: [...], count, offset, total}}: the fields whose label or {@code _id} contains
   * {@code text} (case-insensitive, literally), sorted by label; {@code total} counts every match.
   */
  Future<JsonObject> list(Command command) {
    JsonObject body = command.body();
    String text = body.getString("text", "").toLowerCase(Locale.ROOT);
    int offset = number(body.getString("offset"), 0, Integer.MAX_VALUE);
    int count = number(body.getString("count"), DEFAULT_COUNT, MAX_COUNT);
    return mongo.find(Collections.CUSTOM_FIELDS, new JsonObject()).map(all -> {
      List<JsonObject> matching = all.stream().filter(field -> matches(field, text))
          .sorted(Comparator.comparing(field -> field.getString("label", ""))).toList();
      JsonArray page = new JsonArray();
      matching.stream().skip(offset).limit(count).forEach(field -> page.add(MongoDocs.toApi(field)));
      return new JsonObject().put("customFields", page).put("count", page.size()).put("offset", offset)
          .put("total", matching.size());
    });
  }

  /** Body {@code {_id}}; result {@code {customField}}: the field, or null when there is none. */
  Future<JsonObject> get(Command command) {
    return find(command.body().getString("_id", ""))
        .map(field -> new JsonObject().put("customField", field == null ? null : MongoDocs.toApi(field)));
  }

  /**
   * Body {@code {customFieldId?, customFieldData: {field, label, scope, visibility, ...}}} (types checked by the
   * gateway). The name must match {@code ^[0-9a-zA-Z_-]+$} ({@link ErrorCode#INVALID_CUSTOM_FIELD_NAME}), the scope
   * be {@code visitor} or {@code room} ({@link ErrorCode#INVALID_PARAMS}). With {@code customFieldId} the field must
   * exist ({@link ErrorCode#CUSTOM_FIELD_NOT_FOUND_FOR_UPDATE}) and is {@code $set}; without, the name must be free
   * ({@link ErrorCode#CUSTOM_FIELD_EXISTS}) and it is inserted with {@code _id} = name. Either write carries a
   * {@code custom-field.changed} event, published before the answer. Result {@code {customField}}: the stored record
   * as Rocket.Chat answers it ({@code _id} only on creation), with {@code _updatedAt}. A refused call writes nothing.
   */
  Future<JsonObject> save(Command command) {
    String id = command.body().getString("customFieldId");
    JsonObject data = command.body().getJsonObject("customFieldData", new JsonObject());
    String name = data.getString("field", "");
    if (!FIELD_NAME.matcher(name).matches()) {
      return Future.failedFuture(new LivechatException(ErrorCode.INVALID_CUSTOM_FIELD_NAME));
    }
    if (!SCOPES.contains(data.getString("scope"))) {
      return Future.failedFuture(new LivechatException(ErrorCode.INVALID_PARAMS,
          "must be equal to one of the allowed values"));
    }
    JsonObject record = record(data);
    boolean update = id != null && !id.isEmpty();
    Future<Void> written = update ? update(id, record) : insert(name, record);
    String key = update ? id : name;
    return written.compose(v -> outbox.publishPending(key))
        .map(published -> new JsonObject().put("customField", MongoDocs.toApi(record)));
  }

  private Future<Void> update(String id, JsonObject record) {
    return find(id)
        .compose(found -> found != null ? Future.succeededFuture()
            : Future.failedFuture(new LivechatException(ErrorCode.CUSTOM_FIELD_NOT_FOUND_FOR_UPDATE)))
        .compose(v -> mongo.updateCollection(Collections.CUSTOM_FIELDS, byId(id),
            OutboxEntries.pushing(new JsonObject().put("$set", record), changed(record))))
        .mapEmpty();
  }

  private Future<Void> insert(String name, JsonObject record) {
    return find(name)
        .compose(found -> found == null ? Future.succeededFuture()
            : Future.failedFuture(new LivechatException(ErrorCode.CUSTOM_FIELD_EXISTS)))
        .compose(v -> mongo.insert(Collections.CUSTOM_FIELDS,
            OutboxEntries.inserting(record.put("_id", name).copy(), OutboxEntries.entry(
                EventType.CUSTOM_FIELD_CHANGED, null))))
        .mapEmpty();
  }

  /** @return {@code {label, scope, visibility, ...the other keys of customFieldData, _updatedAt}} */
  private static JsonObject record(JsonObject data) {
    JsonObject record = new JsonObject().put("label", data.getString("label")).put("scope", data.getString("scope"))
        .put("visibility", data.getString("visibility"));
    data.forEach(entry -> {
      if (!NAMED_KEYS.contains(entry.getKey())) {
        record.put(entry.getKey(), entry.getValue());
      }
    });
    return record.put("_updatedAt", MongoDocs.now());
  }

  private static JsonObject changed(JsonObject record) {
    return OutboxEntries.entry(EventType.CUSTOM_FIELD_CHANGED, record.fieldNames());
  }

  private Future<JsonObject> find(String id) {
    return mongo.findOne(Collections.CUSTOM_FIELDS, byId(id), null);
  }

  private static JsonObject byId(String id) {
    return new JsonObject().put("_id", id);
  }

  private static boolean matches(JsonObject field, String text) {
    return text.isEmpty() || field.getString("label", "").toLowerCase(Locale.ROOT).contains(text)
        || String.valueOf(field.getValue("_id")).toLowerCase(Locale.ROOT).contains(text);
  }

  /** @return the query string as a non-negative int at most {@code max}, or the default when absent or no number */
  private static int number(String value, int fallback, int max) {
    try {
      return value == null ? fallback : Math.min(Math.max(Integer.parseInt(value), 0), max);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
