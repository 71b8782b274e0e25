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
 * the handler's result is a SUCCESS reply and a {@link LivechatException} a FAILURE with its code, both the caller's
 * business. Anything else is unexpected: {@link #attempt(Command)} fails with it, so that the {@link CommandLoop}
 * retries the command and, when it keeps failing, answers {@link ErrorCode#INTERNAL} and parks it in the dead-letter
 * topic; {@link #execute(Command)} answers it with {@link ErrorCode#INTERNAL} at once (cause logged with the
 * correlation id), for code that runs a service's handlers without Kafka in the same JVM.
 */
public final class CommandExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(CommandExecutor.class);

  private final Map<CommandType, CommandHandler> handlers;

  /** @param handlers one handler per command type the service executes */
  public CommandExecutor(Map<CommandType, CommandHandler> handlers) {
    this.handlers = Map.copyOf(handlers);
  }

  /** @return the reply of {@code command}; always succeeds, an unexpected failure becomes an INTERNAL reply */
  public Future<Reply> execute(Command command) {
    return attempt(command).recover(failure -> {
      LOG.error("{} correlation-id={} failed unexpectedly", command.typeName(), command.correlationId(), failure);
      return Future.succeededFuture(internalFailure(command));
    });
  }

  /**
   * @return the reply of {@code command}; fails with the handler's failure when it is not a {@link LivechatException}
   *     (not the caller's fault)
   */
  public Future<Reply> attempt(Command command) {
    if (command.isExpired(System.currentTimeMillis())) {
      // DEBUG: under overload this is one line per dropped command; Meters.COMMANDS_HANDLED counts them.
      LOG.debug("dropping {} correlation-id={}: deadline passed", command.typeName(), command.correlationId());
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
        .recover(failure -> failure instanceof LivechatException expected
            ? Future.succeededFuture(Reply.failure(command.correlationId(), expected))
            : Future.failedFuture(failure));
  }

  /** @return the {@link ErrorCode#INTERNAL} FAILURE reply of a command that failed unexpectedly */
  public static Reply internalFailure(Command command) {
    return Reply.failure(command.correlationId(), new LivechatException(ErrorCode.INTERNAL));
  }
}
