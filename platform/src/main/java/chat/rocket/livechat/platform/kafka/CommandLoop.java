package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.CommandDecodingException;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.Headers;
import chat.rocket.livechat.contracts.Outcome;
import chat.rocket.livechat.contracts.Reply;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.platform.runtime.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.producer.KafkaHeader;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consume-execute-reply-commit loop of a service (DESIGN.md, Messaging contract; STYLE.md P6, P9, P10).
 *
 * <p>It consumes its command topic as a member of the service's consumer group through a {@link KeyedBatchConsumer}
 * (commands with the same key, one visitor token or one rid, run one after another; offsets are committed only after
 * every Mongo write, event and reply of the batch), and sends exactly one {@link Reply} per command, built by a
 * {@link CommandExecutor}. A record that
 * cannot be decoded goes to {@code <topic>.dlt} with the reason in {@link Headers#DLT_REASON}; a command past its
 * {@link Headers#DEADLINE} is answered {@link ErrorCode#DEADLINE_EXCEEDED} without running; an unknown command type is
 * answered {@link ErrorCode#UNKNOWN_COMMAND}. When a reply or dead letter cannot be sent, the batch runs again
 * (handlers are idempotent).
 *
 * <p>Every reply sent counts in {@link Meters#COMMANDS_HANDLED} (by command type, outcome and error code), every dead
 * letter in {@link Meters#DEAD_LETTERS}.
 */
public final class CommandLoop {

  private static final Logger LOG = LoggerFactory.getLogger(CommandLoop.class);

  private final String topic;
  private final CommandExecutor executor;
  private final KafkaProducer<String, Buffer> producer;
  private final KeyedBatchConsumer consumer;
  private final MeterRegistry meters;

  /**
   * @param config   service config ({@link ConfigKey#KAFKA_BOOTSTRAP_SERVERS})
   * @param topic    the command topic
   * @param groupId  the consumer group
   * @param handlers one handler per command type the service executes
   * @param producer the producer replies and dead letters are sent with (shared with the event publisher)
   */
  public CommandLoop(Vertx vertx, JsonObject config, String topic, String groupId,
                     Map<CommandType, CommandHandler> handlers, KafkaProducer<String, Buffer> producer) {
    this.topic = topic;
    this.executor = new CommandExecutor(handlers);
    this.producer = producer;
    this.consumer = new KeyedBatchConsumer(vertx, config, topic, groupId, this::process);
    this.meters = Meters.registry(vertx);
  }

  /** @return completes once the group has assigned this member its first partitions and polling runs */
  public Future<Void> start() {
    return consumer.start();
  }

  /**
   * Stops taking work: the batch in flight finishes, its offsets are committed, the consumer leaves the group.
   *
   * @return completes when the consumer is closed
   */
  public Future<Void> stop() {
    return consumer.stop();
  }

  private Future<Void> process(KafkaConsumerRecord<String, Buffer> record) {
    Map<String, String> headers = KafkaHeaderMaps.toMap(record.headers());
    Command command;
    try {
      command = Command.decode(headers, record.value());
    } catch (CommandDecodingException e) {
      return deadLetter(record, e.getMessage());
    }
    return executor.execute(command).compose(reply -> sendReply(command, reply).onSuccess(v -> count(command, reply)));
  }

  private void count(Command command, Reply reply) {
    String error = reply.outcome() == Outcome.SUCCESS ? "none" : reply.failure().code().name();
    meters.counter(Meters.COMMANDS_HANDLED, "command", command.type().map(CommandType::wireName).orElse("unknown"),
        "outcome", reply.outcome().name(), "error", error).increment();
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
    return producer.send(letter).onSuccess(v -> meters.counter(Meters.DEAD_LETTERS, "topic", topic).increment())
        .mapEmpty();
  }
}
