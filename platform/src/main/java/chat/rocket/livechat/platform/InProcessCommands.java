package chat.rocket.livechat.platform;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Outcome;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark only ({@link ConfigKey#BENCH_ROUTES}): answers commands on the local event bus at
 * {@link CommandType#inProcessAddress()} with the service's own handlers, so the benchmark can measure the same work
 * without the Kafka hop. The message headers are the command's Kafka headers and the body its JSON body; the reply is
 * {@code {"outcome": "SUCCESS"|"FAILURE", "body": {...}}} like a Kafka reply.
 */
public final class InProcessCommands {

  private InProcessCommands() {
  }

  /**
   * @param handlers the service's handlers
   * @return completes with the registered consumers (unregistered with the verticle)
   */
  public static Future<List<MessageConsumer<JsonObject>>> register(Vertx vertx,
                                                                  Map<CommandType, CommandHandler> handlers) {
    List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
    List<Future<Void>> registrations = new ArrayList<>();
    handlers.forEach((type, handler) -> {
      MessageConsumer<JsonObject> consumer = vertx.eventBus()
          .localConsumer(type.inProcessAddress(), message -> answer(message, handler));
      consumers.add(consumer);
      registrations.add(consumer.completion());
    });
    return Future.all(registrations).map(consumers);
  }

  private static void answer(Message<JsonObject> message, CommandHandler handler) {
    Command command = Command.decode(toMap(message.headers()), message.body().toBuffer());
    Future<JsonObject> result;
    try {
      result = handler.handle(command);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result
        .map(body -> new JsonObject().put("outcome", Outcome.SUCCESS.name()).put("body", body))
        .otherwise(failure -> new JsonObject().put("outcome", Outcome.FAILURE.name()).put("body",
            (failure instanceof LivechatException e ? e
                : new LivechatException(chat.rocket.livechat.contracts.ErrorCode.INTERNAL)).toReplyBody()))
        .onSuccess(message::reply);
  }

  private static Map<String, String> toMap(MultiMap headers) {
    Map<String, String> map = new HashMap<>();
    headers.forEach(entry -> map.put(entry.getKey(), entry.getValue()));
    return map;
  }
}
