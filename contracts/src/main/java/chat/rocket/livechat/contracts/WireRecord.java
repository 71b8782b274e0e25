package chat.rocket.livechat.contracts;

import io.vertx.core.buffer.Buffer;
import java.util.Map;

/**
 * A Kafka record as the contracts see it, without any Kafka client type: where it goes (or came from), its key, its
 * headers as UTF-8 strings and its value. {@link Command} and {@link Reply} convert to and from this shape in one
 * place ({@link Command#toRecord(String)} / {@link Command#fromRecord(WireRecord)}, {@link Reply#toRecord(Command)} /
 * {@link Reply#fromRecord(WireRecord)}); the platform's Kafka adapter turns it into a client record and back.
 *
 * @param topic     the record's topic
 * @param partition the partition, or null to let the producer choose by key
 * @param key       the record key, or null (replies are addressed by partition, not by key)
 * @param headers   header name to UTF-8 value (no null values); for a header repeated on the wire the last value
 * @param body      the record value (a JSON object for commands and replies), or null when absent
 */
public record WireRecord(String topic, Integer partition, String key, Map<String, String> headers, Buffer body) {

  /** Copies {@code headers}, so that a record never changes after it was built. */
  public WireRecord {
    headers = Map.copyOf(headers);
  }
}
