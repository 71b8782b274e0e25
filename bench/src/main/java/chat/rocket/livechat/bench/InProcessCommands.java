package chat.rocket.livechat.bench;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.WireRecord;
import chat.rocket.livechat.platform.kafka.CommandExecutor;
import chat.rocket.livechat.platform.kafka.CommandHandler;
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
 * Answers commands on the local event bus at {@link #address(CommandType)} with a service's own handlers and the same
 * {@link CommandExecutor} as the Kafka path, so the benchmark measures the same work without the Kafka hop. The
 * message headers are the command's Kafka headers and the body its JSON body; the reply is
 * {@code {"outcome": "SUCCESS"|"FAILURE", "body": {...}}} like a Kafka reply.
 */
public final class InProcessCommands {

  private InProcessCommands() {
  }

  /** @return the local event-bus address of {@code type}, e.g. {@code livechat.in-process.room.get-or-create} */
  public static String address(CommandType type) {
    return "livechat.in-process." + type.wireName();
  }

  /**
   * @param handlers a service's handlers (e.g. those of {@code RoomServiceVerticle.define(clients).commands()})
   * @return completes with the registered consumers (unregistered with the verticle that registered them)
   */
  public static Future<List<MessageConsumer<JsonObject>>> register(Vertx vertx,
                                                                  Map<CommandType, CommandHandler> handlers) {
    CommandExecutor executor = new CommandExecutor(handlers);
    List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
    List<Future<Void>> registrations = new ArrayList<>();
    for (CommandType type : handlers.keySet()) {
      MessageConsumer<JsonObject> consumer = vertx.eventBus()
          .localConsumer(address(type), message -> answer(message, executor));
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
