package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.WireRecord;
import chat.rocket.livechat.platform.runtime.ConfigKey;
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
    CommandExecutor executor = new CommandExecutor(handlers);
    List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
    List<Future<Void>> registrations = new ArrayList<>();
    for (CommandType type : handlers.keySet()) {
      MessageConsumer<JsonObject> consumer = vertx.eventBus()
          .localConsumer(type.inProcessAddress(), message -> answer(message, executor));
      consumers.add(consumer);
      registrations.add(consumer.completion());
    }
    return Future.all(registrations).map(consumers);
  }

  private static void answer(Message<JsonObject> message, CommandExecutor executor) {
    Command command = Command.fromRecord(
        new WireRecord(message.address(), null, null, toMap(message.headers()), message.body().toBuffer()));
    executor.execute(command).onSuccess(reply -> message.reply(
        new JsonObject().put("outcome", reply.outcome().name()).put("body", reply.body())));
  }

  private static Map<String, String> toMap(MultiMap headers) {
    Map<String, String> map = new HashMap<>();
    headers.forEach(entry -> map.put(entry.getKey(), entry.getValue()));
    return map;
  }
}
