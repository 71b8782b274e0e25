package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.platform.runtime.Meters;
import chat.rocket.livechat.platform.runtime.Readiness;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import io.vertx.kafka.client.producer.KafkaProducer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At-least-once consumption for a consumer-group member, pipelined (DESIGN.md, Messaging contract; STYLE.md P9,
 * P10): a record's work starts as soon as it is polled and polling goes on while work is in flight, except that
 * records with the same key run one after another in offset order ({@link KeyedChains}). Offsets are committed every
 * {@link ConfigKey#COMMIT_INTERVAL_MS}, at a revocation and at stop, each partition up to its lowest record still in
 * flight ({@link PartitionProgress}): a crash redelivers at most the records in flight and those completed since the
 * last commit. A partition with too many records in flight is paused until it catches up, and a member with too many
 * in all, or with every partition paused, does not poll until it caught up ({@link InFlightLimits}), so one slow
 * record holds back its key and, at worst, its partition, never the whole member. A revocation waits for the
 * revoked partitions' records in flight (at most {@link ConfigKey#CONSUMER_DRAIN_MS}) and commits them before the
 * partitions move ({@link RevocationCommits}). Used by {@link CommandLoop} and {@link EventSubscriber}.
 *
 * <p>No poison record stalls a partition: a record whose work fails is retried a few times with backoff and then
 * parked in {@code <topic>.dlt} ({@link RecordRetries}, {@link DeadLetters}); a record the work refuses with
 * {@link PoisonRecordException} is parked at once. The records behind it with the same key wait for its retries
 * (per-key order holds), the others go on, and the offset moves past it once it is parked. Only when a dead letter
 * itself cannot be sent (the broker is unreachable) does the record run again every
 * {@link RecordRetries#SETTLE_DELAY_MS} ms, holding its key and its partition's commit position.
 *
 * <p>The member is registered in {@link Readiness} as {@code <group>@<topic>} (ready once the group assigned it
 * partitions, until it stops) and reports its lag as the gauge {@link Meters#CONSUMER_LAG}.
 */
public final class PipelinedConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(PipelinedConsumer.class);
  /** Longest poll wait when the topic is idle (or every partition paused), in ms. */
  static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
  /** Wait before polling again after a poll failed, in ms. */
  static final long RETRY_DELAY_MS = 500;

  private final Vertx vertx;
  private final Context context;
  private final String topic;
  private final Function<KafkaConsumerRecord<String, Buffer>, Future<Void>> work;
  private final KafkaConsumer<String, Buffer> consumer;
  private final KafkaProducer<String, Buffer> deadLetterProducer;
  private final RecordRetries retries;
  private final RecordTracing tracing;
  private final OwnedPartitions owned;
  private final PartitionControl control;
  private final KeyedChains chains = new KeyedChains();
  private final long commitIntervalMs;
  private final long drainMs;
  private final Promise<Void> firstAssignment = Promise.promise();
  private final Promise<Void> stopped = Promise.promise();
  private final Readiness readiness;
  private final String member;
  private final Gauge lag;
  private long commitTimer = -1;
  /** The member held its bound of records in flight and skipped its poll; the next completion with room polls. */
  private boolean waitingForRoom;
  private final AtomicLong polls = new AtomicLong();
  private volatile boolean stopping;
  private Runnable released = () -> { };

  /**
   * Creates the member on the caller's context (a verticle's), where its state is kept and its records' work starts.
   *
   * @param config   supplies {@link ConfigKey#KAFKA_BOOTSTRAP_SERVERS}, the {@code RECORD_RETRY*} settings,
   *                 {@link ConfigKey#COMMIT_INTERVAL_MS}, {@link ConfigKey#CONSUMER_DRAIN_MS} and the in-flight bounds
   * @param topic    the topic to consume
   * @param groupId  the consumer group
   * @param work     the work of one record; a failed Future makes it run again, up to the retries
   * @param lastWord runs once with the last failure before a record whose retries are exhausted goes to the
   *                 dead-letter topic (e.g. a command's FAILURE reply); its failure is ignored
   */
  public PipelinedConsumer(Vertx vertx, JsonObject config, String topic, String groupId,
                           Function<KafkaConsumerRecord<String, Buffer>, Future<Void>> work,
                           BiFunction<KafkaConsumerRecord<String, Buffer>, Throwable, Future<Void>> lastWord) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.topic = topic;
    this.work = work;
    this.consumer = KafkaConsumer.create(vertx, KafkaClients.groupConsumer(config, groupId));
    this.deadLetterProducer = KafkaClients.sharedProducer(vertx, config);
    this.retries = new RecordRetries(vertx, config, groupId + "@" + topic,
        new DeadLetters(deadLetterProducer, groupId, Meters.registry(vertx)), lastWord);
    this.tracing = new RecordTracing(vertx, ConfigKey.KAFKA_BOOTSTRAP_SERVERS.get(config));
    this.owned = new OwnedPartitions(config);
    this.control = new PartitionControl(consumer.asStream(), owned, topic);
    this.commitIntervalMs = Math.max(1, ConfigKey.COMMIT_INTERVAL_MS.getLong(config));
    this.drainMs = ConfigKey.CONSUMER_DRAIN_MS.getLong(config);
    this.readiness = Readiness.of(vertx);
    this.member = readiness.register(groupId + "@" + topic,
        () -> firstAssignment.future().isComplete() && !stopping);
    this.lag = ConsumerLag.register(Meters.registry(vertx), consumer.unwrap(), topic, groupId, member);
  }

  /**
   * Sets what runs on the context each time partitions stopped being this member's: after a revocation, once their
   * records in flight completed (or {@link ConfigKey#CONSUMER_DRAIN_MS} passed), after a loss, and at stop. A service
   * that keeps state for the entities of its partitions drops it there, since another member may write them next.
   * Call before {@link #start()}.
   *
   * @param action runs with no argument; a thrown exception is logged, not propagated
   * @return this consumer
   */
  public PipelinedConsumer onReleased(Runnable action) {
    this.released = action;
    return this;
  }

  /** @return completes once the group assigned this member its first partitions and polling runs */
  public Future<Void> start() {
    return consumer.subscribe(topic)
        .compose(v -> {
          // Vert.x's subscribe started the consumer's thread, now idle until the first poll; subscribing again on the
          // native consumer replaces Vert.x's rebalance listener by ours, run on that thread (RevocationCommits).
          consumer.unwrap().subscribe(List.of(topic),
              new RevocationCommits(context, consumer.unwrap(), this, drainMs));
          commitTimer = vertx.setPeriodic(commitIntervalMs, id -> control.commit(owned.toCommit()));
          pollNext();
          return firstAssignment.future();
        });
  }

  /**
   * @return completes when the records in flight are done (at most {@link ConfigKey#CONSUMER_DRAIN_MS}, their retries
   *     included), their offsets committed and the consumer has left the group
   */
  public Future<Void> stop() {
    stopping = true;
    readiness.unregister(member);
    vertx.cancelTimer(commitTimer);
    if (waitingForRoom) {
      stopped.tryComplete();
    }
    return stopped.future()
        .compose(v -> drain(owned.owned()))
        .compose(control::commit)
        .compose(v -> consumer.close())
        .eventually(deadLetterProducer::close)
        .onComplete(done -> {
          retries.close();
          Meters.registry(vertx).remove(lag);
        });
  }

  /** Called on the context when the group assigned partitions (possibly none) to this member. */
  void assigned(Set<TopicPartition> partitions) {
    LOG.info("{}: assigned partitions {}", topic, partitions.stream().map(TopicPartition::partition).toList());
    owned.assign(partitions);
    firstAssignment.tryComplete();
  }

  /**
   * Called on the context when partitions are revoked (or at stop): waits until their records in flight completed, at
   * most {@link ConfigKey#CONSUMER_DRAIN_MS}, then gives them up.
   *
   * @return the offsets to commit for them (those that moved since the last commit)
   */
  Future<Map<TopicPartition, OffsetAndMetadata>> drain(Set<TopicPartition> partitions) {
    if (!owned.ownsAny(partitions)) {
      return Future.succeededFuture(Map.of());
    }
    LOG.info("{}: giving up partitions {}", topic, partitions.stream().map(TopicPartition::partition).toList());
    return owned.drained(partitions).timeout(drainMs, TimeUnit.MILLISECONDS)
        .onFailure(e -> LOG.warn("{}: records still in flight after {} ms; the next owner runs them again", topic,
            drainMs))
        .transform(done -> Future.succeededFuture(owned.release(partitions)))
        .onSuccess(released -> {
          notifyReleased();
          pollIfRoom();
        });
  }

  /** Called on the context when partitions were lost (the session expired): they are given up without a commit. */
  void lost(Set<TopicPartition> partitions) {
    LOG.warn("{}: lost partitions {}; their records in flight will run again", topic, partitions);
    owned.release(partitions);
    notifyReleased();
    pollIfRoom();
  }

  private void notifyReleased() {
    try {
      released.run();
    } catch (RuntimeException e) {
      LOG.warn("{}: the action on released partitions failed", topic, e);
    }
  }

  /** @return the polls this member has asked for since it started (tests) */
  long polls() {
    return polls.get();
  }

  /** @return the partitions the native consumer has paused (tests) */
  Future<Set<TopicPartition>> paused() {
    return control.paused();
  }

  private void pollNext() {
    if (stopping) {
      stopped.tryComplete();
      return;
    }
    if (owned.full()) {
      waitingForRoom = true;
      return;
    }
    polls.incrementAndGet();
    consumer.poll(POLL_TIMEOUT)
        .onSuccess(this::dispatch)
        .onSuccess(records -> pollNext())
        .onFailure(this::pollLater);
  }

  private void dispatch(KafkaConsumerRecords<String, Buffer> records) {
    for (int i = 0; i < records.size(); i++) {
      start(records.recordAt(i));
    }
    control.pauseFull();
  }

  private void start(KafkaConsumerRecord<String, Buffer> record) {
    PartitionProgress progress = owned.progress(record.topic(), record.partition());
    if (progress == null) {
      LOG.debug("{}-{}@{} arrived after its partition was revoked; its next owner runs it", record.topic(),
          record.partition(), record.offset());
      return;
    }
    progress.started(record.offset());
    String key = record.key() != null ? record.key()
        : record.topic() + "/" + record.partition() + "@" + record.offset();
    chains.append(key, () -> retries.settle(record, one -> tracing.run(one, work), () -> !progress.released()))
        .onComplete(done -> completed(progress, record.offset()));
  }

  private void completed(PartitionProgress progress, long offset) {
    progress.completed(offset);
    control.resumeCaughtUp();
    pollIfRoom();
  }

  /** Polls again when the member skipped its poll at its bound and is now down to half of it. */
  private void pollIfRoom() {
    if (waitingForRoom && owned.hasRoom()) {
      waitingForRoom = false;
      pollNext();
    }
  }

  private void pollLater(Throwable failure) {
    LOG.warn("{}: poll failed ({}); trying again in {} ms", topic, failure.getMessage(), RETRY_DELAY_MS);
    vertx.setTimer(RETRY_DELAY_MS, id -> pollNext());
  }
}
