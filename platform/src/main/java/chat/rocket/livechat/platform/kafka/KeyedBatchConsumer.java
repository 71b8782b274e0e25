package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.platform.runtime.Meters;
import chat.rocket.livechat.platform.runtime.Readiness;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import io.vertx.kafka.client.producer.KafkaProducer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At-least-once consumption for a consumer-group member (STYLE.md P9, P10): polls a batch, runs its records
 * concurrently except that records with the same key run one after another, and commits the batch's offsets only
 * after every record's work completed. Used by {@link CommandLoop} and {@link EventSubscriber}.
 *
 * <p>No poison record stalls a partition: a record whose work fails is retried a few times with backoff and then
 * parked in {@code <topic>.dlt} ({@link RecordRetries}, {@link DeadLetters}); a record the work refuses with
 * {@link PoisonRecordException} is parked at once. The records behind it with the same key wait for its retries
 * (per-key order holds), the others of the batch go on, and the offset moves past it with the batch's commit. Only
 * when a dead letter itself cannot be sent (the broker is unreachable) is nothing of the batch committed: the consumer
 * seeks back to the batch's first offsets and runs it again after {@link #RETRY_DELAY_MS} (so the work must be
 * idempotent).
 *
 * <p>The member is registered in {@link Readiness} as {@code <group>@<topic>} (ready once the group assigned it
 * partitions, until it stops) and reports its lag as the gauge {@link Meters#CONSUMER_LAG}.
 */
public final class KeyedBatchConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(KeyedBatchConsumer.class);
  /** Longest poll wait when the topic is idle, in ms. */
  static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
  /** Wait before a batch runs again whose dead letter could not be sent, in ms. */
  static final long RETRY_DELAY_MS = 500;
  /** Kafka consumer metric: records between the position and the end of one partition. */
  private static final String RECORDS_LAG = "records-lag";
  /** Group of {@link #RECORDS_LAG}. */
  private static final String FETCH_METRICS = "consumer-fetch-manager-metrics";

  private final Vertx vertx;
  private final String topic;
  private final Function<KafkaConsumerRecord<String, Buffer>, Future<Void>> work;
  private final KafkaConsumer<String, Buffer> consumer;
  private final KafkaProducer<String, Buffer> deadLetterProducer;
  private final RecordRetries retries;
  private final Promise<Void> firstAssignment = Promise.promise();
  private final Promise<Void> stopped = Promise.promise();
  private final Readiness readiness;
  private final RecordTracing tracing;
  private final String member;
  private final Gauge lag;
  private volatile boolean stopping;

  /**
   * @param config   supplies {@link ConfigKey#KAFKA_BOOTSTRAP_SERVERS} and the {@code RECORD_RETRY*} settings
   * @param topic    the topic to consume
   * @param groupId  the consumer group
   * @param work     the work of one record; a failed Future makes it run again, up to the retries
   * @param lastWord runs once with the last failure before a record whose retries are exhausted goes to the
   *                 dead-letter topic (e.g. a command's FAILURE reply); its failure is ignored
   */
  public KeyedBatchConsumer(Vertx vertx, JsonObject config, String topic, String groupId,
                            Function<KafkaConsumerRecord<String, Buffer>, Future<Void>> work,
                            BiFunction<KafkaConsumerRecord<String, Buffer>, Throwable, Future<Void>> lastWord) {
    this.vertx = vertx;
    this.topic = topic;
    this.work = work;
    this.consumer = KafkaConsumer.create(vertx, KafkaClients.groupConsumer(config, groupId));
    this.deadLetterProducer = KafkaClients.sharedProducer(vertx, config);
    this.retries = new RecordRetries(vertx, config, groupId + "@" + topic,
        new DeadLetters(deadLetterProducer, groupId, Meters.registry(vertx)), lastWord);
    consumer.partitionsAssignedHandler(partitions -> {
      LOG.info("{}: assigned partitions {}", topic, partitions.stream().map(TopicPartition::getPartition).toList());
      firstAssignment.tryComplete();
    });
    consumer.partitionsRevokedHandler(partitions ->
        LOG.info("{}: revoked partitions {}", topic, partitions.stream().map(TopicPartition::getPartition).toList()));
    tracing = new RecordTracing(vertx, ConfigKey.KAFKA_BOOTSTRAP_SERVERS.get(config));
    readiness = Readiness.of(vertx);
    member = readiness.register(groupId + "@" + topic,
        () -> firstAssignment.future().isComplete() && !stopping);
    lag = Gauge.builder(Meters.CONSUMER_LAG, this, KeyedBatchConsumer::lag)
        .description("Records of the member's assigned partitions not consumed yet, as of the last fetch")
        .baseUnit("records")
        .tags("topic", topic, "group", groupId, "member", member)
        .strongReference(true)
        .register(Meters.registry(vertx));
  }

  /** @return completes once the group assigned this member its first partitions and polling runs */
  public Future<Void> start() {
    return consumer.subscribe(topic)
        .onSuccess(v -> pollNext())
        .compose(v -> firstAssignment.future());
  }

  /**
   * @return completes when the batch in flight is done (its retries included) and committed and the consumer has left
   *     the group
   */
  public Future<Void> stop() {
    stopping = true;
    readiness.unregister(member);
    return stopped.future().compose(v -> consumer.close())
        .eventually(deadLetterProducer::close)
        .onComplete(done -> {
          retries.close();
          Meters.registry(vertx).remove(lag);
        });
  }

  /** @return Kafka's {@code records-lag} of every assigned partition, summed (records; 0 before the first fetch) */
  private double lag() {
    double sum = 0;
    for (Map.Entry<MetricName, ? extends Metric> metric : consumer.unwrap().metrics().entrySet()) {
      MetricName name = metric.getKey();
      if (RECORDS_LAG.equals(name.name()) && FETCH_METRICS.equals(name.group())
          && name.tags().containsKey("partition") && metric.getValue().metricValue() instanceof Double value
          && !value.isNaN()) {
        sum += value;
      }
    }
    return sum;
  }

  private void pollNext() {
    if (stopping) {
      stopped.tryComplete();
      return;
    }
    consumer.poll(POLL_TIMEOUT)
        .compose(this::processBatch)
        .onSuccess(v -> pollNext())
        .onFailure(this::retryLater);
  }

  private Future<Void> processBatch(KafkaConsumerRecords<String, Buffer> batch) {
    if (batch.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Future<Void>> chains = new ArrayList<>();
    for (List<KafkaConsumerRecord<String, Buffer>> sameKey : groupByKey(batch).values()) {
      Future<Void> chain = Future.succeededFuture();
      for (KafkaConsumerRecord<String, Buffer> record : sameKey) {
        chain = chain.compose(v -> retries.run(record, one -> tracing.run(one, work)));
      }
      chains.add(chain);
    }
    return Future.all(chains)
        .recover(failure -> seekBack(batch).compose(v -> Future.failedFuture(failure)))
        .compose(v -> commit());
  }

  private Future<Void> commit() {
    // Queued on the consumer's thread before the next poll, so it commits exactly the batch just done.
    consumer.commit().onFailure(e -> LOG.warn("{}: offset commit failed, the batch may be redelivered: {}",
        topic, e.getMessage()));
    return Future.succeededFuture();
  }

  private static Map<String, List<KafkaConsumerRecord<String, Buffer>>> groupByKey(
      KafkaConsumerRecords<String, Buffer> batch) {
    Map<String, List<KafkaConsumerRecord<String, Buffer>>> byKey = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      KafkaConsumerRecord<String, Buffer> record = batch.recordAt(i);
      String key = record.key() != null ? record.key()
          : record.topic() + "/" + record.partition() + "@" + record.offset();
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
    }
    return byKey;
  }

  private Future<Void> seekBack(KafkaConsumerRecords<String, Buffer> batch) {
    Map<TopicPartition, Long> firstOffsets = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      KafkaConsumerRecord<String, Buffer> record = batch.recordAt(i);
      firstOffsets.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
    }
    List<Future<Void>> seeks = new ArrayList<>();
    firstOffsets.forEach((partition, offset) -> seeks.add(consumer.seek(partition, offset)));
    return Future.all(seeks).mapEmpty();
  }

  private void retryLater(Throwable failure) {
    LOG.warn("{}: poll or dead letter failed ({}); trying again in {} ms", topic, failure.getMessage(),
        RETRY_DELAY_MS);
    vertx.setTimer(RETRY_DELAY_MS, id -> pollNext());
  }
}
