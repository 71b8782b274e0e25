package chat.rocket.livechat.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A reply's bytes passed on as the HTTP body (issue 12, the read path) are the bytes the parsed path writes: the
 * reply as a service encodes it, parsed, {@code success} put, encoded again.
 */
class EncodedReplyBodyTest {

  private static final List<JsonObject> REPLIES = List.of(
      new JsonObject(),
      new JsonObject().put("newRoom", false),
      new JsonObject().put("room", new JsonObject().put("_id", "r1").put("fname", "Zoë \"quoted\" \\ / \u2028 \u0001")
          .put("ts", "2026-11-29T07:00:00.000Z").put("msgs", 0).put("big", Long.MAX_VALUE).put("ratio", 0.1)
          .put("tiny", 1.0E-20).put("none", (Object) null).put("tags", new JsonArray().add("a").add(new JsonObject()))
          .put("v", new JsonObject().put("_id", "v1").put("token", "t1"))).put("newRoom", false));

  @Test
  @DisplayName("a success body built from the encoded reply equals, byte for byte, the body of the parsed reply")
  void encodedBodyEqualsParsedBody() {
    for (JsonObject reply : REPLIES) {
      Buffer encoded = reply.toBuffer();

      Buffer passedOn = ApiResponses.withSuccess(encoded);

      Buffer parsedPath = new JsonObject(encoded).put("success", true).toBuffer();
      assertThat(passedOn.toString()).isEqualTo(parsedPath.toString());
      assertThat(passedOn.getBytes()).isEqualTo(parsedPath.getBytes());
    }
  }

  @Test
  @DisplayName("the room id is read out of an encoded reply wherever its members stand, and null when it is not a "
      + "string")
  void roomIdIsReadWithoutParsing() {
    Buffer first = Buffer.buffer("{\"room\":{\"_id\":\"r1\",\"v\":{\"_id\":\"v1\"}},\"newRoom\":false}");
    Buffer last = Buffer.buffer("{\"newRoom\":true,\"x\":[{\"_id\":\"no\"}],\"room\":{\"v\":{\"_id\":\"v1\"},"
        + "\"tags\":[1,{\"_id\":\"no\"}],\"_id\":\"r2\"}}");

    assertThat(EncodedJson.string(first, "room", "_id")).isEqualTo("r1");
    assertThat(EncodedJson.string(last, "room", "_id")).isEqualTo("r2");
    assertThat(EncodedJson.string(Buffer.buffer("{\"room\":{\"_id\":7}}"), "room", "_id")).isNull();
    assertThat(EncodedJson.string(Buffer.buffer("{\"room\":\"r1\"}"), "room", "_id")).isNull();
    assertThat(EncodedJson.string(Buffer.buffer("{\"newRoom\":false}"), "room", "_id")).isNull();
    assertThat(EncodedJson.string(Buffer.buffer("{\"room\":"), "room", "_id")).isNull();
  }
}
