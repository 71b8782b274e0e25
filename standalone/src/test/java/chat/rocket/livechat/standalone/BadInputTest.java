package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hostile and unusual input at the HTTP edge (spec §1.1, §1.5; DECISIONS.md, Bodies and codes): whatever arrives,
 * the answer is Rocket.Chat-shaped JSON with {@code Content-Type: application/json} and never a 5xx. Every response
 * of this class goes through {@link #checked(Api.Response)}, which asserts exactly that.
 */
class BadInputTest {

  private static final String OTHER_USER_ID = "other-user-" + UUID.randomUUID();
  private static final String OTHER_USER_TOKEN = "other-token-" + UUID.randomUUID();

  private static TestSystem system;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    system = TestSystem.start();
    api = system.api();
    String hashedToken = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
        .digest(OTHER_USER_TOKEN.getBytes(StandardCharsets.UTF_8)));
    system.mongo().insert(Collections.USERS, new JsonObject().put("_id", OTHER_USER_ID)
        .put("username", "other.user").put("name", "Other User").put("type", "user").put("active", true)
        .put("status", "online").put("roles", new JsonArray().add("user"))
        .put("emails", new JsonArray().add(new JsonObject().put("address", "other.user@rocket.chat")
            .put("verified", true)))
        .put("services", new JsonObject().put("resume", new JsonObject().put("loginTokens", new JsonArray()
            .add(new JsonObject().put("when", new JsonObject().put("$date", "2024-01-01T00:00:00.000Z"))
                .put("hashedToken", hashedToken)))))).await();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  /** Asserts what every answer of the system must be: JSON, exactly {@code application/json}, below 500. */
  private static Api.Response checked(Api.Response response) {
    assertThat(response.status()).as("status of %s", response.body()).isLessThan(500);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.body()).isNotBlank();
    new JsonObject(response.body());
    return response;
  }

  private static Api.Response post(String path, Map<String, String> headers, Object body) {
    return checked(api.send(HttpMethod.POST, path, headers, body));
  }

  private static String nestedArrays(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  @Test
  @DisplayName("a malformed JSON body answers 400 error-invalid-body as application/json")
  void malformedJsonIsRejected() {
    Api.Response response = post("livechat/visitor", Map.of(), "{\"visitor\": {\"token\": ");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.json()).isEqualTo(new JsonObject().put("success", false)
        .put("error", "Malformed JSON body [error-invalid-body]").put("errorType", "error-invalid-body"));
  }

  @Test
  @DisplayName("a body that is not UTF-8 answers 400 error-invalid-body")
  void invalidUtf8IsRejected() {
    Buffer body = Buffer.buffer("{\"visitor\":{\"token\":\"")
        .appendBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}).appendString("\"}}");

    Api.Response response = post("livechat/visitor", Map.of(), body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().getString("errorType")).isEqualTo("error-invalid-body");
  }

  @Test
  @DisplayName("JSON that is not an object answers 400 with a Match error, not 500")
  void nonObjectBodiesAreRejected() {
    for (String body : new String[] {"null", "42", "\"text\"", "true", "[]", "[{\"visitor\":{\"token\":\"x\"}}]"}) {
      Api.Response response = post("livechat/visitor", Map.of(), body);

      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(response.json().getBoolean("success")).as(body).isFalse();
      assertThat(response.json().getString("error")).as(body).startsWith("Match error: Expected");
    }
  }

  @Test
  @DisplayName("a body larger than BODY_LIMIT_BYTES answers 413 in Rocket.Chat's shape and writes nothing")
  void oversizedBodyIsRejected() {
    try (TestSystem small = TestSystem.start(Map.of("BODY_LIMIT_BYTES", "1024"))) {
      String token = "big-" + UUID.randomUUID();
      JsonObject big = new JsonObject().put("visitor", new JsonObject().put("token", token)
          .put("name", "x".repeat(2000)));
      JsonObject fits = new JsonObject().put("visitor", new JsonObject().put("token", "small-" + UUID.randomUUID()));

      Api.Response tooLarge = checked(small.api().post("livechat/visitor", Map.of(), big));
      Api.Response accepted = checked(small.api().post("livechat/visitor", Map.of(), fits));

      assertThat(tooLarge.status()).isEqualTo(413);
      assertThat(tooLarge.json().getBoolean("success")).isFalse();
      assertThat(tooLarge.json().getString("error")).isNotBlank();
      assertThat(small.findOne(Collections.VISITORS, new JsonObject().put("token", token))).isNull();
      assertThat(accepted.status()).as("a body under the limit is served").isEqualTo(200);
    }
  }

  @Test
  @DisplayName("an unknown route answers 404 JSON")
  void unknownRouteIsNotFound() {
    Api.Response get = checked(api.get("livechat/no-such-endpoint"));
    Api.Response post = post("no/such/endpoint", Map.of(), new JsonObject());

    for (Api.Response response : new Api.Response[] {get, post}) {
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.json().getBoolean("success")).isFalse();
      assertThat(response.json().getString("error")).isNotBlank();
    }
  }

  @Test
  @DisplayName("a known path with the wrong method answers 404 JSON")
  void wrongMethodIsNotFound() {
    Api.Response delete = checked(api.send(HttpMethod.DELETE, "livechat/room?token=abc", Map.of(), null));
    Api.Response postRoom = post("livechat/room?token=abc", Map.of(), new JsonObject());

    for (Api.Response response : new Api.Response[] {delete, postRoom}) {
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.json().getBoolean("success")).isFalse();
    }
  }

  @Test
  @DisplayName("5000 nested arrays answer a 4xx JSON error instead of overflowing the stack")
  void deepNestingIsRejected() {
    String asBody = nestedArrays(5000);
    String asField = "{\"visitor\":{\"token\":\"deep-" + UUID.randomUUID() + "\",\"name\":" + nestedArrays(5000) + "}}";
    String asObjects = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);

    for (String body : new String[] {asBody, asField, asObjects}) {
      Api.Response response = post("livechat/visitor", Map.of(), body);

      assertThat(response.status()).isBetween(400, 499);
      assertThat(response.json().getBoolean("success")).isFalse();
    }
    Api.Response login = post("login", Map.of(), asObjects);
    assertThat(login.status()).isBetween(400, 499);
  }

  @Test
  @DisplayName("a JSON array body on room.saveInfo answers 400 must be object [invalid-params]")
  void arrayBodyOnSaveInfoIsRejected() {
    Api.Response response = post("livechat/room.saveInfo", system.adminHeaders(), "[{\"guestData\":{}}]");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(new JsonObject().put("success", false)
        .put("error", "must be object [invalid-params]").put("errorType", "invalid-params"));
  }

  @Test
  @DisplayName("a visitor named with emoji and CJK text is read back byte for byte")
  void unicodeNamesRoundTrip() {
    String name = "Zoë 😀👩‍💻 漢字テスト 한국어 🇧🇷 \u00e9\u0301";
    String token = "unicode-" + UUID.randomUUID();
    JsonObject body = new JsonObject().put("visitor", new JsonObject().put("token", token).put("name", name));

    Api.Response registered = post("livechat/visitor", Map.of(), body);
    Api.Response read = checked(api.get("livechat/visitor/" + token));

    assertThat(registered.status()).isEqualTo(200);
    assertThat(read.status()).isEqualTo(200);
    byte[] expected = name.getBytes(StandardCharsets.UTF_8);
    assertThat(registered.json().getJsonObject("visitor").getString("name").getBytes(StandardCharsets.UTF_8))
        .isEqualTo(expected);
    assertThat(read.json().getJsonObject("visitor").getString("name").getBytes(StandardCharsets.UTF_8))
        .isEqualTo(expected);
    assertThat(system.findOne(Collections.VISITORS, new JsonObject().put("token", token)).getString("name")
        .getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  @Test
  @DisplayName("the X-Auth-Token of another user does not authenticate: 401")
  void tokenOfAnotherUserIsRejected() {
    String adminId = system.adminHeaders().get("X-User-Id");

    Api.Response borrowed = checked(api.get("livechat/visitors.info?visitorId=x",
        Map.of("X-User-Id", adminId, "X-Auth-Token", OTHER_USER_TOKEN)));
    Api.Response own = checked(api.get("livechat/visitors.info?visitorId=x",
        Map.of("X-User-Id", OTHER_USER_ID, "X-Auth-Token", OTHER_USER_TOKEN)));

    assertThat(borrowed.status()).isEqualTo(401);
    assertThat(borrowed.json()).isEqualTo(new JsonObject().put("status", "error")
        .put("message", "You must be logged in to do this."));
    assertThat(own.status()).as("the token does authenticate its owner, who lacks view-l-room").isEqualTo(403);
    assertThat(own.json()).isEqualTo(new JsonObject().put("success", false)
        .put("error", "User does not have the permissions required for this action [error-unauthorized]"));
  }

  @Test
  @DisplayName("an empty body on POST livechat/visitor is read as {} and answers the missing-key error")
  void emptyBodyIsAnEmptyObject() {
    Api.Response response = post("livechat/visitor", Map.of(), "");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(new JsonObject().put("success", false)
        .put("error", "Match error: Missing key 'visitor'"));
  }

  private static final JsonObject MALFORMED_REQUEST = new JsonObject().put("success", false)
      .put("error", "Malformed HTTP request [error-bad-request]").put("errorType", "error-bad-request");

  @Test
  @DisplayName("a malformed percent escape in the query answers 400 error-bad-request, not 500 (found by fuzzing)")
  void malformedQueryEscapeIsRejected() {
    for (String path : new String[] {"livechat/room?token=%", "livechat/visitors.info?visitorId=%zz"}) {
      Api.Response response = checked(api.get(path, system.adminHeaders()));

      assertThat(response.status()).as(path).isEqualTo(400);
      assertThat(response.json()).as(path).isEqualTo(MALFORMED_REQUEST);
    }
  }

  @Test
  @DisplayName("a malformed escape in a path parameter answers 400 JSON, not Vert.x's plain text (found by fuzzing)")
  void malformedPathEscapeIsRejected() {
    Api.Response response = checked(api.get("livechat/visitor/%"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(MALFORMED_REQUEST);
  }

  @Test
  @DisplayName("a request line over 4096 bytes answers 414 JSON and closes the connection")
  void overlongRequestLineIsRejected() {
    Api.Response response = checked(api.get("livechat/room?token=" + "q".repeat(5000)));

    assertThat(response.status()).isEqualTo(414);
    assertThat(response.headers().get("Connection")).isEqualTo("close");
    assertThat(response.json().getString("errorType")).isEqualTo("error-uri-too-long");
  }

  @Test
  @DisplayName("headers over 8192 bytes answer 431 JSON and close the connection")
  void oversizedHeadersAreRejected() {
    Api.Response response = checked(api.get("livechat/visitor/abc", Map.of("X-Huge", "h".repeat(9000))));

    assertThat(response.status()).isEqualTo(431);
    assertThat(response.headers().get("Connection")).isEqualTo("close");
    assertThat(response.json().getString("errorType")).isEqualTo("error-headers-too-large");
  }

  @Test
  @DisplayName("a GET with a multipart content type is served as usual, not a 500 from the body handler")
  void multipartContentTypeOnGetIsIgnored() {
    Api.Response response = checked(api.get("livechat/room?token=no-such-token",
        Map.of("Content-Type", "multipart/form-data; boundary=xyz")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(new JsonObject().put("success", false).put("error", "invalid-token"));
  }

  @Test
  @DisplayName("a form body with a field over the form decoder's limit answers 400 JSON, not 500 (found by fuzzing)")
  void oversizedFormFieldIsRejected() {
    Api.Response response = checked(api.raw(HttpMethod.POST, "login",
        Map.of("Content-Type", "application/x-www-form-urlencoded"),
        Buffer.buffer("user=" + "u".repeat(20_000)), Api.TIMEOUT_MS));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(MALFORMED_REQUEST);
  }
}
