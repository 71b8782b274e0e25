package chat.rocket.livechat.bench;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Outcome;
import chat.rocket.livechat.gateway.messaging.CommandSender;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Sends commands over the local event bus to the handlers {@link InProcessCommands} registered in the same JVM, so the
 * baseline runs the same handler as the Kafka path without the Kafka hop. Times out after
 * {@link ConfigKey#REPLY_TIMEOUT_MS} with {@link ErrorCode#TIMEOUT} (504); a FAILURE reply fails with its
 * {@link LivechatException}.
 */
public final class InProcessCommandSender implements CommandSender {

  private final Vertx vertx;
  private final long timeoutMs;

  /**
   * @param vertx  the event bus the in-process handlers listen on, and the reply timer
   * @param config the process configuration; reads {@link ConfigKey#REPLY_TIMEOUT_MS} (ms before a 504)
   */
  public InProcessCommandSender(Vertx vertx, JsonObject config) {
    this.vertx = vertx;
    this.timeoutMs = ConfigKey.REPLY_TIMEOUT_MS.getLong(config);
  }

  @Override
  public Future<JsonObject> request(Consumer<String> sent, CommandType type, String key, Caller caller,
                                    JsonObject body) {
    String correlationId = UUID.randomUUID().toString();
    sent.accept(correlationId);
    Command command = Command.of(type, correlationId, "in-process", 0,
        System.currentTimeMillis() + timeoutMs, caller, body);
    DeliveryOptions options = new DeliveryOptions().setLocalOnly(true).setSendTimeout(timeoutMs);
    command.toRecord(key).headers().forEach(options::addHeader);
    return vertx.eventBus().<JsonObject>request(InProcessCommands.address(type), body, options)
        .recover(e -> Future.failedFuture(new LivechatException(ErrorCode.TIMEOUT)))
        .compose(reply -> Outcome.SUCCESS.name().equals(reply.body().getString("outcome"))
            ? Future.succeededFuture(reply.body().getJsonObject("body"))
            : Future.failedFuture(LivechatException.fromReplyBody(reply.body().getJsonObject("body"))));
  }
}
