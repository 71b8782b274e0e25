package chat.rocket.livechat.platform.rocketchat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Rocket.Chat's livechat custom fields ({@link Collections#CUSTOM_FIELDS}: {@code {_id, label, scope, regexp}}) and
 * the way saveInfo and visitor registration filter and validate submitted values (spec §5.2, §7.1): only keys that
 * are defined fields of the scope are kept, values are trimmed, and a non-empty value must match the field's
 * {@code regexp} (searched, as JavaScript's {@code RegExp.test} does). Definitions are cached
 * {@link ConfigKey#CACHE_TTL_MS}, all dropped at once by a {@code custom-field.changed} event
 * ({@link CacheInvalidation}).
 */
public final class CustomFields {

  /** Scope of fields stored on the visitor ({@code livechatData} of {@code rocketchat_livechat_visitor}). */
  public static final String VISITOR_SCOPE = "visitor";
  /** Scope of fields stored on the room ({@code livechatData} of {@code rocketchat_room}). */
  public static final String ROOM_SCOPE = "room";

  private final CachedLookup<String, List<JsonObject>> byScope;

  /** @param config supplies {@link ConfigKey#CACHE_TTL_MS} */
  public CustomFields(Vertx vertx, MongoClient mongo, JsonObject config) {
    this.byScope = new CachedLookup<>(vertx, ConfigKey.CACHE_TTL_MS.getLong(config),
        scope -> mongo.find(Collections.CUSTOM_FIELDS, new JsonObject().put("scope", scope)));
    CacheInvalidation.of(vertx).register(EventType.CUSTOM_FIELD_CHANGED, byScope, false);
  }

  /** @return the field definitions of a scope */
  public Future<List<JsonObject>> definitions(String scope) {
    return byScope.get(scope);
  }

  /**
   * Keeps the submitted values of defined fields, trimmed, and checks each against its regexp.
   *
   * @param scope     {@link #VISITOR_SCOPE} or {@link #ROOM_SCOPE}
   * @param submitted field id → value (values that are not strings are stringified)
   * @param failure   the code a failing value is reported with; {@link ErrorCode#INVALID_CUSTOM_FIELD_VALUE} gets
   *                  the message {@code Invalid value for <label> field}, any other code its default message
   * @return field id → trimmed value, for defined fields only
   */
  public Future<JsonObject> validate(String scope, JsonObject submitted, ErrorCode failure) {
    if (submitted == null || submitted.isEmpty()) {
      return Future.succeededFuture(new JsonObject());
    }
    return definitions(scope).map(fields -> filter(fields, submitted, failure));
  }

  private static JsonObject filter(List<JsonObject> fields, JsonObject submitted, ErrorCode failure) {
    JsonObject kept = new JsonObject();
    for (JsonObject field : fields) {
      String id = field.getString("_id");
      if (id == null || !submitted.containsKey(id)) {
        continue;
      }
      Object raw = submitted.getValue(id);
      String value = raw == null ? "" : String.valueOf(raw).trim();
      if (!value.isEmpty() && !matches(field.getString("regexp"), value)) {
        String label = field.getString("label", id);
        throw new LivechatException(failure,
            failure == ErrorCode.INVALID_CUSTOM_FIELD_VALUE ? "Invalid value for " + label + " field" : null);
      }
      kept.put(id, value);
    }
    return kept;
  }

  /**
   * JavaScript's {@code new RegExp(regexp).test(value)}: a search, not a whole-string match.
   *
   * @param regexp a field's {@code regexp}; null or blank accepts everything
   * @return whether the value passes; an invalid pattern refuses every value
   */
  public static boolean matches(String regexp, String value) {
    if (regexp == null || regexp.trim().isEmpty()) {
      return true;
    }
    try {
      return Pattern.compile(regexp).matcher(value).find();
    } catch (PatternSyntaxException e) {
      return false;
    }
  }

  /**
   * Splits validated values into a Mongo update: non-empty values are {@code $set} under {@code <prefix>.<id>},
   * empty ones {@code $unset}.
   *
   * @param values  output of {@link #validate}
   * @param set     receives the {@code $set} entries
   * @param unset   receives the {@code $unset} entries
   */
  public static void toUpdate(JsonObject values, JsonObject set, JsonObject unset) {
    for (Map.Entry<String, Object> entry : values) {
      String path = "livechatData." + entry.getKey();
      if (String.valueOf(entry.getValue()).isEmpty()) {
        unset.put(path, "");
      } else {
        set.put(path, entry.getValue());
      }
    }
  }
}
