package chat.rocket.livechat.room;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.runtime.ServiceClients;
import chat.rocket.livechat.platform.runtime.ServiceDefinition;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link RoomServiceVerticle#define} is public so that code in the same JVM can run the room-service's handlers
 * without deploying the verticle (the benchmark's in-process baseline does): the definition must be built from the
 * clients alone, never from the undeployed verticle's own {@code vertx} (null there).
 */
class RoomServiceDefinitionTest {

  private Vertx vertx;
  private ServiceClients clients;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    clients = ServiceClients.create(vertx, new JsonObject());
  }

  @AfterEach
  void stop() {
    clients.close().await();
    vertx.close().await();
  }

  @Test
  @DisplayName("an undeployed room-service defines a handler for every room command from its clients alone")
  void definedOutsideADeployment() {
    ServiceDefinition definition = new RoomServiceVerticle().define(clients);

    assertThat(definition.commands().handlers().keySet()).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(CommandType.values()).filter(type -> Topics.ROOM_COMMANDS.equals(type.topic())).toList());
  }
}
