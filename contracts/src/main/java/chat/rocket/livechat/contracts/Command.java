package chat.rocket.livechat.contracts;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A command as it travels on a command topic, and its codec both ways ({@link #toRecord(String)},
 * {@link #fromRecord(WireRecord)}): headers {@link Headers#CORRELATION_ID}, {@link Headers#REPLY_TO},
 * {@link Headers#REPLY_PARTITION}, {@link Headers#COMMAND_TYPE}, {@link Headers#DEADLINE} (epoch ms) and, where
 * needed, the {@link Caller}; the body is a JSON object (shapes per {@link CommandType}).
 *
 * @param typeName       the {@link Headers#COMMAND_TYPE} value (may name no known type: see {@link #type()})
 * @param correlationId  UUID copied onto the reply
 * @param replyTo        reply topic
 * @param replyPartition reply partition
 * @param deadline       epoch ms after which the command must not run
 * @param caller         the authenticated user, or null
 * @param body           the command's JSON body
 * @param key            the record key it was consumed with (visitor token, rid or visitor id): the entity whose
 *                       partition delivered it, which a service may rely on to know it is that entity's single writer;
 *                       null for a command not (yet) sent through Kafka
 */
public record Command(String typeName, String correlationId, String replyTo, int replyPartition, long deadline,
                      Caller caller, JsonObject body, String key) {

  /**
   * @param type the command type
   * @return a command of that type; the remaining fields are set by the requester
   */
  public static Command of(CommandType type, String correlationId, String replyTo, int replyPartition,
                           long deadline, Caller caller, JsonObject body) {
    return new Command(type.wireName(), correlationId, replyTo, replyPartition, deadline, caller, body, null);
  }

  /** @return the known command type, or empty when {@link #typeName()} is unknown */
  public Optional<CommandType> type() {
    return CommandType.fromWireName(typeName);
  }

  /**
   * @param nowMillis the current time, epoch ms
   * @return true when the gateway has stopped waiting for this command
   */
  public boolean isExpired(long nowMillis) {
    return deadline > 0 && nowMillis > deadline;
  }

  /**
   * Encodes this command as the record the requester sends: topic {@link CommandType#topic()} of its type, the
   * partition left to the producer (by key), the headers named above and the JSON body.
   *
   * @param key the record key: visitor token, rid or visitor id (one entity's commands keep their order)
   * @return the record
   * @throws IllegalStateException when {@link #typeName()} names no known type (only a decoded command can)
   */
  public WireRecord toRecord(String key) {
    String topic = type().map(CommandType::topic)
        .orElseThrow(() -> new IllegalStateException("command type '" + typeName + "' has no topic"));
    return new WireRecord(topic, null, key, headers(), body.toBuffer());
  }

  /**
   * Decodes a consumed command record, the inverse of {@link #toRecord(String)}.
   *
   * @param record the record as consumed (its topic and partition are not part of the command; its key is
   *               {@link #key()})
   * @return the command
   * @throws CommandDecodingException when a required header is missing or malformed, or the body is not a JSON
   *                                  object; the record then goes to the dead-letter topic
   */
  public static Command fromRecord(WireRecord record) {
    Map<String, String> headers = record.headers();
    String correlationId = required(headers, Headers.CORRELATION_ID);
    String replyTo = required(headers, Headers.REPLY_TO);
    String typeName = required(headers, Headers.COMMAND_TYPE);
    int replyPartition = (int) number(headers, Headers.REPLY_PARTITION);
    long deadline = number(headers, Headers.DEADLINE);
    return new Command(typeName, correlationId, replyTo, replyPartition, deadline, Caller.readFrom(headers),
        jsonBody(record.body()), record.key());
  }

  private Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(Headers.CORRELATION_ID, correlationId);
    headers.put(Headers.REPLY_TO, replyTo);
    headers.put(Headers.REPLY_PARTITION, Integer.toString(replyPartition));
    headers.put(Headers.COMMAND_TYPE, typeName);
    headers.put(Headers.DEADLINE, Long.toString(deadline));
    if (caller != null) {
      caller.writeTo(headers);
    }
    return headers;
  }

  private static JsonObject jsonBody(Buffer body) {
    if (body == null) {
      throw new CommandDecodingException("body is missing");
    }
    try {
      return new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      throw new CommandDecodingException("body is not a JSON object: " + e.getMessage());
    }
  }

  private static String required(Map<String, String> headers, String name) {
    String value = headers.get(name);
    if (value == null || value.isEmpty()) {
      throw new CommandDecodingException("header " + name + " is missing");
    }
    return value;
  }

  private static long number(Map<String, String> headers, String name) {
    try {
      return Long.parseLong(required(headers, name));
    } catch (NumberFormatException e) {
      throw new CommandDecodingException("header " + name + " is not a number");
    }
  }
}
