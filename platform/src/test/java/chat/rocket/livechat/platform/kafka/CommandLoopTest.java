package chat.rocket.livechat.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.Outcome;
import chat.rocket.livechat.contracts.Reply;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.contracts.WireRecord;
import chat.rocket.livechat.embedded.EmbeddedKafka;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.producer.KafkaProducer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The command loop against a real broker, with a handler the test holds (DESIGN.md, Command headers; issue 12): a
 * command waiting behind a slow command of its key is not run when its turn comes too late, whether its deadline has
 * passed or it has waited longer than {@link ConfigKey#COMMAND_MAX_QUEUE_MS}; it is answered at once instead.
 */
class CommandLoopTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final long MAX_QUEUE_MS = 500;
  private static EmbeddedKafka broker;
  private static Vertx vertx;
  private static final String REPLY_TOPIC = "command-loop-test-replies";
  private static KafkaConsumer<String, byte[]> replies;
  /** Correlation ids the handler ran. */
  private static final Set<String> RAN = ConcurrentHashMap.newKeySet();
  /** Correlation id → the result the handler waits for before it answers. */
  private static final Map<String, Promise<JsonObject>> HELD = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafka.startTemporary();
    vertx = Vertx.vertx();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(Topics.ROOM_COMMANDS, 1, (short) 1),
          new NewTopic(REPLY_TOPIC, 1, (short) 1))).all().get();
    }
    JsonObject config = new JsonObject().put(ConfigKey.KAFKA_BOOTSTRAP_SERVERS.name(), broker.bootstrapServers())
        .put(ConfigKey.COMMAND_MAX_QUEUE_MS.name(), MAX_QUEUE_MS);
    vertx.deployVerticle(new Service(config)).await(WAIT.toSeconds(), TimeUnit.SECONDS);
    replies = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
    replies.assign(List.of(new TopicPartition(REPLY_TOPIC, 0)));
  }

  @AfterAll
  static void stop() {
    HELD.values().forEach(promise -> promise.tryComplete(new JsonObject()));
    replies.close();
    vertx.close().await();
    broker.close();
  }

  @Test
  @DisplayName("a command whose deadline passed while it waited behind a slow one of its key is answered "
      + "DEADLINE_EXCEEDED and never run")
  void expiredBehindSlowCommandIsDropped() throws Exception {
    String key = UUID.randomUUID().toString();
    Command slow = command(System.currentTimeMillis() + 60_000);
    Command behind = command(System.currentTimeMillis() + 200);
    HELD.put(slow.correlationId(), Promise.promise());

    send(key, slow, behind);
    await().atMost(WAIT).until(() -> RAN.contains(slow.correlationId()));
    await().atMost(WAIT).until(() -> behind.isExpired(System.currentTimeMillis()));
    HELD.get(slow.correlationId()).complete(new JsonObject());

    Map<String, Reply> answered = awaitReplies(slow, behind);
    assertThat(answered.get(slow.correlationId()).outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(answered.get(behind.correlationId()).failure().code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED);
    assertThat(RAN).doesNotContain(behind.correlationId());
  }

  @Test
  @DisplayName("a command that waited longer than COMMAND_MAX_QUEUE_MS behind a slow one of its key is answered "
      + "SERVICE_UNAVAILABLE (503) and never run, though its deadline is still ahead")
  void queuedTooLongIsShed() throws Exception {
    String key = UUID.randomUUID().toString();
    long sent = System.currentTimeMillis();
    Command slow = command(sent + 60_000);
    Command behind = command(sent + 60_000);
    HELD.put(slow.correlationId(), Promise.promise());

    send(key, slow, behind);
    await().atMost(WAIT).until(() -> RAN.contains(slow.correlationId()));
    await().atMost(WAIT).until(() -> System.currentTimeMillis() > sent + 2 * MAX_QUEUE_MS);
    HELD.get(slow.correlationId()).complete(new JsonObject());

    Map<String, Reply> answered = awaitReplies(slow, behind);
    assertThat(answered.get(slow.correlationId()).outcome()).isEqualTo(Outcome.SUCCESS);
    Reply shed = answered.get(behind.correlationId());
    assertThat(shed.failure().code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    assertThat(shed.failure().status()).isEqualTo(503);
    assertThat(RAN).doesNotContain(behind.correlationId());
  }

  private static Command command(long deadline) {
    return Command.of(CommandType.ROOM_GET_OR_CREATE, UUID.randomUUID().toString(), REPLY_TOPIC, 0, deadline, null,
        new JsonObject());
  }

  private static void send(String key, Command... commands) {
    for (Command command : commands) {
      vertx.runOnContext(v -> Service.producer.send(KafkaRecords.toProducer(command.toRecord(key))));
    }
  }

  private static Map<String, Reply> awaitReplies(Command... commands) {
    Map<String, Reply> answered = new ConcurrentHashMap<>();
    await().atMost(WAIT).until(() -> {
      for (ConsumerRecord<String, byte[]> record : replies.poll(Duration.ofMillis(100))) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        Reply reply = Reply.fromRecord(new WireRecord(record.topic(), record.partition(), record.key(), headers,
            Buffer.buffer(record.value())));
        answered.put(reply.correlationId(), reply);
      }
      return List.of(commands).stream().allMatch(c -> answered.containsKey(c.correlationId()));
    });
    return answered;
  }

  /** The service side: one command loop on the room-command topic whose handler the test holds. */
  private static final class Service extends VerticleBase {

    private static KafkaProducer<String, Buffer> producer;
    private final JsonObject config;
    private CommandLoop loop;

    Service(JsonObject config) {
      this.config = config;
    }

    @Override
    public Future<?> start() {
      producer = KafkaClients.sharedProducer(vertx, config);
      loop = new CommandLoop(vertx, config, Topics.ROOM_COMMANDS, "command-loop-test",
          Map.of(CommandType.ROOM_GET_OR_CREATE, Service::handle), producer);
      return loop.start();
    }

    @Override
    public Future<?> stop() {
      return loop.stop();
    }

    private static Future<JsonObject> handle(Command command) {
      RAN.add(command.correlationId());
      Promise<JsonObject> promise = HELD.get(command.correlationId());
      return promise == null ? Future.succeededFuture(new JsonObject()) : promise.future();
    }
  }
}
