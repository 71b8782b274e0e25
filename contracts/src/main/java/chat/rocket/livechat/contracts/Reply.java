package chat.rocket.livechat.contracts;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one reply a service sends for every command, and its codec both ways ({@link #toRecord(Command)},
 * {@link #fromRecord(WireRecord)}): header {@link Headers#CORRELATION_ID} copied from the command,
 * header {@link Headers#OUTCOME}; body = the result object ({@link Outcome#SUCCESS}) or
 * {@code {"code","message","status"}} ({@link Outcome#FAILURE}, see {@link LivechatException#toReplyBody()}).
 *
 * @param correlationId the command's correlation id
 * @param outcome       success or failure
 * @param body          result or failure body
 */
public record Reply(String correlationId, Outcome outcome, JsonObject body) {

  /** @return a SUCCESS reply carrying {@code result} */
  public static Reply success(String correlationId, JsonObject result) {
    return new Reply(correlationId, Outcome.SUCCESS, result);
  }

  /** @return a FAILURE reply carrying the failure's code, message and status */
  public static Reply failure(String correlationId, LivechatException failure) {
    return new Reply(correlationId, Outcome.FAILURE, failure.toReplyBody());
  }

  /**
   * Encodes this reply as the record a service sends: to the command's {@link Command#replyTo()} topic and
   * {@link Command#replyPartition()}, no key, headers {@link Headers#CORRELATION_ID} and {@link Headers#OUTCOME}, the
   * JSON body.
   *
   * @param command the command this reply answers
   * @return the record
   */
  public WireRecord toRecord(Command command) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(Headers.CORRELATION_ID, correlationId);
    headers.put(Headers.OUTCOME, outcome.name());
    return new WireRecord(command.replyTo(), command.replyPartition(), null, headers, body.toBuffer());
  }

  /** @return the failure this reply reports; only meaningful for {@link Outcome#FAILURE} */
  public LivechatException failure() {
    return LivechatException.fromReplyBody(body);
  }

  /**
   * Decodes a consumed reply record, the inverse of {@link #toRecord(Command)}.
   *
   * @param record the record as consumed
   * @return the reply
   * @throws CommandDecodingException when the correlation id or outcome is missing or the body is not JSON
   */
  public static Reply fromRecord(WireRecord record) {
    return ReceivedReply.fromRecord(record).parse();
  }
}
