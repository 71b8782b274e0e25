package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.Headers;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The messaging contract of DESIGN.md through the real broker: exactly one reply per command (failures included),
 * dead letters for undecodable records, expired commands not executed, idempotent redelivery.
 */
class MessagingContractTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static TestSystem system;
  private static Commands commands;
  private static Visitors visitors;

  @BeforeAll
  static void start() throws Exception {
    system = TestSystem.start();
    commands = new Commands(system.bootstrapServers());
    visitors = new Visitors(system.api());
  }

  @AfterAll
  static void stop() {
    commands.close();
    system.close();
  }

  private static Command getOrCreate(String token, long deadline) {
    return Command.of(CommandType.ROOM_GET_OR_CREATE, UUID.randomUUID().toString(), commands.replyTopic(), 0,
        deadline, null, new JsonObject().put("token", token).put("source", new JsonObject().put("type", "api")));
  }

  @Test
  @DisplayName("a command gets exactly one SUCCESS reply carrying its correlation id and the result")
  void commandGetsOneReply() throws Exception {
    String token = visitors.create().getString("token");
    Command command = getOrCreate(token, System.currentTimeMillis() + 10_000);

    commands.send(token, command);

    List<ConsumerRecord<String, String>> replies = commands.replies(command.correlationId(), WAIT);
    assertThat(replies).hasSize(1);
    assertThat(Events.header(replies.get(0), Headers.OUTCOME)).isEqualTo("SUCCESS");
    assertThat(new JsonObject(replies.get(0).value()).getJsonObject("room").getJsonObject("v").getString("token"))
        .isEqualTo(token);
  }

  @Test
  @DisplayName("a redelivered get-or-create changes nothing twice: same room, one room in MongoDB")
  void redeliveryIsIdempotent() throws Exception {
    String token = visitors.create().getString("token");
    Command command = getOrCreate(token, System.currentTimeMillis() + 10_000);

    commands.send(token, command);
    List<ConsumerRecord<String, String>> first = commands.replies(command.correlationId(), WAIT);
    commands.send(token, command);
    List<ConsumerRecord<String, String>> second = commands.replies(command.correlationId(), WAIT);

    String rid = new JsonObject(first.get(0).value()).getJsonObject("room").getString("_id");
    assertThat(new JsonObject(second.get(0).value()).getJsonObject("room").getString("_id")).isEqualTo(rid);
    assertThat(system.mongo().count(Collections.ROOMS, new JsonObject().put("v.token", token)).await()).isEqualTo(1);
  }

  @Test
  @DisplayName("a command past its deadline is answered DEADLINE_EXCEEDED and not executed")
  void expiredCommandIsNotExecuted() throws Exception {
    String token = visitors.create().getString("token");
    Command command = getOrCreate(token, System.currentTimeMillis() - 1);

    commands.send(token, command);

    List<ConsumerRecord<String, String>> replies = commands.replies(command.correlationId(), WAIT);
    assertThat(replies).hasSize(1);
    assertThat(Events.header(replies.get(0), Headers.OUTCOME)).isEqualTo("FAILURE");
    assertThat(new JsonObject(replies.get(0).value()).getString("code")).isEqualTo("DEADLINE_EXCEEDED");
    assertThat(system.mongo().count(Collections.ROOMS, new JsonObject().put("v.token", token)).await()).isZero();
  }

  @Test
  @DisplayName("a command that waited longer than COMMAND_MAX_QUEUE_MS since it was sent is answered "
      + "SERVICE_UNAVAILABLE (503) and not executed, though its deadline is still ahead")
  void commandQueuedTooLongIsShed() throws Exception {
    String token = visitors.create().getString("token");
    long now = System.currentTimeMillis();
    Command command = getOrCreate(token, now + 10_000);

    commands.sendAt(token, command, now - 2 * ConfigKey.COMMAND_MAX_QUEUE_MS.getLong(system.config()));

    List<ConsumerRecord<String, String>> replies = commands.replies(command.correlationId(), WAIT);
    assertThat(replies).hasSize(1);
    assertThat(Events.header(replies.get(0), Headers.OUTCOME)).isEqualTo("FAILURE");
    JsonObject failure = new JsonObject(replies.get(0).value());
    assertThat(failure.getString("code")).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(failure.getInteger("status")).isEqualTo(503);
    assertThat(system.mongo().count(Collections.ROOMS, new JsonObject().put("v.token", token)).await()).isZero();
  }

  @Test
  @DisplayName("an unknown command type still gets one FAILURE reply")
  void unknownCommandGetsFailureReply() throws Exception {
    Map<String, String> headers =
        new HashMap<>(getOrCreate("t", System.currentTimeMillis() + 10_000).toRecord("t").headers());
    headers.put(Headers.COMMAND_TYPE, "room.explode");

    commands.send(Topics.ROOM_COMMANDS, "t", headers, "{}");

    List<ConsumerRecord<String, String>> replies = commands.replies(headers.get(Headers.CORRELATION_ID), WAIT);
    assertThat(replies).hasSize(1);
    assertThat(new JsonObject(replies.get(0).value()).getString("code")).isEqualTo("UNKNOWN_COMMAND");
  }

  @Test
  @DisplayName("an undecodable command goes to the dead-letter topic with its reason, and the consumer goes on")
  void undecodableCommandIsDeadLettered() throws Exception {
    String marker = UUID.randomUUID().toString();

    commands.send(Topics.ROOM_COMMANDS, marker, Map.of(Headers.COMMAND_TYPE, "room.get-or-create"), "{broken");

    List<ConsumerRecord<String, String>> letters = Events.read(system.bootstrapServers(),
        Topics.deadLetter(Topics.ROOM_COMMANDS), record -> marker.equals(record.key()), WAIT);
    assertThat(letters).hasSize(1);
    assertThat(Events.header(letters.get(0), Headers.DLT_REASON)).isEqualTo("header correlation-id is missing");
    assertThat(Events.header(letters.get(0), Headers.DLT_ORIGIN)).startsWith(Topics.ROOM_COMMANDS + "-");
    assertThat(letters.get(0).value()).isEqualTo("{broken");

    String token = visitors.create().getString("token");
    assertThat(system.api().get("livechat/room?token=" + token).status()).isEqualTo(200);
  }
}
