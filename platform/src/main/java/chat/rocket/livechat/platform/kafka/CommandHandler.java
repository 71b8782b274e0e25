package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.contracts.Command;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Executes one command: its Mongo work and its events, then yields the reply result. A handler must be idempotent:
 * a redelivered command changes nothing twice (DESIGN.md, Consumer groups).
 */
@FunctionalInterface
public interface CommandHandler {

  /**
   * @param command the decoded command
   * @return the SUCCESS result, or a failed Future: a {@link chat.rocket.livechat.contracts.LivechatException} becomes
   *     a FAILURE reply with its code; anything else makes the command run again, up to {@code RECORD_RETRIES} times
   *     with backoff, after which it is answered with {@code INTERNAL} and goes to {@code <topic>.dlt} (see
   *     {@link CommandLoop})
   */
  Future<JsonObject> handle(Command command);
}
