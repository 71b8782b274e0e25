package chat.rocket.livechat.gateway.realtime;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * Event data to the EJSON a DDP client expects: the services' events carry dates as ISO-8601 strings (DESIGN.md,
 * Events), Meteor sends them as {@code {"$date": <epoch ms>}} (the widget reads {@code message.ts.$date}). Only the
 * date fields of Rocket.Chat's documents are converted, at any depth (a message's {@code ts}, {@code _updatedAt},
 * {@code editedAt}, an attachment's {@code ts}, ...), so a message text that looks like a date stays text.
 */
final class Ejson {

  /** Field names whose values are dates in Rocket.Chat's message, room, user and agent documents. */
  static final Set<String> DATE_FIELDS = Set.of("ts", "_updatedAt", "editedAt", "pinnedAt", "createdAt", "closedAt",
      "lm", "lastMessageTs", "ls", "lastLogin", "expireAt", "when");

  private Ejson() {
  }

  /** @return a copy of {@code document} with its date fields as {@code {"$date": ms}} */
  static JsonObject dates(JsonObject document) {
    JsonObject copy = new JsonObject();
    for (Map.Entry<String, Object> field : document) {
      copy.put(field.getKey(), DATE_FIELDS.contains(field.getKey()) ? date(field.getValue())
          : value(field.getValue()));
    }
    return copy;
  }

  private static Object value(Object value) {
    if (value instanceof JsonObject object) {
      return dates(object);
    }
    if (value instanceof JsonArray array) {
      JsonArray copy = new JsonArray();
      array.forEach(item -> copy.add(value(item)));
      return copy;
    }
    return value;
  }

  private static Object date(Object value) {
    if (value instanceof String iso) {
      try {
        return new JsonObject().put("$date", OffsetDateTime.parse(iso).toInstant().toEpochMilli());
      } catch (DateTimeParseException notADate) {
        return iso;
      }
    }
    return value(value);
  }
}
