package chat.rocket.livechat.platform.rocketchat;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Converts between the Vert.x Mongo client's extended JSON and the API's JSON (DECISIONS.md, Bodies and codes): a
 * BSON date ({@code {"$date": ...}}) is rendered as an ISO-8601 UTC string with milliseconds
 * ({@code 2023-03-30T16:40:48.026Z}); an ObjectId ({@code {"$oid": hex}}) as its hex string. The outbox field
 * {@link #OUTBOX_FIELD} is this system's own bookkeeping and never rendered.
 */
public final class MongoDocs {

  /**
   * Top-level field holding a document's pending events (the transactional outbox, {@code platform.kafka.Outbox});
   * named so that it cannot collide with a Rocket.Chat field. {@link #toApi} drops it, so it reaches no reply and no
   * event.
   */
  public static final String OUTBOX_FIELD = "_livechatPendingEvents";

  /**
   * @param document a stored document as read
   * @return true when its {@link #OUTBOX_FIELD} holds an event not yet published (a settled document has none, or an
   *     empty array)
   */
  public static boolean hasPendingEvents(JsonObject document) {
    return document.getValue(OUTBOX_FIELD) instanceof JsonArray pending && !pending.isEmpty();
  }

  /**
   * @param failure a failed MongoDB write
   * @return true for a duplicate-key error (code 11000: a document with that {@code _id}, or that unique index key,
   *     exists)
   */
  public static boolean isDuplicateKey(Throwable failure) {
    return failure instanceof MongoException mongoError
        && ErrorCategory.fromErrorCode(mongoError.getCode()) == ErrorCategory.DUPLICATE_KEY;
  }

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private MongoDocs() {
  }

  /** @return the current time as a Mongo date value, {@code {"$date": "<iso>"}} */
  public static JsonObject now() {
    return date(Instant.now());
  }

  /** @return {@code instant} as a Mongo date value, truncated to ms */
  public static JsonObject date(Instant instant) {
    return new JsonObject().put("$date", iso(instant));
  }

  /** @return {@code instant} as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} */
  public static String iso(Instant instant) {
    return ISO_MILLIS.format(instant);
  }

  /**
   * @param document a document as read by the Vert.x Mongo client (not modified)
   * @return a copy with every date and ObjectId in API form, without {@link #OUTBOX_FIELD}
   */
  public static JsonObject toApi(JsonObject document) {
    JsonObject api = toApiObject(document);
    api.remove(OUTBOX_FIELD);
    return api;
  }

  private static JsonObject toApiObject(JsonObject document) {
    JsonObject api = new JsonObject();
    for (Map.Entry<String, Object> field : document) {
      api.put(field.getKey(), toApiValue(field.getValue()));
    }
    return api;
  }

  private static Object toApiValue(Object value) {
    if (value instanceof JsonObject object) {
      if (object.size() == 1 && object.containsKey("$date")) {
        return isoOf(object.getValue("$date"));
      }
      if (object.size() == 1 && object.containsKey("$oid")) {
        return object.getString("$oid");
      }
      return toApiObject(object);
    }
    if (value instanceof JsonArray array) {
      JsonArray api = new JsonArray();
      array.forEach(item -> api.add(toApiValue(item)));
      return api;
    }
    return value;
  }

  private static String isoOf(Object date) {
    if (date instanceof Number millis) {
      return iso(Instant.ofEpochMilli(millis.longValue()));
    }
    if (date instanceof JsonObject numberLong && numberLong.containsKey("$numberLong")) {
      return iso(Instant.ofEpochMilli(Long.parseLong(numberLong.getString("$numberLong"))));
    }
    return iso(java.time.OffsetDateTime.parse(date.toString()).toInstant());
  }
}
