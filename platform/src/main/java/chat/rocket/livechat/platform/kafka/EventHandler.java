package chat.rocket.livechat.platform.kafka;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Reacts to one CloudEvent of another service. Must be idempotent: an event can be delivered more than once. */
@FunctionalInterface
public interface EventHandler {

  /**
   * @param subject the event's {@code ce_subject} ({@code rid} or visitor {@code _id})
   * @param data    the event's JSON data ({@code {"room"|"visitor": {...}, "changedFields": [...]}})
   * @return completes when the reaction is done; a failure (or exception) makes the event run again, up to
   *     {@code RECORD_RETRIES} times with backoff, after which it goes to {@code <topic>.dlt}
   */
  Future<Void> handle(String subject, JsonObject data);
}
