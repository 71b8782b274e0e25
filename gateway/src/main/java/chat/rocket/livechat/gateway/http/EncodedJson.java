package chat.rocket.livechat.gateway.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * Reads one string out of an encoded JSON object without building the object (issue 12, the read path): Jackson's
 * streaming parser walks the members and skips every value it is not asked for, so a route that passes a reply's bytes
 * on ({@link ApiResponses#respondEncoded}) can still learn, e.g., the {@code room._id} it answered.
 */
final class EncodedJson {

  private static final JsonFactory JSON = new JsonFactory();

  private EncodedJson() {
  }

  /**
   * @param object an encoded JSON object
   * @param field  a member of it holding an object
   * @param member a member of that object
   * @return {@code object[field][member]} when it is a string, else null (absent, another type, or not JSON)
   */
  static String string(Buffer object, String field, String member) {
    try (JsonParser parser = JSON.createParser(object.getBytes())) {
      return parser.nextToken() == JsonToken.START_OBJECT && enter(parser, field) && enter(parser, member)
          && parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Moves the parser, inside an object, to the value of {@code name}: true when found and (for a field to enter
   * further) the caller checks its token.
   */
  private static boolean enter(JsonParser parser, String name) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      return false;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      boolean wanted = name.equals(parser.currentName());
      parser.nextToken();
      if (wanted) {
        return true;
      }
      parser.skipChildren();
    }
    return false;
  }
}
