package chat.rocket.livechat.visitor;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.CustomFields;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code visitor.set-custom-fields}, {@code POST livechat/custom.field} and {@code livechat/custom.fields}
 * (Rocket.Chat's {@code setCustomFields}): body {@code {token, customFields: [{key, value, overwrite}]}}.
 *
 * <ol>
 *   <li>No visitor with the token: {@link ErrorCode#INVALID_TOKEN}.</li>
 *   <li>Every key must be a custom field of {@code rocketchat_livechat_custom_field} (either scope), else
 *       {@link ErrorCode#INVALID_CUSTOM_FIELD}; every value must pass the field's {@code regexp}, else
 *       {@link ErrorCode#INVALID_CUSTOM_FIELD_VALUE} {@code Invalid value for <key> field}. All are checked before
 *       anything is written (Rocket.Chat writes the fields before a bad one).</li>
 *   <li>Visitor-scope fields go to the visitor's {@code livechatData.<key>}, with {@code overwrite: false} only where
 *       the visitor has no value yet, in one write with a {@code visitor.updated} event (changed fields
 *       {@code livechatData.<key>}); nothing to change writes nothing.</li>
 * </ol>
 * Result {@code {fields: [{Key, value, overwrite}], roomFields: [{key, value, overwrite}]}}: {@code fields} is
 * Rocket.Chat's answer, {@code roomFields} the room-scope fields the gateway hands to {@code room.set-custom-fields}
 * (the room-service owns rooms). A redelivered command writes the same values again.
 */
final class SetCustomFields {

  private final VisitorRepository visitors;
  private final CustomFields customFields;
  private final VisitorEvents events;

  SetCustomFields(VisitorRepository visitors, CustomFields customFields, VisitorEvents events) {
    this.visitors = visitors;
    this.customFields = customFields;
    this.events = events;
  }

  /** Handles one {@code visitor.set-custom-fields} command. */
  Future<JsonObject> handle(Command command) {
    JsonArray fields = command.body().getJsonArray("customFields", new JsonArray());
    Future<Map<String, JsonObject>> definitions = definitions();
    return visitors.findByToken(command.body().getString("token", ""))
        .compose(visitor -> visitor == null ? Future.failedFuture(new LivechatException(ErrorCode.INVALID_TOKEN))
            : definitions.map(byId -> split(byId, fields)).compose(split -> write(visitor, split).map(split)))
        .map(split -> new JsonObject().put("fields", answer(fields)).put("roomFields", split.room()));
  }

  private Future<Map<String, JsonObject>> definitions() {
    Future<List<JsonObject>> visitorScope = customFields.definitions(CustomFields.VISITOR_SCOPE);
    Future<List<JsonObject>> roomScope = customFields.definitions(CustomFields.ROOM_SCOPE);
    return Future.all(visitorScope, roomScope).map(both -> {
      Map<String, JsonObject> byId = new HashMap<>();
      visitorScope.result().forEach(field -> byId.put(field.getString("_id"), field));
      roomScope.result().forEach(field -> byId.put(field.getString("_id"), field));
      return byId;
    });
  }

  private static Split split(Map<String, JsonObject> definitions, JsonArray fields) {
    JsonArray visitorScope = new JsonArray();
    JsonArray roomScope = new JsonArray();
    for (Object item : fields) {
      JsonObject field = (JsonObject) item;
      String key = field.getString("key");
      JsonObject definition = definitions.get(key);
      if (definition == null) {
        throw new LivechatException(ErrorCode.INVALID_CUSTOM_FIELD);
      }
      if (!CustomFields.matches(definition.getString("regexp"), field.getString("value", ""))) {
        throw new LivechatException(ErrorCode.INVALID_CUSTOM_FIELD_VALUE, "Invalid value for " + key + " field");
      }
      (CustomFields.ROOM_SCOPE.equals(definition.getString("scope")) ? roomScope : visitorScope).add(field);
    }
    return new Split(visitorScope, roomScope);
  }

  private Future<Void> write(JsonObject visitor, Split split) {
    JsonObject current = visitor.getValue("livechatData") instanceof JsonObject data ? data : new JsonObject();
    JsonObject set = new JsonObject();
    for (Object item : split.visitor()) {
      JsonObject field = (JsonObject) item;
      if (field.getBoolean("overwrite", false) || !current.containsKey(field.getString("key"))) {
        set.put("livechatData." + field.getString("key"), field.getString("value"));
      }
    }
    if (set.isEmpty()) {
      return Future.succeededFuture();
    }
    List<String> changed = new ArrayList<>(set.fieldNames());
    String id = visitor.getString("_id");
    JsonObject update = new JsonObject().put("$set", set.put("_updatedAt", MongoDocs.now()));
    return visitors.update(id, OutboxEntries.pushing(update, VisitorEvents.pending(EventType.VISITOR_UPDATED, changed)))
        .compose(v -> events.publish(id))
        .mapEmpty();
  }

  /** Rocket.Chat's answer, with its capital {@code Key}. */
  private static JsonArray answer(JsonArray fields) {
    JsonArray answer = new JsonArray();
    fields.forEach(item -> {
      JsonObject field = (JsonObject) item;
      answer.add(new JsonObject().put("Key", field.getString("key")).put("value", field.getString("value"))
          .put("overwrite", field.getBoolean("overwrite")));
    });
    return answer;
  }

  /** The submitted fields by scope, each checked. */
  private record Split(JsonArray visitor, JsonArray room) {
  }
}
