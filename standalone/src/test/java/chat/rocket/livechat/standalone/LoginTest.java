package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code POST login} (spec §7.3, DECISIONS.md Endpoints) and the REST authentication it enables (spec §1.2). */
class LoginTest {

  private static final String ADMIN_EMAIL = TestSystem.ADMIN + "@rocket.chat";
  private static final JsonObject UNAUTHORIZED = new JsonObject().put("status", "error")
      .put("error", "Unauthorized").put("message", "Unauthorized");

  private static TestSystem system;
  private static Api api;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
    api = system.api();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  private static Api.Response login(JsonObject body) {
    return api.post("login", Map.of(), body);
  }

  private static JsonObject succeeded(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json");
    JsonObject body = response.json();
    assertThat(body.getString("status")).isEqualTo("success");
    assertThat(body.getBoolean("success")).isTrue();
    return body.getJsonObject("data");
  }

  private static void assertUnauthorized(Api.Response response) {
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.json()).isEqualTo(UNAUTHORIZED);
  }

  private static JsonObject adminDocument() {
    return system.findOne(Collections.USERS, new JsonObject().put("username", TestSystem.ADMIN));
  }

  private static byte[] sha256(String text) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("user and password answer 200 with status success, userId, authToken, me and success true")
  void loginSucceeds() {
    JsonObject data = succeeded(login(new JsonObject().put("user", TestSystem.ADMIN)
        .put("password", TestSystem.ADMIN)));

    JsonObject admin = adminDocument();
    assertThat(data.getString("userId")).isEqualTo(admin.getString("_id"));
    assertThat(data.getString("authToken")).isNotBlank();
    JsonObject me = data.getJsonObject("me");
    assertThat(me.getString("_id")).isEqualTo(admin.getString("_id"));
    assertThat(me.getString("username")).isEqualTo(TestSystem.ADMIN);
    assertThat(me.getString("email")).isEqualTo(ADMIN_EMAIL);
    assertThat(me.getJsonArray("roles").getList()).contains("admin", "livechat-agent", "livechat-manager");
  }

  @Test
  @DisplayName("the me object carries neither the bcrypt hash nor the resume tokens")
  void meHidesSecrets() {
    Api.Response response = login(new JsonObject().put("user", TestSystem.ADMIN).put("password", TestSystem.ADMIN));
    JsonObject me = succeeded(response).getJsonObject("me");

    JsonObject services = me.getJsonObject("services", new JsonObject());
    assertThat(services.containsKey("resume")).isFalse();
    assertThat(services.getJsonObject("password", new JsonObject()).containsKey("bcrypt")).isFalse();
    String bcrypt = adminDocument().getJsonObject("services").getJsonObject("password").getString("bcrypt");
    assertThat(bcrypt).isNotBlank();
    assertThat(response.body()).doesNotContain(bcrypt).doesNotContain("loginTokens").doesNotContain("hashedToken");
  }

  /** Rocket.Chat's login answer tells that the user has a password, without its hash. */
  private static void assertPasswordExistsWithoutHash(JsonObject me) {
    JsonObject password = me.getJsonObject("services").getJsonObject("password");
    assertThat(password.getBoolean("exists")).isTrue();
    assertThat(password.containsKey("bcrypt")).isFalse();
  }

  @Test
  @DisplayName("a user value containing @ logs in by email, and me says the password exists without its hash")
  void loginByEmailInUser() {
    JsonObject data = succeeded(login(new JsonObject().put("user", ADMIN_EMAIL).put("password", TestSystem.ADMIN)));

    assertThat(data.getJsonObject("me").getString("username")).isEqualTo(TestSystem.ADMIN);
    assertPasswordExistsWithoutHash(data.getJsonObject("me"));
  }

  @Test
  @DisplayName("the email key logs in by email")
  void loginByEmailKey() {
    JsonObject data = succeeded(login(new JsonObject().put("email", ADMIN_EMAIL).put("password", TestSystem.ADMIN)));

    assertThat(data.getJsonObject("me").getString("username")).isEqualTo(TestSystem.ADMIN);
  }

  @Test
  @DisplayName("the username key logs in by username, and me says the password exists without its hash")
  void loginByUsernameKey() {
    JsonObject data = succeeded(login(new JsonObject().put("username", TestSystem.ADMIN)
        .put("password", TestSystem.ADMIN)));

    assertThat(data.getJsonObject("me").getString("username")).isEqualTo(TestSystem.ADMIN);
    assertPasswordExistsWithoutHash(data.getJsonObject("me"));
  }

  @Test
  @DisplayName("the login token is stored only as base64(sha256(token)) in services.resume.loginTokens")
  void tokenIsStoredHashed() throws Exception {
    JsonObject data = succeeded(login(new JsonObject().put("user", TestSystem.ADMIN)
        .put("password", TestSystem.ADMIN)));
    String token = data.getString("authToken");
    String hashed = Base64.getEncoder().encodeToString(sha256(token));

    JsonObject user = adminDocument();

    assertThat(user.encode()).doesNotContain(token);
    JsonArray loginTokens = user.getJsonObject("services").getJsonObject("resume").getJsonArray("loginTokens");
    JsonObject entry = loginTokens.stream().map(JsonObject.class::cast)
        .filter(t -> hashed.equals(t.getString("hashedToken"))).findFirst().orElse(null);
    assertThat(entry).as("a loginTokens entry with the hash").isNotNull();
    assertThat(entry.getJsonObject("when").getString("$date")).as("when is a BSON date").isNotNull();
  }

  @Test
  @DisplayName("the returned headers authenticate an endpoint that requires login")
  void returnedHeadersAuthenticate() {
    JsonObject data = succeeded(login(new JsonObject().put("user", TestSystem.ADMIN)
        .put("password", TestSystem.ADMIN)));
    Map<String, String> headers = Map.of("X-User-Id", data.getString("userId"),
        "X-Auth-Token", data.getString("authToken"));

    Api.Response withHeaders = api.get("livechat/visitors.info?visitorId=no-such-visitor", headers);
    Api.Response without = api.get("livechat/visitors.info?visitorId=no-such-visitor");

    assertThat(withHeaders.status()).isIn(200, 400);
    assertThat(withHeaders.json()).isEqualTo(new JsonObject().put("success", false).put("error", "visitor-not-found"));
    assertThat(without.status()).isEqualTo(401);
    assertThat(without.json()).isEqualTo(new JsonObject().put("status", "error")
        .put("message", "You must be logged in to do this."));
  }

  @Test
  @DisplayName("a wrong password answers 401 Unauthorized and stores no token")
  void wrongPasswordIsRejected() {
    int tokensBefore = adminDocument().getJsonObject("services").getJsonObject("resume")
        .getJsonArray("loginTokens").size();

    Api.Response response = login(new JsonObject().put("user", TestSystem.ADMIN).put("password", "wrong-password"));

    assertUnauthorized(response);
    assertThat(adminDocument().getJsonObject("services").getJsonObject("resume").getJsonArray("loginTokens"))
        .hasSize(tokensBefore);
  }

  @Test
  @DisplayName("an unknown user answers the same 401 as a wrong password")
  void unknownUserIsRejected() {
    assertUnauthorized(login(new JsonObject().put("user", "no.such.user").put("password", TestSystem.ADMIN)));
    assertUnauthorized(login(new JsonObject().put("user", "no.such.user@example.com")
        .put("password", TestSystem.ADMIN)));
  }

  @Test
  @DisplayName("a password given as {hashed: sha256 hex} logs in")
  void hashedPasswordLogsIn() throws Exception {
    String hex = HexFormat.of().formatHex(sha256(TestSystem.ADMIN));

    JsonObject data = succeeded(login(new JsonObject().put("user", TestSystem.ADMIN)
        .put("password", new JsonObject().put("hashed", hex))));

    assertThat(data.getJsonObject("me").getString("username")).isEqualTo(TestSystem.ADMIN);
  }

  @Test
  @DisplayName("a {hashed} password that is the digest of another password answers 401")
  void wrongHashedPasswordIsRejected() throws Exception {
    String hex = HexFormat.of().formatHex(sha256("wrong-password"));

    assertUnauthorized(login(new JsonObject().put("user", TestSystem.ADMIN)
        .put("password", new JsonObject().put("hashed", hex))));
  }

  private static int loginTokenCount() {
    return adminDocument().getJsonObject("services").getJsonObject("resume").getJsonArray("loginTokens").size();
  }

  static Stream<Arguments> credentialForms() {
    return Stream.of(
        Arguments.of("user (username)", new JsonObject().put("user", TestSystem.ADMIN)),
        Arguments.of("user (email)", new JsonObject().put("user", ADMIN_EMAIL)),
        Arguments.of("username", new JsonObject().put("username", TestSystem.ADMIN)),
        Arguments.of("email", new JsonObject().put("email", ADMIN_EMAIL)),
        Arguments.of("wrapper username", new JsonObject().put("user",
            new JsonObject().put("username", TestSystem.ADMIN))),
        Arguments.of("wrapper email", new JsonObject().put("user", new JsonObject().put("email", ADMIN_EMAIL))));
  }

  @ParameterizedTest(name = "{0} and the right password log in with a new token")
  @MethodSource("credentialForms")
  void everyFormLogsIn(String form, JsonObject identity) {
    int tokensBefore = loginTokenCount();

    JsonObject data = succeeded(login(identity.copy().put("password", TestSystem.ADMIN)));

    assertThat(data.getString("userId")).isEqualTo(adminDocument().getString("_id"));
    assertThat(data.getJsonObject("me").getString("username")).isEqualTo(TestSystem.ADMIN);
    assertThat(loginTokenCount()).isEqualTo(tokensBefore + 1);
    Map<String, String> headers = Map.of("X-User-Id", data.getString("userId"),
        "X-Auth-Token", data.getString("authToken"));
    assertThat(api.get("me", headers).status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0} and a wrong password answer 401 Unauthorized and write nothing")
  @MethodSource("credentialForms")
  void everyFormRefusesAWrongPassword(String form, JsonObject identity) {
    StoreSnapshot before = StoreSnapshot.take(system);

    assertUnauthorized(login(identity.copy().put("password", "wrong-password")));

    assertThat(StoreSnapshot.take(system).changesSince(before)).isEmpty();
  }

  @Test
  @DisplayName("the wrapper form {user: {id}} logs in by the user's _id")
  void wrapperIdLogsIn() {
    String id = adminDocument().getString("_id");

    JsonObject data = succeeded(login(new JsonObject().put("user", new JsonObject().put("id", id))
        .put("password", TestSystem.ADMIN)));

    assertThat(data.getString("userId")).isEqualTo(id);
  }

  static Stream<Arguments> malformedBodies() {
    JsonObject both = new JsonObject().put("username", TestSystem.ADMIN).put("email", ADMIN_EMAIL);
    return Stream.of(
        Arguments.of("an empty body", new JsonObject()),
        Arguments.of("no password", new JsonObject().put("user", TestSystem.ADMIN)),
        Arguments.of("a password that is a number", new JsonObject().put("user", TestSystem.ADMIN).put("password", 5)),
        Arguments.of("a password of 257 characters", new JsonObject().put("user", TestSystem.ADMIN)
            .put("password", "p".repeat(257))),
        Arguments.of("a user that is a number", new JsonObject().put("user", 5).put("password", TestSystem.ADMIN)),
        Arguments.of("an empty user", new JsonObject().put("user", "").put("password", TestSystem.ADMIN)),
        Arguments.of("a wrapper with two fields", new JsonObject().put("user", both).put("password", TestSystem.ADMIN)),
        Arguments.of("an empty wrapper", new JsonObject().put("user", new JsonObject())
            .put("password", TestSystem.ADMIN)),
        Arguments.of("a wrapper with an operator", new JsonObject().put("user", new JsonObject()
            .put("username", new JsonObject().put("$ne", "nobody"))).put("password", TestSystem.ADMIN)),
        Arguments.of("a wrapper with another key", new JsonObject().put("user", new JsonObject()
            .put("name", TestSystem.ADMIN)).put("password", TestSystem.ADMIN)),
        Arguments.of("an unknown key beside the credentials", new JsonObject().put("user", TestSystem.ADMIN)
            .put("password", TestSystem.ADMIN).put("extra", true)),
        Arguments.of("a resume token that is an object", new JsonObject().put("resume",
            new JsonObject().put("$ne", "nothing"))),
        Arguments.of("an empty resume token", new JsonObject().put("resume", "")),
        Arguments.of("a JSON array", new JsonArray().add(TestSystem.ADMIN)));
  }

  @ParameterizedTest(name = "{0} answers 401 Unauthorized and writes nothing")
  @MethodSource("malformedBodies")
  void malformedBodiesAreRefused(String shape, Object body) {
    StoreSnapshot before = StoreSnapshot.take(system);

    Api.Response response = body instanceof JsonObject json ? login(json)
        : api.send(HttpMethod.POST, "login", Map.of(), ((JsonArray) body).encode());

    assertUnauthorized(response);
    assertThat(StoreSnapshot.take(system).changesSince(before)).isEmpty();
  }

  @Test
  @DisplayName("a body that is not JSON answers 400 error-invalid-body")
  void malformedJsonIsABadRequest() {
    Api.Response response = api.send(HttpMethod.POST, "login", Map.of(), "{\"user\":");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(new JsonObject().put("success", false)
        .put("error", "Malformed JSON body [error-invalid-body]").put("errorType", "error-invalid-body"));
  }

  @Test
  @DisplayName("{resume: token} answers the same token and the user, and stores no new token")
  void resumeLogsInWithTheSameToken() {
    JsonObject first = succeeded(login(new JsonObject().put("user", TestSystem.ADMIN)
        .put("password", TestSystem.ADMIN)));
    int tokensBefore = loginTokenCount();

    JsonObject resumed = succeeded(login(new JsonObject().put("resume", first.getString("authToken"))));

    assertThat(resumed.getString("authToken")).isEqualTo(first.getString("authToken"));
    assertThat(resumed.getString("userId")).isEqualTo(first.getString("userId"));
    assertThat(resumed.getJsonObject("me").getString("username")).isEqualTo(TestSystem.ADMIN);
    assertThat(loginTokenCount()).isEqualTo(tokensBefore);
  }

  @Test
  @DisplayName("{resume} with an unknown token, or one whose login is over 90 days old, answers 401 Unauthorized")
  void resumeRefusesUnknownAndExpiredTokens() {
    Map<String, String> session = system.user("login.resume.expired", List.of("user"));
    JsonObject longAgo = MongoDocs.date(Instant.now().minus(91, ChronoUnit.DAYS));
    system.mongo().updateCollection(Collections.USERS, new JsonObject().put("_id", session.get("X-User-Id")),
        new JsonObject().put("$set", new JsonObject().put("services.resume.loginTokens.0.when", longAgo))).await();

    assertUnauthorized(login(new JsonObject().put("resume", "no-such-token")));
    assertUnauthorized(login(new JsonObject().put("resume", session.get("X-Auth-Token"))));
  }
}
