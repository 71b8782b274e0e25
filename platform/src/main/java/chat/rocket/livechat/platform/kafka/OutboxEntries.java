package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The record half of the {@link Outbox}: pending entries and the writes that carry them in the same single-document
 * write as the change (issue 9 §1). An entry is {@code {id, type, time, changedFields?}} ({@code id} becomes
 * {@code ce_id}, {@code time} {@code ce_time}), or with {@code data} fixed at write time ({@link #frozenEntry}); it
 * lives in the document's array {@link MongoDocs#OUTBOX_FIELD} until the relay published it.
 */
public final class OutboxEntries {

  private static final String FIELD = MongoDocs.OUTBOX_FIELD;

  private OutboxEntries() {
  }

  /**
   * @param changedFields the fields the change touches; null = every field of the document (a creation)
   * @return a pending entry {@code {id: <UUID>, type: <ce_type>, time: <ISO ms>, changedFields?: [...]}}
   */
  public static JsonObject entry(EventType type, Collection<String> changedFields) {
    JsonObject entry = new JsonObject().put("id", UUID.randomUUID().toString()).put("type", type.type())
        .put("time", MongoDocs.iso(Instant.now()));
    return changedFields == null ? entry : entry.put("changedFields", new JsonArray(new ArrayList<>(changedFields)));
  }

  /**
   * A pending entry whose data is fixed when the change is written instead of rendered by the relay from the
   * document: for events about something the outbox's document holds no copy of (a room's messages, recorded in the
   * room's outbox so that they keep their order with the room's own events). The relay publishes it as it is.
   *
   * @param data the event data, e.g. {@code {"message": {...}}} (API form: ISO dates)
   * @return {@code {id, type, time, data: <data as JSON text>}}
   */
  public static JsonObject frozenEntry(EventType type, JsonObject data) {
    return frozen(entry(type, (Collection<String>) null), data);
  }

  /**
   * A {@link #frozenEntry} made from a pending entry chosen earlier (its id and time kept), e.g. a planned creation's
   * {@code room.created}, rebuilt the same by whoever finishes the creation.
   *
   * @param entry a pending entry {@code {id, type, time}} ({@link #entry}), not changed
   * @return a copy with {@code data: <data as JSON text>}
   */
  public static JsonObject frozen(JsonObject entry, JsonObject data) {
    return entry.copy().put("data", data.encode());
  }

  /** @return {@code document} (modified) carrying {@code entry} as its only pending event, ready to insert */
  public static JsonObject inserting(JsonObject document, JsonObject entry) {
    return document.put(FIELD, new JsonArray().add(entry));
  }

  /** @return a copy of the update ({@code $set}/{@code $unset}/...) that also {@code $push}es {@code entry} */
  public static JsonObject pushing(JsonObject update, JsonObject entry) {
    return update.copy().put("$push", new JsonObject().put(FIELD, entry));
  }

  /** @return a copy of the update that also {@code $push}es {@code entries}, published in this order */
  public static JsonObject pushingAll(JsonObject update, List<JsonObject> entries) {
    return update.copy().put("$push", new JsonObject().put(FIELD,
        new JsonObject().put("$each", new JsonArray(new ArrayList<>(entries)))));
  }
}
