package chat.rocket.livechat.contracts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.Map;

/**
 * A {@link Reply} as it was received, its body still the JSON bytes the service encoded: a caller that hands a
 * SUCCESS result on unchanged (an HTTP body) need not build and encode the object again (issue 12, the read path).
 * {@link #fromRecord(WireRecord)} checks the same contract as {@link Reply#fromRecord(WireRecord)}: headers
 * {@link Headers#CORRELATION_ID} and {@link Headers#OUTCOME}, a body that is exactly one JSON object (checked by
 * Jackson's streaming parser, without building it).
 *
 * @param correlationId the command's correlation id
 * @param outcome       success or failure
 * @param body          the result or failure object, JSON (UTF-8) as received
 */
public record ReceivedReply(String correlationId, Outcome outcome, Buffer body) {

  private static final JsonFactory JSON = new JsonFactory();

  /**
   * Decodes a consumed reply record's headers and checks its body.
   *
   * @param record the record as consumed
   * @return the reply, body unparsed
   * @throws CommandDecodingException when the correlation id or outcome is missing or the body is not one JSON object
   */
  public static ReceivedReply fromRecord(WireRecord record) {
    Map<String, String> headers = record.headers();
    String correlationId = headers.get(Headers.CORRELATION_ID);
    if (correlationId == null) {
      throw new CommandDecodingException("header " + Headers.CORRELATION_ID + " is missing");
    }
    Outcome outcome;
    try {
      outcome = Outcome.valueOf(headers.getOrDefault(Headers.OUTCOME, ""));
    } catch (IllegalArgumentException e) {
      throw new CommandDecodingException("header " + Headers.OUTCOME + " is not SUCCESS or FAILURE");
    }
    checkObject(record.body());
    return new ReceivedReply(correlationId, outcome, record.body());
  }

  /** @return the reply with its body parsed */
  public Reply parse() {
    return new Reply(correlationId, outcome, new JsonObject(body));
  }

  /** Reads the body's tokens to its end: one JSON object, nothing after it. */
  private static void checkObject(Buffer body) {
    if (body == null) {
      throw new CommandDecodingException("body is not a JSON object: no body");
    }
    try (JsonParser parser = JSON.createParser(body.getBytes())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new CommandDecodingException("body is not a JSON object");
      }
      parser.skipChildren();
      if (parser.nextToken() != null) {
        throw new CommandDecodingException("body is not a JSON object: data after its end");
      }
    } catch (IOException e) {
      throw new CommandDecodingException("body is not a JSON object: " + e.getMessage());
    }
  }
}
