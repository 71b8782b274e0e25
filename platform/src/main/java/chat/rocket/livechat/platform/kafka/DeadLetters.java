package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.contracts.Headers;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.runtime.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.producer.KafkaHeader;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parks a consumed record in {@link Topics#deadLetter(String)} of its topic (DESIGN.md, Messaging contract): same key
 * and value, its own headers plus {@link Headers#DLT_REASON}, {@link Headers#DLT_ORIGIN}
 * ({@code topic-partition@offset}), {@link Headers#DLT_GROUP} and {@link Headers#DLT_ATTEMPTS}. Each parked record
 * counts in {@link Meters#DEAD_LETTERS} (tags {@code topic}, {@code reason}) once the broker acknowledged it.
 */
final class DeadLetters {

  /** {@code reason} tag of a record that could not be decoded ({@link PoisonRecordException}). */
  static final String UNDECODABLE = "undecodable";
  /** {@code reason} tag of a record whose work still failed after its retries. */
  static final String RETRIES_EXHAUSTED = "retries-exhausted";
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  private final KafkaProducer<String, Buffer> producer;
  private final String groupId;
  private final MeterRegistry meters;

  /**
   * @param producer the producer dead letters are sent with
   * @param groupId  the consumer group giving up on records, written to {@link Headers#DLT_GROUP}
   */
  DeadLetters(KafkaProducer<String, Buffer> producer, String groupId, MeterRegistry meters) {
    this.producer = producer;
    this.groupId = groupId;
    this.meters = meters;
  }

  /**
   * @param reason   the {@link Headers#DLT_REASON} text
   * @param kind     {@link #UNDECODABLE} or {@link #RETRIES_EXHAUSTED}
   * @param attempts how many times the record's work ran (0 when it could not be decoded)
   * @return completes when the broker acknowledged the dead letter; fails when it could not be sent
   */
  Future<Void> park(KafkaConsumerRecord<String, Buffer> record, String reason, String kind, int attempts) {
    String origin = record.topic() + "-" + record.partition() + "@" + record.offset();
    String deadLetterTopic = Topics.deadLetter(record.topic());
    LOG.warn("{} ({}) goes to {} after {} attempt(s): {}", origin, groupId, deadLetterTopic, attempts, reason);
    List<KafkaHeader> headers = new ArrayList<>(record.headers());
    headers.add(KafkaHeader.header(Headers.DLT_REASON, reason));
    headers.add(KafkaHeader.header(Headers.DLT_ORIGIN, origin));
    headers.add(KafkaHeader.header(Headers.DLT_GROUP, groupId));
    headers.add(KafkaHeader.header(Headers.DLT_ATTEMPTS, Integer.toString(attempts)));
    KafkaProducerRecord<String, Buffer> letter =
        KafkaProducerRecord.create(deadLetterTopic, record.key(), record.value()).addHeaders(headers);
    return producer.send(letter)
        .onSuccess(v -> meters.counter(Meters.DEAD_LETTERS, "topic", record.topic(), "reason", kind).increment())
        .mapEmpty();
  }
}
