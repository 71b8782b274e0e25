package chat.rocket.livechat.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.Headers;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Reply;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.contracts.WireRecord;
import chat.rocket.livechat.embedded.EmbeddedKafka;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The gateway's requester on its own against a real broker (STYLE.md P5, P11): the test plays the service by hand,
 * reading the command records with a plain Kafka consumer and answering (or not) through the contracts' codec. Two
 * requesters share the reply topic as two HTTP verticles do, one partition each: a quick one
 * ({@code REPLY_TIMEOUT_MS} = {@value #QUICK_TIMEOUT_MS}) for the timeouts, a patient one for the replies, so that a
 * slow machine cannot turn a reply into a timeout.
 */
class KafkaRequesterTest {

  private static final long QUICK_TIMEOUT_MS = 500;
  private static final long PATIENT_TIMEOUT_MS = 20_000;
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String REPLY_TOPIC = Topics.replies("requester-test-" + UUID.randomUUID());
  private static final CommandType TYPE = CommandType.VISITOR_GET_BY_TOKEN;
  private static EmbeddedKafka broker;
  private static Vertx vertx;
  private static RequesterVerticle quick;
  private static RequesterVerticle patient;
  private static KafkaConsumer<String, String> service;
  private static KafkaProducer<String, String> replies;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger requesterLog = (Logger) LoggerFactory.getLogger(KafkaRequester.class);

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafka.startTemporary();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(REPLY_TOPIC, 2, (short) 1), new NewTopic(TYPE.topic(), 1, (short) 1)))
          .all().get();
    }
    vertx = Vertx.vertx();
    quick = deploy(0, QUICK_TIMEOUT_MS);
    patient = deploy(1, PATIENT_TIMEOUT_MS);
    service = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
    service.assign(List.of(new TopicPartition(TYPE.topic(), 0)));
    replies = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
  }

  private static RequesterVerticle deploy(int replyPartition, long timeoutMs) {
    RequesterVerticle requester = new RequesterVerticle(replyPartition);
    JsonObject config = new JsonObject().put(ConfigKey.KAFKA_BOOTSTRAP_SERVERS.name(), broker.bootstrapServers())
        .put(ConfigKey.REPLY_TIMEOUT_MS.name(), Long.toString(timeoutMs));
    vertx.deployVerticle(requester, new DeploymentOptions().setConfig(config)).await();
    return requester;
  }

  @AfterAll
  static void stop() throws Exception {
    replies.close();
    service.close();
    vertx.close().await();
    broker.close();
  }

  @BeforeEach
  void captureLog() {
    log.start();
    requesterLog.addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    requesterLog.detachAppender(log);
  }

  @Test
  @DisplayName("a SUCCESS reply completes the request with its body, and the listener learns the command's "
      + "correlation id")
  void replyCompletesRequest() throws Exception {
    List<String> sent = new CopyOnWriteArrayList<>();
    Future<JsonObject> result = patient.request(sent, "token-1", new JsonObject().put("token", "token-1"));

    Command command = awaitCommand("token-1");
    reply(Reply.success(command.correlationId(), new JsonObject().put("visitor", "v-1")).toRecord(command));

    assertThat(result.await(PATIENT_TIMEOUT_MS, TimeUnit.MILLISECONDS))
        .isEqualTo(new JsonObject().put("visitor", "v-1"));
    assertThat(sent).containsExactly(command.correlationId());
    assertThat(command.body()).isEqualTo(new JsonObject().put("token", "token-1"));
    assertThat(command.replyTo()).isEqualTo(REPLY_TOPIC);
  }

  @Test
  @DisplayName("a FAILURE reply fails the request with the reply's error code")
  void failureReplyFailsRequest() throws Exception {
    Future<JsonObject> result = patient.request(new ArrayList<>(), "token-2", new JsonObject());

    Command command = awaitCommand("token-2");
    reply(Reply.failure(command.correlationId(), new LivechatException(ErrorCode.VISITOR_NOT_FOUND))
        .toRecord(command));

    assertThat(failureOf(result).code()).isEqualTo(ErrorCode.VISITOR_NOT_FOUND);
  }

  @Test
  @DisplayName("a request whose reply never comes fails with TIMEOUT once REPLY_TIMEOUT_MS have passed, not before")
  void missingReplyTimesOut() {
    long started = System.nanoTime();
    Future<JsonObject> result = quick.request(new ArrayList<>(), "token-3", new JsonObject());

    LivechatException failure = failureOf(result);

    long elapsedMs = (System.nanoTime() - started) / 1_000_000;
    assertThat(failure.code()).isEqualTo(ErrorCode.TIMEOUT);
    assertThat(elapsedMs).isBetween(QUICK_TIMEOUT_MS, WAIT.toMillis());
    assertThat(messages()).anyMatch(line -> line.endsWith("got no reply within " + QUICK_TIMEOUT_MS + " ms"));
  }

  @Test
  @DisplayName("a reply that arrives after the timeout is dropped and logged as late")
  void lateReplyIsDropped() throws Exception {
    Future<JsonObject> result = quick.request(new ArrayList<>(), "token-4", new JsonObject());
    Command command = awaitCommand("token-4");
    assertThat(failureOf(result).code()).isEqualTo(ErrorCode.TIMEOUT);

    reply(Reply.success(command.correlationId(), new JsonObject()).toRecord(command));

    await().atMost(WAIT).until(() -> messages().contains(
        "late or foreign reply correlation-id=" + command.correlationId() + " dropped"));
    assertThat(failureOf(result).code()).isEqualTo(ErrorCode.TIMEOUT);
  }

  @Test
  @DisplayName("a reply without correlation-id header is dropped and logged with the contract, and the requester "
      + "goes on answering")
  void replyWithoutCorrelationIdIsDropped() throws Exception {
    Future<JsonObject> result = patient.request(new ArrayList<>(), "token-5", new JsonObject());
    Command command = awaitCommand("token-5");
    WireRecord real = Reply.success(command.correlationId(), new JsonObject().put("ok", true)).toRecord(command);
    Map<String, String> headers = new HashMap<>(real.headers());
    headers.remove(Headers.CORRELATION_ID);

    reply(new WireRecord(real.topic(), real.partition(), null, headers, real.body()));
    reply(real);

    assertThat(result.await(PATIENT_TIMEOUT_MS, TimeUnit.MILLISECONDS)).isEqualTo(new JsonObject().put("ok", true));
    assertThat(messages()).anyMatch(line -> line.startsWith("dropping reply " + REPLY_TOPIC + "-1@")
        && line.endsWith("header correlation-id is missing; a reply carries headers correlation-id and outcome and "
        + "a JSON body"));
  }

  /** Reads the command topic until the command keyed {@code key} arrives, and decodes it with the contracts. */
  private static Command awaitCommand(String key) {
    List<ConsumerRecord<String, String>> read = new ArrayList<>();
    ConsumerRecord<String, String> record = await().atMost(WAIT).until(() -> {
      service.poll(Duration.ofMillis(100)).forEach(read::add);
      return read.stream().filter(r -> key.equals(r.key())).findFirst();
    }, Optional::isPresent).orElseThrow();
    Map<String, String> headers = new HashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    return Command.fromRecord(new WireRecord(record.topic(), record.partition(), record.key(), headers,
        Buffer.buffer(record.value())));
  }

  private static void reply(WireRecord record) throws Exception {
    ProducerRecord<String, String> producerRecord = new ProducerRecord<>(record.topic(), record.partition(),
        record.key(), record.body().toString(StandardCharsets.UTF_8));
    record.headers().forEach((name, value) -> producerRecord.headers().add(name,
        value.getBytes(StandardCharsets.UTF_8)));
    replies.send(producerRecord).get();
  }

  private static LivechatException failureOf(Future<JsonObject> result) {
    try {
      result.await(PATIENT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (LivechatException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected a LivechatException, got " + e, e);
    }
    throw new AssertionError("expected the request to fail, it succeeded with " + result.result());
  }

  private List<String> messages() {
    synchronized (log) {
      return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  /** Owns the requester, as an HTTP verticle does: every call runs on this verticle's event loop. */
  private static final class RequesterVerticle extends VerticleBase {

    private final int replyPartition;
    private KafkaRequester kafkaRequester;
    private Context home;

    RequesterVerticle(int replyPartition) {
      this.replyPartition = replyPartition;
    }

    @Override
    public Future<?> start() {
      home = context;
      kafkaRequester = new KafkaRequester(vertx, config(), REPLY_TOPIC, replyPartition);
      return kafkaRequester.start();
    }

    @Override
    public Future<?> stop() {
      return kafkaRequester.stop();
    }

    /** Sends a {@code TYPE} command keyed {@code key} from the verticle's event loop. */
    Future<JsonObject> request(List<String> sent, String key, JsonObject body) {
      Promise<JsonObject> result = Promise.promise();
      home.runOnContext(v -> kafkaRequester.request(sent::add, TYPE, key, null, body).onComplete(result));
      return result.future();
    }
  }
}
