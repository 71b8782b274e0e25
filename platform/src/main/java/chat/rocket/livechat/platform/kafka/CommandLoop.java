package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.CommandDecodingException;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.Headers;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Outcome;
import chat.rocket.livechat.contracts.Reply;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.platform.runtime.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.producer.KafkaProducer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consume-execute-reply-commit loop of a service (DESIGN.md, Messaging contract; STYLE.md P6, P9, P10).
 *
 * <p>It consumes its command topic as a member of the service's consumer group through a {@link PipelinedConsumer}
 * (commands start as they are polled, except that commands with the same key, one visitor token or one rid, run one
 * after another; a command's offset is committed only after its Mongo writes, events and reply, and those of every
 * command before it in its partition), and sends exactly one {@link Reply} per decodable command, built by
 * a {@link CommandExecutor} and encoded by {@link Reply#toRecord(Command)}.
 *
 * <p>What is the caller's business gets a reply and nothing else: a command past its {@link Headers#DEADLINE} is
 * answered {@link ErrorCode#DEADLINE_EXCEEDED} without running (also when it waited behind a slow command of its key
 * or in a paused partition: the deadline is checked when its turn comes), a command that waited longer than
 * {@link ConfigKey#COMMAND_MAX_QUEUE_MS} since it was sent (its record's Kafka timestamp) is answered
 * {@link ErrorCode#SERVICE_UNAVAILABLE} (503) without running, so that an overloaded service refuses the excess at
 * once and spends its time on commands it can still answer in time (issue 12), an unknown command type
 * {@link ErrorCode#UNKNOWN_COMMAND}, a handler's {@code LivechatException} a FAILURE with its code. What is not the
 * caller's fault goes to {@code <topic>.dlt} as well:
 * <ul>
 *   <li>a record that cannot be decoded (no correlation id, no JSON body) is parked at once with the reason in
 *       {@link Headers#DLT_REASON}; it gets no reply, since it names no one to answer;</li>
 *   <li>a handler that fails unexpectedly, or a reply that cannot be sent, is retried as a whole (handlers are
 *       idempotent) up to {@code RECORD_RETRIES} times with backoff; when the last attempt fails too, the caller gets
 *       its one {@link ErrorCode#INTERNAL} FAILURE reply if it can be sent, and the command is parked with the last
 *       failure as reason. A command whose deadline passes during the retries is answered
 *       {@link ErrorCode#DEADLINE_EXCEEDED} by the next attempt, like any expired command, and not parked; one whose
 *       retries take it past {@link ConfigKey#COMMAND_MAX_QUEUE_MS} since it was sent is answered
 *       {@link ErrorCode#SERVICE_UNAVAILABLE} by the next attempt, and not parked either.</li>
 * </ul>
 * The records behind a parked one are processed and committed; the same key's wait for its retries.
 *
 * <p>Every reply sent counts in {@link Meters#COMMANDS_HANDLED} (by command type, outcome and error code), every dead
 * letter in {@link Meters#DEAD_LETTERS}.
 */
public final class CommandLoop {

  private static final Logger LOG = LoggerFactory.getLogger(CommandLoop.class);

  private final CommandExecutor executor;
  private final RecordSender replies;
  private final PipelinedConsumer consumer;
  private final MeterRegistry meters;
  private final long maxQueueMs;
  /** {@link Meters#COMMANDS_HANDLED}'s SUCCESS counters by command, looked up once each (not per reply). */
  private final Map<String, Counter> successes = new ConcurrentHashMap<>();

  /**
   * @param config   service config ({@link ConfigKey#KAFKA_BOOTSTRAP_SERVERS}, {@code RECORD_RETRY*},
   *                 {@link ConfigKey#COMMAND_MAX_QUEUE_MS}, the consumer's settings)
   * @param topic    the command topic
   * @param groupId  the consumer group
   * @param handlers one handler per command type the service executes
   * @param producer the producer replies are sent with (shared with the event publisher)
   */
  public CommandLoop(Vertx vertx, JsonObject config, String topic, String groupId,
                     Map<CommandType, CommandHandler> handlers, KafkaProducer<String, Buffer> producer) {
    this.executor = new CommandExecutor(handlers);
    this.replies = new RecordSender(vertx, producer);
    this.consumer = new PipelinedConsumer(vertx, config, topic, groupId, this::process, this::answerInternal);
    this.meters = Meters.registry(vertx);
    this.maxQueueMs = ConfigKey.COMMAND_MAX_QUEUE_MS.getLong(config);
  }

  /**
   * Sets what runs each time partitions of the command topic stopped being this member's (revoked and drained, lost,
   * or at stop): see {@link PipelinedConsumer#onReleased(Runnable)}. Call before {@link #start()}.
   *
   * @return this loop
   */
  public CommandLoop onReleased(Runnable action) {
    consumer.onReleased(action);
    return this;
  }

  /** @return completes once the group has assigned this member its first partitions and polling runs */
  public Future<Void> start() {
    return consumer.start();
  }

  /**
   * Stops taking work: the commands in flight finish, their offsets are committed, the consumer leaves the group.
   *
   * @return completes when the consumer is closed
   */
  public Future<Void> stop() {
    return consumer.stop();
  }

  /** One attempt: decode, execute, reply; fails with {@link PoisonRecordException} when undecodable. */
  private Future<Void> process(KafkaConsumerRecord<String, Buffer> record) {
    Command command;
    try {
      command = Command.fromRecord(KafkaRecords.fromConsumer(record));
    } catch (CommandDecodingException e) {
      return Future.failedFuture(new PoisonRecordException(e.getMessage()));
    }
    if (waitedTooLong(record, command)) {
      LOG.debug("shedding {} correlation-id={}: waited more than {} ms", command.typeName(), command.correlationId(),
          maxQueueMs);
      return sendReply(command, Reply.failure(command.correlationId(),
          new LivechatException(ErrorCode.SERVICE_UNAVAILABLE)));
    }
    return executor.attempt(command).compose(reply -> sendReply(command, reply));
  }

  /** @return whether the command, not yet expired (that is the executor's answer), waited beyond the bound */
  private boolean waitedTooLong(KafkaConsumerRecord<String, Buffer> record, Command command) {
    long now = System.currentTimeMillis();
    return maxQueueMs > 0 && record.timestamp() > 0 && now - record.timestamp() > maxQueueMs
        && !command.isExpired(now);
  }

  /** The last word before a command is parked: its one FAILURE reply, when that can be sent. */
  private Future<Void> answerInternal(KafkaConsumerRecord<String, Buffer> record, Throwable failure) {
    Command command = Command.fromRecord(KafkaRecords.fromConsumer(record));
    LOG.warn("{} correlation-id={} answered {} after its retries: {}", command.typeName(), command.correlationId(),
        ErrorCode.INTERNAL, failure.toString());
    return sendReply(command, CommandExecutor.internalFailure(command))
        .onFailure(e -> LOG.warn("{} correlation-id={}: the FAILURE reply could not be sent either: {}",
            command.typeName(), command.correlationId(), e.getMessage()));
  }

  private Future<Void> sendReply(Command command, Reply reply) {
    return replies.send(KafkaRecords.toProducer(reply.toRecord(command)))
        .onSuccess(sent -> count(command, reply))
        .mapEmpty();
  }

  private void count(Command command, Reply reply) {
    String type = command.type().map(CommandType::wireName).orElse("unknown");
    if (reply.outcome() == Outcome.SUCCESS) {
      successes.computeIfAbsent(type, name -> counter(name, Outcome.SUCCESS, "none")).increment();
    } else {
      counter(type, reply.outcome(), reply.failure().code().name()).increment();
    }
  }

  private Counter counter(String type, Outcome outcome, String error) {
    return meters.counter(Meters.COMMANDS_HANDLED, "command", type, "outcome", outcome.name(), "error", error);
  }
}
