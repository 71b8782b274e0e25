package chat.rocket.livechat.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.embedded.EmbeddedKafka;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.producer.KafkaHeader;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordSender} against a real broker (issue 12, the read path): the first record to a target takes Vert.x's
 * worker path, the next ones the Kafka client's own send on the caller's event loop; both deliver the record as it
 * is, and the outcome completes on the caller's context.
 */
class RecordSenderTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String TOPIC = "record-sender-test";
  private static EmbeddedKafka broker;
  private static Vertx vertx;
  private static KafkaProducer<String, Buffer> producer;
  private static RecordSender sender;

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafka.startTemporary();
    vertx = Vertx.vertx();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
    }
    JsonObject config = new JsonObject().put(ConfigKey.KAFKA_BOOTSTRAP_SERVERS.name(), broker.bootstrapServers());
    producer = KafkaClients.sharedProducer(vertx, config);
    sender = new RecordSender(vertx, producer);
  }

  @AfterAll
  static void stop() {
    producer.close().await();
    vertx.close().await();
    broker.close();
  }

  @Test
  @DisplayName("a partition's first record goes through the worker, the next ones are sent on the event loop, all "
      + "delivered with their key, headers and body, and each outcome completes on the sender's context")
  void firstRecordWarmsTheTargetThenSendsAreDirect() throws Exception {
    assertThat(sender.sendsDirectly(TOPIC, 1)).isFalse();
    Context context = vertx.getOrCreateContext();

    List<Boolean> onContext = new ArrayList<>();
    onContext.add(on(context, () -> sender.send(record("first", 1))));
    assertThat(sender.sendsDirectly(TOPIC, 1)).isTrue();
    assertThat(sender.sendsDirectly(TOPIC, 0)).isFalse();
    onContext.add(on(context, () -> sender.send(record("second", 1))));
    onContext.add(on(context, () -> sender.send(record("third", 1))));

    assertThat(onContext).containsOnly(true);
    List<ConsumerRecord<String, String>> received = consume(new TopicPartition(TOPIC, 1), 3);
    assertThat(received).extracting(ConsumerRecord::value).containsExactly("first", "second", "third");
    assertThat(received).extracting(ConsumerRecord::key).containsOnly("k");
    assertThat(new String(received.get(2).headers().lastHeader("h").value())).isEqualTo("third");
  }

  @Test
  @DisplayName("a record the producer refuses fails its send, and the next record to that target takes the worker "
      + "path again")
  void failedSendMakesTheTargetColdAgain() throws Exception {
    Context context = vertx.getOrCreateContext();
    on(context, () -> sender.send(record("warm", 0)));
    assertThat(sender.sendsDirectly(TOPIC, 0)).isTrue();

    Promise<Throwable> failure = Promise.promise();
    context.runOnContext(v -> sender.send(record("x".repeat(2 << 20), 0)).onComplete(done -> failure.complete(
        done.cause())));

    assertThat(failure.future().await(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(RecordTooLargeException.class);
    assertThat(sender.sendsDirectly(TOPIC, 0)).isFalse();
  }

  /** Sends on {@code context} and waits: true when the outcome completed on that context. */
  private static boolean on(Context context, Supplier<Future<Void>> send) throws Exception {
    Promise<Boolean> sameContext = Promise.promise();
    context.runOnContext(v -> send.get().onComplete(done -> sameContext.handle(done.map(ok ->
        Vertx.currentContext() == context && Context.isOnEventLoopThread()))));
    return sameContext.future().await(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static KafkaProducerRecord<String, Buffer> record(String value, int partition) {
    return KafkaProducerRecord.create(TOPIC, "k", Buffer.buffer(value), null, partition)
        .addHeaders(List.of(KafkaHeader.header("h", value)));
  }

  private static List<ConsumerRecord<String, String>> consume(TopicPartition partition, int count) {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"))) {
      consumer.assign(List.of(partition));
      List<ConsumerRecord<String, String>> received = new ArrayList<>();
      long deadline = System.currentTimeMillis() + WAIT.toMillis();
      while (received.size() < count && System.currentTimeMillis() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
      }
      return received;
    }
  }
}
