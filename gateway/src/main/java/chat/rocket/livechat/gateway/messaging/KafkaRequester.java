package chat.rocket.livechat.gateway.messaging;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.CommandDecodingException;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.Headers;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Outcome;
import chat.rocket.livechat.contracts.ReceivedReply;
import chat.rocket.livechat.platform.kafka.KafkaClients;
import chat.rocket.livechat.platform.kafka.KafkaRecords;
import chat.rocket.livechat.platform.kafka.RecordSender;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.platform.runtime.Meters;
import chat.rocket.livechat.platform.runtime.Readiness;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.producer.KafkaProducer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request/reply over Kafka for one HTTP verticle instance (STYLE.md P5, after spring-kafka's
 * {@code ReplyingKafkaTemplate}): each request gets a UUID correlation id, is encoded by
 * {@link Command#toRecord(String)} with this instance's reply topic and reply partition, and has a pending entry
 * registered <em>before</em> the send. Transport only: no HTTP type is known here; the caller learns each
 * correlation id through a listener (the HTTP layer logs it). The reply consumer (assigned, no group) completes the
 * entry; a timer of {@link ConfigKey#REPLY_TIMEOUT_MS} fails it with {@link ErrorCode#TIMEOUT} (504); a failed send
 * fails it with {@link ErrorCode#SERVICE_UNAVAILABLE} (503). A reply ({@link ReceivedReply#fromRecord}: its body is
 * checked, not parsed, until a caller wants the object) without pending entry is logged as late or foreign and
 * dropped; a record that is no reply (no correlation id, no outcome, no JSON object body) is logged with the contract
 * spelled out and dropped. The pending table is touched only on this verticle's event loop,
 * so it needs no locks, and replies never reach another instance: each instance owns one reply partition.
 *
 * <p>Observability: each request's latency until its reply, timeout or send failure goes to the timer
 * {@link Meters#REQUEST_REPLY} (tags {@code command}, {@code outcome} = {@code success}, {@code failure},
 * {@code timeout}, {@code unavailable}); timeouts count in {@link Meters#REPLY_TIMEOUTS}; the pending table's size is
 * the gauge {@link Meters#PENDING_REPLIES}; the reply consumer is registered in {@link Readiness} as
 * {@code gateway@<reply topic>-<partition>}, ready once its partition is assigned.
 */
public final class KafkaRequester implements CommandSender {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaRequester.class);
  /** Histogram buckets of {@link Meters#REQUEST_REPLY}: 1 ms to 10 s. */
  private static final Duration[] LATENCY_BUCKETS = LongStream.of(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500,
      5000, 10000).mapToObj(Duration::ofMillis).toArray(Duration[]::new);

  private final Vertx vertx;
  private final String replyTopic;
  private final int replyPartition;
  private final long timeoutMs;
  private final KafkaProducer<String, Buffer> producer;
  private final RecordSender sender;
  private final KafkaConsumer<String, Buffer> replies;
  private final Map<String, Pending> pending = new HashMap<>();
  /** The latency timers by command and outcome, registered once each (a lookup per reply showed in profiles). */
  private final Map<CommandType, Map<String, Timer>> timers = new EnumMap<>(CommandType.class);
  private final MeterRegistry meters;
  private final Gauge pendingGauge;
  private final Readiness readiness;
  private final String readinessName;
  private volatile boolean assigned;

  /**
   * @param replyTopic     this gateway instance's reply topic
   * @param replyPartition the partition owned by this HTTP verticle instance
   */
  public KafkaRequester(Vertx vertx, JsonObject config, String replyTopic, int replyPartition) {
    this.vertx = vertx;
    this.replyTopic = replyTopic;
    this.replyPartition = replyPartition;
    this.timeoutMs = ConfigKey.REPLY_TIMEOUT_MS.getLong(config);
    this.producer = KafkaClients.sharedProducer(vertx, config);
    this.sender = new RecordSender(vertx, producer);
    this.replies = KafkaConsumer.create(vertx, KafkaClients.assignedConsumer(config));
    this.meters = Meters.registry(vertx);
    // Read by the scrape on another thread: a possibly stale size, never a wrong one for long.
    this.pendingGauge = Gauge.builder(Meters.PENDING_REPLIES, pending, Map::size)
        .description("Requests waiting for their reply")
        .tag("reply_partition", Integer.toString(replyPartition))
        .strongReference(true)
        .register(meters);
    for (CommandType type : CommandType.values()) {
      // Registered up front, so that a scrape shows 0 rather than nothing before the first timeout.
      meters.counter(Meters.REPLY_TIMEOUTS, "command", type.wireName());
    }
    this.readiness = Readiness.of(vertx);
    this.readinessName = readiness.register("gateway@" + replyTopic + "-" + replyPartition, () -> assigned);
  }

  /** @return completes once the reply partition is assigned and its position fixed, so no reply can be missed */
  public Future<Void> start() {
    TopicPartition partition = new TopicPartition(replyTopic, replyPartition);
    replies.handler(this::onReply);
    replies.exceptionHandler(e -> LOG.warn("reply consumer {}-{}: {}", replyTopic, replyPartition, e.getMessage()));
    return replies.assign(partition)
        .compose(v -> replies.position(partition))
        .onSuccess(offset -> {
          LOG.debug("reply partition {}-{} at offset {}", replyTopic, replyPartition, offset);
          assigned = true;
        })
        .mapEmpty();
  }

  /**
   * Sends one command and waits for its reply.
   *
   * @param sent   told the command's correlation id before it is sent (the HTTP layer logs it)
   * @param type   the command
   * @param key    the record key (visitor token, rid or visitor id: per-entity ordering)
   * @param caller the authenticated caller, or null
   * @param body   the command body
   * @return the SUCCESS reply body; fails with the reply's {@link LivechatException}, or with
   *     {@link ErrorCode#TIMEOUT} / {@link ErrorCode#SERVICE_UNAVAILABLE}
   */
  @Override
  public Future<JsonObject> request(Consumer<String> sent, CommandType type, String key, Caller caller,
                                    JsonObject body) {
    return exchange(sent, type, key, caller, body).compose(reply -> reply.outcome() == Outcome.SUCCESS
        ? Future.succeededFuture(new JsonObject(reply.body())) : Future.failedFuture(failureOf(reply)));
  }

  /**
   * As {@link #request}, the SUCCESS body as the service encoded it: one JSON object (checked when received), never
   * parsed here.
   */
  @Override
  public Future<Buffer> requestEncoded(Consumer<String> sent, CommandType type, String key, Caller caller,
                                       JsonObject body) {
    return exchange(sent, type, key, caller, body).compose(reply -> reply.outcome() == Outcome.SUCCESS
        ? Future.succeededFuture(reply.body()) : Future.failedFuture(failureOf(reply)));
  }

  private Future<ReceivedReply> exchange(Consumer<String> sent, CommandType type, String key, Caller caller,
                                         JsonObject body) {
    String correlationId = UUID.randomUUID().toString();
    sent.accept(correlationId);
    Command command = Command.of(type, correlationId, replyTopic, replyPartition,
        System.currentTimeMillis() + timeoutMs, caller, body);
    Promise<ReceivedReply> promise = Promise.promise();
    long timer = vertx.setTimer(timeoutMs, id -> expire(correlationId));
    pending.put(correlationId, new Pending(promise, timer, type, Timer.start(meters)));
    sender.send(KafkaRecords.toProducer(command.toRecord(key))).onFailure(e -> abandon(correlationId, e));
    return promise.future();
  }

  /** Fails every pending request with 503 and closes the clients. */
  public Future<Void> stop() {
    assigned = false;
    readiness.unregister(readinessName);
    meters.remove(pendingGauge);
    pending.values().forEach(entry -> {
      vertx.cancelTimer(entry.timer());
      entry.promise().tryFail(new LivechatException(ErrorCode.SERVICE_UNAVAILABLE));
    });
    pending.clear();
    return Future.join(replies.close(), producer.close()).mapEmpty();
  }

  private void onReply(KafkaConsumerRecord<String, Buffer> record) {
    ReceivedReply reply;
    try {
      reply = ReceivedReply.fromRecord(KafkaRecords.fromConsumer(record));
    } catch (CommandDecodingException e) {
      LOG.warn("dropping reply {}-{}@{}: {}; a reply carries headers {} and {} and a JSON body", record.topic(),
          record.partition(), record.offset(), e.getMessage(), Headers.CORRELATION_ID, Headers.OUTCOME);
      return;
    }
    Pending entry = pending.remove(reply.correlationId());
    if (entry == null) {
      LOG.info("late or foreign reply correlation-id={} dropped", reply.correlationId());
      return;
    }
    vertx.cancelTimer(entry.timer());
    record(entry, reply.outcome() == Outcome.SUCCESS ? "success" : "failure");
    entry.promise().complete(reply);
  }

  private void expire(String correlationId) {
    Pending entry = pending.remove(correlationId);
    if (entry != null) {
      LOG.warn("{} correlation-id={} got no reply within {} ms", entry.type().wireName(), correlationId, timeoutMs);
      record(entry, "timeout");
      meters.counter(Meters.REPLY_TIMEOUTS, "command", entry.type().wireName()).increment();
      entry.promise().fail(new LivechatException(ErrorCode.TIMEOUT));
    }
  }

  private void abandon(String correlationId, Throwable cause) {
    Pending entry = pending.remove(correlationId);
    if (entry != null) {
      vertx.cancelTimer(entry.timer());
      LOG.warn("{} correlation-id={} could not be sent: {}", entry.type().wireName(), correlationId,
          cause.getMessage());
      record(entry, "unavailable");
      entry.promise().fail(new LivechatException(ErrorCode.SERVICE_UNAVAILABLE));
    }
  }

  private void record(Pending entry, String outcome) {
    entry.sample().stop(timers.computeIfAbsent(entry.type(), type -> new HashMap<>())
        .computeIfAbsent(outcome, name -> Timer.builder(Meters.REQUEST_REPLY)
            .description("Command sent until its reply, timeout or send failure")
            .tags("command", entry.type().wireName(), "outcome", name)
            .serviceLevelObjectives(LATENCY_BUCKETS)
            .register(meters)));
  }

  private static LivechatException failureOf(ReceivedReply reply) {
    return reply.parse().failure();
  }

  /** A request waiting for its reply, with its latency measurement. */
  private record Pending(Promise<ReceivedReply> promise, long timer, CommandType type, Timer.Sample sample) {
  }
}
