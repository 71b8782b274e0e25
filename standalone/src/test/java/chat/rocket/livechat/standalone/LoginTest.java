package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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

  @Test
  @DisplayName("a user value containing @ logs in by email")
  void loginByEmailInUser() {
    JsonObject data = succeeded(login(new JsonObject().put("user", ADMIN_EMAIL).put("password", TestSystem.ADMIN)));

    assertThat(data.getJsonObject("me").getString("username")).isEqualTo(TestSystem.ADMIN);
  }

  @Test
  @DisplayName("the email key logs in by email")
  void loginByEmailKey() {
    JsonObject data = succeeded(login(new JsonObject().put("email", ADMIN_EMAIL).put("password", TestSystem.ADMIN)));

    assertThat(data.getJsonObject("me").getString("username")).isEqualTo(TestSystem.ADMIN);
  }

  @Test
  @DisplayName("the username key logs in by username")
  void loginByUsernameKey() {
    JsonObject data = succeeded(login(new JsonObject().put("username", TestSystem.ADMIN)
        .put("password", TestSystem.ADMIN)));

    assertThat(data.getJsonObject("me").getString("username")).isEqualTo(TestSystem.ADMIN);
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
}
