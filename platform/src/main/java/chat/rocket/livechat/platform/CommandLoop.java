package chat.rocket.livechat.platform;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.CommandDecodingException;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.Headers;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Reply;
import chat.rocket.livechat.contracts.Topics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import io.vertx.kafka.client.producer.KafkaHeader;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consume-execute-reply-commit loop of a service (DESIGN.md, Messaging contract; STYLE.md P6, P9, P10).
 *
 * <p>It polls a batch from its command topic as a member of the service's consumer group, runs the records of the
 * batch concurrently except that records with the same key run one after another (one visitor token, one rid), sends
 * exactly one {@link Reply} per command, and commits the batch's offsets only after every Mongo write, event and reply
 * of the batch is done. A record that cannot be decoded goes to {@code <topic>.dlt} with the reason in
 * {@link Headers#DLT_REASON}; a command past its {@link Headers#DEADLINE} is answered
 * {@link ErrorCode#DEADLINE_EXCEEDED} without running; an unknown command type is answered
 * {@link ErrorCode#UNKNOWN_COMMAND}. When a reply or dead letter cannot be sent, the batch is not committed: the
 * consumer seeks back to the batch's first offsets and runs it again after {@link #RETRY_DELAY_MS} (handlers are
 * idempotent).
 */
public final class CommandLoop {

  private static final Logger LOG = LoggerFactory.getLogger(CommandLoop.class);
  /** Longest poll wait when the topic is idle, in ms. */
  static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
  /** Wait before a failed batch runs again, in ms. */
  static final long RETRY_DELAY_MS = 500;

  private final Vertx vertx;
  private final String topic;
  private final Map<CommandType, CommandHandler> handlers;
  private final KafkaConsumer<String, Buffer> consumer;
  private final KafkaProducer<String, Buffer> producer;
  private final Promise<Void> firstAssignment = Promise.promise();
  private final Promise<Void> stopped = Promise.promise();
  private volatile boolean stopping;

  /**
   * @param config   service config ({@link ConfigKey#KAFKA_BOOTSTRAP_SERVERS})
   * @param topic    the command topic
   * @param groupId  the consumer group
   * @param handlers one handler per command type the service executes
   * @param producer the producer replies and dead letters are sent with (shared with the event publisher)
   */
  public CommandLoop(Vertx vertx, JsonObject config, String topic, String groupId,
                     Map<CommandType, CommandHandler> handlers, KafkaProducer<String, Buffer> producer) {
    this.vertx = vertx;
    this.topic = topic;
    this.handlers = Map.copyOf(handlers);
    this.producer = producer;
    this.consumer = KafkaConsumer.create(vertx, KafkaClients.groupConsumer(config, groupId));
    consumer.partitionsAssignedHandler(partitions -> {
      LOG.info("{}: assigned partitions {}", topic, partitions.stream().map(TopicPartition::getPartition).toList());
      firstAssignment.tryComplete();
    });
    consumer.partitionsRevokedHandler(partitions ->
        LOG.info("{}: revoked partitions {}", topic, partitions.stream().map(TopicPartition::getPartition).toList()));
  }

  /** @return completes once the group has assigned this member its first partitions and polling runs */
  public Future<Void> start() {
    return consumer.subscribe(topic)
        .onSuccess(v -> pollNext())
        .compose(v -> firstAssignment.future());
  }

  /**
   * Stops taking work: the batch in flight finishes, its offsets are committed, the consumer leaves the group.
   *
   * @return completes when the consumer is closed
   */
  public Future<Void> stop() {
    stopping = true;
    return stopped.future().compose(v -> consumer.close());
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
        chain = chain.compose(v -> process(record));
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

  private Future<Void> process(KafkaConsumerRecord<String, Buffer> record) {
    Map<String, String> headers = KafkaHeaderMaps.toMap(record.headers());
    Command command;
    try {
      command = Command.decode(headers, record.value());
    } catch (CommandDecodingException e) {
      return deadLetter(record, e.getMessage());
    }
    return execute(command).compose(reply -> sendReply(command, reply));
  }

  private Future<Reply> execute(Command command) {
    if (command.isExpired(System.currentTimeMillis())) {
      LOG.info("dropping {} correlation-id={}: deadline passed", command.typeName(), command.correlationId());
      return Future.succeededFuture(Reply.failure(command.correlationId(),
          new LivechatException(ErrorCode.DEADLINE_EXCEEDED)));
    }
    CommandHandler handler = command.type().map(handlers::get).orElse(null);
    if (handler == null) {
      LOG.warn("unknown command type '{}' correlation-id={}", command.typeName(), command.correlationId());
      return Future.succeededFuture(Reply.failure(command.correlationId(),
          new LivechatException(ErrorCode.UNKNOWN_COMMAND)));
    }
    Future<JsonObject> result;
    try {
      result = handler.handle(command);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    return result
        .map(body -> Reply.success(command.correlationId(), body))
        .recover(failure -> Future.succeededFuture(Reply.failure(command.correlationId(), classify(command, failure))));
  }

  private static LivechatException classify(Command command, Throwable failure) {
    if (failure instanceof LivechatException expected) {
      return expected;
    }
    LOG.error("{} correlation-id={} failed unexpectedly", command.typeName(), command.correlationId(), failure);
    return new LivechatException(ErrorCode.INTERNAL);
  }

  private Future<Void> sendReply(Command command, Reply reply) {
    KafkaProducerRecord<String, Buffer> record = KafkaProducerRecord.create(
        command.replyTo(), null, reply.body().toBuffer(), null, command.replyPartition());
    record.addHeaders(KafkaHeaderMaps.fromMap(reply.headers()));
    return producer.send(record).mapEmpty();
  }

  private Future<Void> deadLetter(KafkaConsumerRecord<String, Buffer> record, String reason) {
    String origin = record.topic() + "-" + record.partition() + "@" + record.offset();
    LOG.warn("undecodable record {} goes to {}: {}", origin, Topics.deadLetter(topic), reason);
    KafkaProducerRecord<String, Buffer> letter =
        KafkaProducerRecord.create(Topics.deadLetter(topic), record.key(), record.value());
    List<KafkaHeader> headers = new ArrayList<>(record.headers());
    headers.add(KafkaHeader.header(Headers.DLT_REASON, reason));
    headers.add(KafkaHeader.header(Headers.DLT_ORIGIN, origin));
    letter.addHeaders(headers);
    return producer.send(letter).mapEmpty();
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
    LOG.warn("{}: batch failed ({}); running it again in {} ms", topic, failure.getMessage(), RETRY_DELAY_MS);
    vertx.setTimer(RETRY_DELAY_MS, id -> pollNext());
  }
}
