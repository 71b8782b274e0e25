package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Headers;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.embedded.EmbeddedKafka;
import chat.rocket.livechat.platform.kafka.CommandHandler;
import chat.rocket.livechat.platform.kafka.CommandLoop;
import chat.rocket.livechat.platform.kafka.EventSubscriber;
import chat.rocket.livechat.platform.kafka.KafkaClients;
import chat.rocket.livechat.platform.kafka.TopicSetup;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.platform.runtime.Meters;
import chat.rocket.livechat.platform.runtime.ServiceRuntime;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.producer.KafkaProducer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * No poison record stalls a partition (issue 9, section 2), through the real broker and the real {@link CommandLoop}
 * and {@link EventSubscriber}: handlers of this test that always fail stand in for a bug or a record nobody can
 * handle. A failing record is tried 1 + {@code RECORD_RETRIES} times, then parked in {@code <topic>.dlt} with its
 * reason, and the records behind it with the same key (same partition) are processed and committed.
 */
class PoisonRecordTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final int RETRIES = 2;
  private static final String COMMAND_GROUP = "poison-test";
  private static final String EVENT_GROUP = "poison-test.events";
  private static final String EVENT_TOPIC = "test.poison.events";
  /** What the handlers saw, in order: correlation ids of commands, subjects of events. */
  private static final List<String> SEEN = new CopyOnWriteArrayList<>();
  private static Path dataDir;
  private static EmbeddedKafka kafka;
  private static ServiceRuntime runtime;
  private static Commands commands;

  @BeforeAll
  static void start() throws Exception {
    dataDir = Files.createTempDirectory("livechat-poison-");
    int port = TestSystem.freePortPair();
    kafka = EmbeddedKafka.start(dataDir, "127.0.0.1", port, port + 1);
    JsonObject config = ConfigKey.fromEnv(Map.of(
        ConfigKey.KAFKA_BOOTSTRAP_SERVERS.env(), kafka.bootstrapServers(),
        ConfigKey.TOPIC_PARTITIONS.env(), "2",
        ConfigKey.RECORD_RETRIES.env(), Integer.toString(RETRIES),
        ConfigKey.RECORD_RETRY_INITIAL_MS.env(), "50",
        ConfigKey.RECORD_RETRY_MAX_MS.env(), "200"));
    runtime = ServiceRuntime.create("poison-test", config);
    Vertx vertx = runtime.vertx();
    TopicSetup.ensure(vertx, config, List.of(Topics.ROOM_COMMANDS, Topics.deadLetter(Topics.ROOM_COMMANDS),
        EVENT_TOPIC, Topics.deadLetter(EVENT_TOPIC))).await();
    vertx.deployVerticle(new Consumers(), new DeploymentOptions().setConfig(config)).await();
    commands = new Commands(kafka.bootstrapServers());
  }

  @AfterAll
  static void stop() {
    commands.close();
    runtime.close().await();
    kafka.close();
    TestSystem.deleteRecursively(dataDir);
  }

  @Test
  @DisplayName("a command whose handler always throws gets one INTERNAL reply, goes to the DLT with its reason after "
      + "its retries, and the command behind it with the same key is answered and committed")
  void failingCommandIsParked() throws Exception {
    String key = "rid-" + UUID.randomUUID();
    Command poison = command(CommandType.ROOM_GET_OR_CREATE);
    Command next = command(CommandType.ROOM_CHANGE_VISITOR);

    commands.send(key, poison);
    RecordMetadata nextStored = commands.send(key, next);

    List<ConsumerRecord<String, String>> poisonReplies = commands.replies(poison.correlationId(), WAIT);
    assertThat(poisonReplies).hasSize(1);
    assertThat(Events.header(poisonReplies.get(0), Headers.OUTCOME)).isEqualTo("FAILURE");
    assertThat(new JsonObject(poisonReplies.get(0).value()).getString("code")).isEqualTo("INTERNAL");
    assertThat(Events.header(commands.replies(next.correlationId(), WAIT).get(0), Headers.OUTCOME))
        .isEqualTo("SUCCESS");
    ConsumerRecord<String, String> letter = deadLetter(Topics.ROOM_COMMANDS, key);
    assertThat(Events.header(letter, Headers.DLT_REASON)).isEqualTo("java.lang.IllegalStateException: store on fire");
    assertThat(Events.header(letter, Headers.DLT_ATTEMPTS)).isEqualTo(Integer.toString(1 + RETRIES));
    assertThat(Events.header(letter, Headers.DLT_GROUP)).isEqualTo(COMMAND_GROUP);
    assertThat(Events.header(letter, Headers.CORRELATION_ID)).isEqualTo(poison.correlationId());
    assertThat(SEEN).containsSubsequence(poison.correlationId(), poison.correlationId(), poison.correlationId(),
        next.correlationId());
    awaitCommitted(COMMAND_GROUP, nextStored);
    assertThat(deadLetters(Topics.ROOM_COMMANDS, "retries-exhausted")).isEqualTo(1.0);
  }

  @Test
  @DisplayName("a CloudEvent whose handler always throws goes to the DLT with its reason after its retries, and the "
      + "event behind it on the same partition is handled and committed")
  void failingEventIsParked() throws Exception {
    String rid = "rid-" + UUID.randomUUID();

    commands.send(EVENT_TOPIC, rid, cloudEvent(rid), new JsonObject().put("poison", true).encode());
    RecordMetadata nextStored = commands.send(EVENT_TOPIC, rid, cloudEvent(rid), "{\"room\":{}}");

    ConsumerRecord<String, String> letter = deadLetter(EVENT_TOPIC, rid);
    assertThat(Events.header(letter, Headers.DLT_REASON))
        .isEqualTo("java.lang.IllegalArgumentException: cannot handle " + rid);
    assertThat(Events.header(letter, Headers.DLT_ATTEMPTS)).isEqualTo(Integer.toString(1 + RETRIES));
    assertThat(Events.header(letter, Headers.DLT_GROUP)).isEqualTo(EVENT_GROUP);
    assertThat(Events.header(letter, Headers.DLT_ORIGIN)).startsWith(EVENT_TOPIC + "-");
    assertThat(letter.value()).isEqualTo("{\"poison\":true}");
    await().atMost(WAIT).until(() -> SEEN.contains(rid + " handled"));
    assertThat(SEEN).containsSubsequence(rid + " failed", rid + " failed", rid + " failed", rid + " handled");
    awaitCommitted(EVENT_GROUP, nextStored);
  }

  @Test
  @DisplayName("a record that is not a CloudEvent goes to the DLT at once, untried, and the event behind it is handled")
  void undecodableEventIsParkedAtOnce() throws Exception {
    String rid = "rid-" + UUID.randomUUID();

    commands.send(EVENT_TOPIC, rid, Map.of(), "no headers, no event");
    RecordMetadata nextStored = commands.send(EVENT_TOPIC, rid, cloudEvent(rid), "{\"room\":{}}");

    ConsumerRecord<String, String> letter = deadLetter(EVENT_TOPIC, rid);
    assertThat(Events.header(letter, Headers.DLT_REASON)).startsWith("not a CloudEvent");
    assertThat(Events.header(letter, Headers.DLT_ATTEMPTS)).isEqualTo("0");
    await().atMost(WAIT).until(() -> SEEN.contains(rid + " handled"));
    assertThat(SEEN).doesNotContain(rid + " failed");
    awaitCommitted(EVENT_GROUP, nextStored);
    assertThat(deadLetters(EVENT_TOPIC, "undecodable")).isEqualTo(1.0);
  }

  private static Command command(CommandType type) {
    return Command.of(type, UUID.randomUUID().toString(), commands.replyTopic(), 0,
        System.currentTimeMillis() + WAIT.toMillis(), null, new JsonObject());
  }

  /** @return the headers of a CloudEvent {@code room.created} about {@code rid} in Kafka binary mode */
  private static Map<String, String> cloudEvent(String rid) {
    return Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
        "ce_source", EventType.ROOM_CREATED.source(), "ce_type", EventType.ROOM_CREATED.type(),
        "ce_subject", rid, "content-type", "application/json");
  }

  private static ConsumerRecord<String, String> deadLetter(String topic, String key) {
    List<ConsumerRecord<String, String>> letters =
        Events.read(kafka.bootstrapServers(), Topics.deadLetter(topic), record -> key.equals(record.key()), WAIT);
    assertThat(letters).hasSize(1);
    return letters.get(0);
  }

  private static double deadLetters(String topic, String reason) {
    return Meters.registry(runtime.vertx()).counter(Meters.DEAD_LETTERS, "topic", topic, "reason", reason).count();
  }

  /** Waits until {@code group} committed an offset past {@code stored} on its partition. */
  private static void awaitCommitted(String group, RecordMetadata stored) {
    TopicPartition partition = new TopicPartition(stored.topic(), stored.partition());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      await().atMost(WAIT).until(() -> {
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
            .get(partition);
        return committed != null && committed.offset() > stored.offset();
      });
    }
  }

  /** The consumers under test, with handlers that always fail for their poison and note what they saw. */
  private static final class Consumers extends VerticleBase {

    private KafkaProducer<String, Buffer> producer;
    private CommandLoop loop;
    private EventSubscriber subscriber;

    @Override
    public Future<?> start() {
      CommandHandler fails = command -> {
        SEEN.add(command.correlationId());
        return Future.failedFuture(new IllegalStateException("store on fire"));
      };
      CommandHandler answers = command -> {
        SEEN.add(command.correlationId());
        return Future.succeededFuture(new JsonObject());
      };
      producer = KafkaClients.sharedProducer(vertx, config());
      loop = new CommandLoop(vertx, config(), Topics.ROOM_COMMANDS, COMMAND_GROUP,
          Map.of(CommandType.ROOM_GET_OR_CREATE, fails, CommandType.ROOM_CHANGE_VISITOR, answers), producer);
      subscriber = new EventSubscriber(vertx, config(), EVENT_TOPIC, EVENT_GROUP, Map.of(EventType.ROOM_CREATED,
          (subject, data) -> {
            if (data.getBoolean("poison", false)) {
              SEEN.add(subject + " failed");
              throw new IllegalArgumentException("cannot handle " + subject);
            }
            SEEN.add(subject + " handled");
            return Future.succeededFuture();
          }));
      return Future.all(loop.start(), subscriber.start());
    }

    @Override
    public Future<?> stop() {
      return Future.join(loop.stop(), subscriber.stop()).eventually(producer::close);
    }
  }
}
