package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one decoded command into its one {@link Reply} (STYLE.md P6): a command past its deadline is answered
 * {@link ErrorCode#DEADLINE_EXCEEDED} without running, an unknown type {@link ErrorCode#UNKNOWN_COMMAND}; otherwise
 * the handler's result is a SUCCESS reply, a {@link LivechatException} a FAILURE with its code, and anything else a
 * FAILURE with {@link ErrorCode#INTERNAL} (cause logged with the correlation id). The returned Future never fails.
 * Used by the Kafka {@link CommandLoop} and by anything that runs a service's handlers without Kafka in the same JVM,
 * so both run the same rules.
 */
public final class CommandExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(CommandExecutor.class);

  private final Map<CommandType, CommandHandler> handlers;

  /** @param handlers one handler per command type the service executes */
  public CommandExecutor(Map<CommandType, CommandHandler> handlers) {
    this.handlers = Map.copyOf(handlers);
  }

  /** @return the reply of {@code command}; always succeeds */
  public Future<Reply> execute(Command command) {
    if (command.isExpired(System.currentTimeMillis())) {
      LOG.info("dropping {} correlation-id={}: deadline passed", command.typeName(), command.correlationId());
      return Future.succeededFuture(Reply.failure(command.correlationId(),
          new LivechatException(ErrorCode.DEADLINE_EXCEEDED)));
    }
    CommandHandler handler = command.type().map(handlers::get).orElse(null);
    if (handler == null) {
      LOG.warn("unknown command type '{}' correlation-id={}", command.typeName(), command.correlationId());
      return Future.succeededFuture(Reply.failure(command.correlationId(),
          new LivechatException(ErrorCode.UNKNOWN_COMMAND)));
    }
    Future<JsonObject> result;
    try {
      result = handler.handle(command);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    return result
        .map(body -> Reply.success(command.correlationId(), body))
        .recover(failure -> Future.succeededFuture(Reply.failure(command.correlationId(), classify(command, failure))));
  }

  private static LivechatException classify(Command command, Throwable failure) {
    if (failure instanceof LivechatException expected) {
      return expected;
    }
    LOG.error("{} correlation-id={} failed unexpectedly", command.typeName(), command.correlationId(), failure);
    return new LivechatException(ErrorCode.INTERNAL);
  }
}
