package chat.rocket.livechat.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chat.rocket.livechat.embedded.EmbeddedKafka;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The pipelined consumer against a real broker (DESIGN.md, Messaging contract): records start as they are polled,
 * the same key's one after another, offsets committed up to the oldest record still running, a partition paused at
 * its in-flight bound, a revoked partition's records finished and committed before another member takes it over. The
 * work of each record is held by the test ({@link Member#release}) or finishes after a short timer.
 */
class PipelinedConsumerTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static EmbeddedKafka broker;
  private static Vertx vertx;
  private static Admin admin;
  private static KafkaProducer<String, String> producer;
  private final List<Member> members = new ArrayList<>();
  private String topic;
  private String group;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = EmbeddedKafka.startTemporary();
    vertx = Vertx.vertx();
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
  }

  @AfterAll
  static void stopBroker() {
    producer.close();
    admin.close();
    vertx.close().await();
    broker.close();
  }

  @BeforeEach
  void names() {
    topic = "pipeline-test-" + UUID.randomUUID();
    group = "pipeline-test-" + UUID.randomUUID();
  }

  @AfterEach
  void stopMembers() throws Exception {
    for (Member member : members) {
      member.releaseAll();
      vertx.undeploy(member.deploymentID()).await(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName("records with other keys run at once; the commit stops at the oldest record still running")
  void contiguousPrefix() throws Exception {
    createTopic(1);
    Member member = deploy(config(64));
    send(0, "a", "b", "c");
    await().atMost(WAIT).until(() -> member.started.size() == 3);
    member.release(1);
    member.release(2);
    await().during(Duration.ofMillis(700)).atMost(WAIT).until(() -> committed(0) <= 0);
    member.release(0);
    await().atMost(WAIT).until(() -> committed(0) == 3);
  }

  @Test
  @DisplayName("records with the same key run one after another in offset order while other keys overlap them")
  void sameKeyOrder() throws Exception {
    createTopic(1);
    Member member = deploy(config(64));
    member.finishAfterTimer = true;
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      keys.add(i % 2 == 0 ? "even" : "odd");
    }
    send(0, keys.toArray(String[]::new));
    await().atMost(WAIT).until(() -> committed(0) == 40);
    Map<String, List<Long>> startedByKey = new HashMap<>();
    member.started.forEach(record -> startedByKey.computeIfAbsent(record.key(), k -> new ArrayList<>())
        .add(record.offset()));
    assertThat(startedByKey.get("even")).isSorted().hasSize(20);
    assertThat(startedByKey.get("odd")).isSorted().hasSize(20);
    assertThat(member.sameKeyOverlaps.get()).isZero();
    assertThat(member.mostAtOnce.get()).isGreaterThan(1);
  }

  @Test
  @DisplayName("a partition with as many records in flight as its bound is paused, and resumed once they complete")
  void pauseAtBound() throws Exception {
    createTopic(1);
    Member member = deploy(config(4));
    send(0, "a", "b", "c", "d", "e", "f");
    TopicPartition partition = new TopicPartition(topic, 0);
    await().atMost(WAIT).until(() -> member.paused().contains(partition));
    int polled = member.started.size();
    assertThat(polled).isBetween(4, 6);
    send(0, "g", "h", "i", "j", "k", "l");
    await().during(Duration.ofMillis(700)).atMost(WAIT).until(() -> member.started.size() == polled);
    member.releaseAll();
    await().atMost(WAIT).until(() -> member.started.size() == 12);
    member.releaseAll();
    await().atMost(WAIT).until(() -> committed(0) == 12);
    assertThat(member.paused()).isEmpty();
  }

  @Test
  @DisplayName("a member holding its bound of records in flight over all partitions polls no more, without pausing "
      + "them, until its records complete")
  void memberStopsPollingAtItsBound() throws Exception {
    createTopic(2);
    Member member = deploy(config(64).put(ConfigKey.CONSUMER_MAX_IN_FLIGHT.name(), "4"));
    send(0, "a", "b", "c", "d", "e");
    send(1, "f", "g", "h", "i", "j");
    await().atMost(WAIT).until(() -> member.started.size() >= 4);
    int polled = member.started.size();
    assertThat(polled).isBetween(4, 7);
    await().during(Duration.ofMillis(700)).atMost(WAIT).until(() -> member.started.size() == polled);
    assertThat(member.paused()).isEmpty();
    member.releaseAll();
    await().atMost(WAIT).until(() -> member.started.size() > polled);
  }

  @Test
  @DisplayName("a member whose every partition is paused at its bound polls no more (a poll would block with nothing "
      + "to fetch, and the resume behind it) until a record completes, then resumes and polls on")
  void memberWithEveryPartitionPausedStopsPolling() throws Exception {
    createTopic(2);
    Member member = deploy(config(2));
    send(0, "a", "b", "c");
    send(1, "d", "e", "f");
    await().atMost(WAIT).until(() -> member.paused().size() == 2);
    long polls = member.polls();
    await().during(Duration.ofMillis(700)).atMost(WAIT).until(() -> member.polls() == polls);
    member.releaseAll();
    await().atMost(WAIT).until(() -> member.started.size() == 6);
    member.releaseAll();
    await().atMost(WAIT).until(() -> committed(0) == 3 && committed(1) == 3);
    assertThat(member.polls()).isGreaterThan(polls);
  }

  @Test
  @DisplayName("a revoked partition's records in flight finish and are committed before another member takes it over")
  void revocationWaitsAndCommits() throws Exception {
    createTopic(2);
    Member first = deploy(config(64));
    send(0, "a");
    send(1, "b");
    await().atMost(WAIT).until(() -> first.started.size() == 2);
    first.releaseAllAfter(6000);
    Member second = deploy(config(64));
    await().atMost(WAIT).until(() -> committed(0) == 1 && committed(1) == 1);
    send(0, "c");
    send(1, "d");
    await().atMost(WAIT).until(() -> first.started.size() + second.started.size() == 4);
    assertThat(second.started).hasSize(1).allSatisfy(record -> assertThat(record.offset()).isEqualTo(1));
  }

  private JsonObject config(int partitionBound) {
    return new JsonObject()
        .put(ConfigKey.KAFKA_BOOTSTRAP_SERVERS.name(), broker.bootstrapServers())
        .put(ConfigKey.COMMIT_INTERVAL_MS.name(), "50")
        .put(ConfigKey.CONSUMER_PARTITION_MAX_IN_FLIGHT.name(), Integer.toString(partitionBound))
        .put(ConfigKey.RECORD_RETRIES.name(), "0");
  }

  private void createTopic(int partitions) throws Exception {
    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(10, TimeUnit.SECONDS);
  }

  private void send(int partition, String... keys) throws Exception {
    for (String key : keys) {
      producer.send(new ProducerRecord<>(topic, partition, key, "{}")).get(10, TimeUnit.SECONDS);
    }
  }

  /** @return the group's committed offset of the partition; -1 when none */
  private long committed(int partition) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
    OffsetAndMetadata offset = offsets.get(new TopicPartition(topic, partition));
    return offset == null ? -1 : offset.offset();
  }

  private Member deploy(JsonObject config) throws Exception {
    Member member = new Member(topic, group, config);
    vertx.deployVerticle(member).await(WAIT.toSeconds(), TimeUnit.SECONDS);
    members.add(member);
    return member;
  }

  /** A group member whose records' work the test holds, on the member's own context as a service's verticle. */
  private static final class Member extends VerticleBase {

    final List<KafkaConsumerRecord<String, Buffer>> started = new CopyOnWriteArrayList<>();
    final AtomicInteger sameKeyOverlaps = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    volatile boolean finishAfterTimer;
    private final Map<String, Promise<Void>> held = new ConcurrentHashMap<>();
    private final Map<String, Integer> runningByKey = new HashMap<>();
    private final String topic;
    private final String group;
    private final JsonObject settings;
    private PipelinedConsumer consumer;
    private int running;

    Member(String topic, String group, JsonObject settings) {
      this.topic = topic;
      this.group = group;
      this.settings = settings;
    }

    @Override
    public Future<?> start() {
      consumer = new PipelinedConsumer(vertx, settings, topic, group, this::work,
          (record, failure) -> Future.succeededFuture());
      return consumer.start();
    }

    @Override
    public Future<?> stop() {
      return consumer.stop();
    }

    /** Completes the work of the record at {@code offset} of partition 0. */
    void release(long offset) {
      context.runOnContext(v -> held.remove("0@" + offset).complete());
    }

    void releaseAll() {
      context.runOnContext(v -> Set.copyOf(held.keySet()).forEach(record -> held.remove(record).complete()));
    }

    void releaseAllAfter(long ms) {
      context.runOnContext(v -> vertx.setTimer(ms, id -> releaseAll()));
    }

    long polls() {
      return consumer.polls();
    }

    Set<TopicPartition> paused() throws Exception {
      Context here = context;
      Promise<Set<TopicPartition>> answer = Promise.promise();
      here.runOnContext(v -> consumer.paused().onComplete(answer));
      return answer.future().await(10, TimeUnit.SECONDS);
    }

    private Future<Void> work(KafkaConsumerRecord<String, Buffer> record) {
      started.add(record);
      if (runningByKey.merge(record.key(), 1, Integer::sum) > 1) {
        sameKeyOverlaps.incrementAndGet();
      }
      mostAtOnce.accumulateAndGet(++running, Math::max);
      Promise<Void> done = Promise.promise();
      if (finishAfterTimer) {
        vertx.setTimer(1 + record.offset() * 7 % 5, id -> done.complete());
      } else {
        held.put(record.partition() + "@" + record.offset(), done);
      }
      return done.future().onComplete(v -> {
        runningByKey.merge(record.key(), -1, Integer::sum);
        running--;
      });
    }
  }
}
