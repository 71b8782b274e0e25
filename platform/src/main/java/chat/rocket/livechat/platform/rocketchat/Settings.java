package chat.rocket.livechat.platform.rocketchat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.Optional;

/**
 * Reads Rocket.Chat settings ({@link Collections#SETTINGS}: {@code {_id, value}}) through a cache at most
 * {@link ConfigKey#CACHE_TTL_MS} stale, dropped at once by a {@code setting.changed} event
 * ({@link CacheInvalidation}); an absent setting has its {@link Setting#defaultValue()}.
 */
public final class Settings {

  private static final JsonObject VALUE_ONLY = new JsonObject().put("value", 1);

  private final CachedLookup<String, Optional<Object>> values;

  /** @param config supplies {@link ConfigKey#CACHE_TTL_MS} */
  public Settings(Vertx vertx, MongoClient mongo, JsonObject config) {
    this.values = new CachedLookup<>(vertx, ConfigKey.CACHE_TTL_MS.getLong(config),
        id -> mongo.findOne(Collections.SETTINGS, new JsonObject().put("_id", id), VALUE_ONLY)
            .map(doc -> Optional.ofNullable(doc == null ? null : doc.getValue("value"))));
    CacheInvalidation.of(vertx).register(EventType.SETTING_CHANGED, values, true);
  }

  /** @return the setting's value: a Boolean, String or Number as stored, or the default */
  public Future<Object> value(Setting setting) {
    return values.get(setting.id()).map(value -> value.orElse(setting.defaultValue()));
  }

  /** @return the setting as a boolean ({@code true} or the string {@code "true"}) */
  public Future<Boolean> bool(Setting setting) {
    return value(setting).map(value -> value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value)));
  }

  /**
   * @return the setting as a whole number (a stored Integer, Long or Double is truncated; a numeric string is
   *     parsed); a value that is no number gives the setting's default
   */
  public Future<Long> number(Setting setting) {
    return value(setting).map(value -> asLong(value, setting));
  }

  /** @return the setting as a string */
  public Future<String> string(Setting setting) {
    return value(setting).map(String::valueOf);
  }

  private static long asLong(Object value, Setting setting) {
    if (value instanceof Number number) {
      return number.longValue();
    }
    try {
      return (long) Double.parseDouble(String.valueOf(value).trim());
    } catch (NumberFormatException notANumber) {
      return ((Number) setting.defaultValue()).longValue();
    }
  }
}
