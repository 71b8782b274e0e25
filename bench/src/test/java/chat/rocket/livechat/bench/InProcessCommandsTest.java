package chat.rocket.livechat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.platform.kafka.CommandHandler;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The in-process command path of the baseline: {@link InProcessCommandSender} to handlers registered by
 * {@link InProcessCommands}, over a real local event bus, with the same outcome rules as the Kafka path.
 */
class InProcessCommandsTest {

  private final Vertx vertx = Vertx.vertx();
  private final InProcessCommandSender sender = new InProcessCommandSender(vertx, ConfigKey.fromEnv(Map.of()));
  private final List<String> correlationIds = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("a command sent in-process runs the registered handler on its type and body, returns its result and "
      + "tells the caller its correlation id")
  void successReplyCarriesHandlerBody() {
    register(command -> Future.succeededFuture(new JsonObject().put("token", command.body().getString("token"))
        .put("type", command.typeName()).put("correlationId", command.correlationId())));

    JsonObject reply = request(new JsonObject().put("token", "iNKE8a6k6cjbqWhWd")).await();

    assertThat(reply.getString("token")).isEqualTo("iNKE8a6k6cjbqWhWd");
    assertThat(reply.getString("type")).isEqualTo(CommandType.ROOM_GET_OR_CREATE.wireName());
    assertThat(correlationIds).containsExactly(reply.getString("correlationId"));
  }

  @Test
  @DisplayName("a handler's Rocket.Chat error comes back as the same error code")
  void failureReplyKeepsErrorCode() {
    register(command -> Future.failedFuture(new LivechatException(ErrorCode.INVALID_TOKEN)));

    Throwable failure = catchThrowable(() -> request(new JsonObject().put("token", "x")).await());

    assertThat(failure).isInstanceOf(LivechatException.class);
    assertThat(((LivechatException) failure).code()).isEqualTo(ErrorCode.INVALID_TOKEN);
  }

  @Test
  @DisplayName("a command no handler is registered for fails with error-timeout (504) at once")
  void noHandlerIsTimeout() {
    Throwable failure = catchThrowable(() -> request(new JsonObject().put("token", "x")).await());

    assertThat(failure).isInstanceOf(LivechatException.class);
    assertThat(((LivechatException) failure).code()).isEqualTo(ErrorCode.TIMEOUT);
  }

  private void register(CommandHandler handler) {
    InProcessCommands.register(vertx, Map.of(CommandType.ROOM_GET_OR_CREATE, handler)).await();
  }

  private Future<JsonObject> request(JsonObject body) {
    return sender.request(correlationIds::add, CommandType.ROOM_GET_OR_CREATE, body.getString("token"), null, body);
  }
}
