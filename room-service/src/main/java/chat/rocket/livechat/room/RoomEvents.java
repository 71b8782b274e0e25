package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.platform.kafka.Outbox;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Room events on {@code livechat.room.events} through the rooms' {@link Outbox}: key and {@code ce_subject} =
 * {@code rid}, data = {@code {"room": <room after the change, ISO dates>, "changedFields": [...]}} (DESIGN.md, Events).
 * A handler records the event in its room write ({@link #pending}) and publishes it after its last write
 * ({@link #publish}).
 */
final class RoomEvents {

  private final Outbox outbox;

  RoomEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  /**
   * @param changedFields the fields the change touches; null = every field (a creation)
   * @return a pending entry to put in the room write ({@link OutboxEntries#inserting}, {@link OutboxEntries#pushing})
   */
  static JsonObject pending(EventType type, Collection<String> changedFields) {
    return OutboxEntries.entry(type, changedFields);
  }

  /**
   * Publishes the pending events of a room this call has just inserted, with their data frozen in them, without
   * reading it back ({@link Outbox#publishInserted}).
   *
   * @param pending the inserted room's outbox entries
   */
  Future<Void> publishInserted(String rid, JsonArray pending) {
    List<JsonObject> entries = new ArrayList<>();
    pending.forEach(entry -> entries.add((JsonObject) entry));
    return outbox.publishInserted(rid, entries);
  }

  /**
   * Publishes the pending events of a room from the image its last write returned ({@link Outbox#publishWritten}).
   *
   * @param room the room after the write, as stored (outbox included)
   * @return the room without its outbox, once its pending events are published (and acknowledged)
   */
  Future<JsonObject> publishWritten(JsonObject room) {
    return outbox.publishWritten(room);
  }

  /** @return the room as read before its pending events were published (and acknowledged), or null when gone */
  Future<JsonObject> publish(String rid) {
    return outbox.publishPending(rid);
  }
}
