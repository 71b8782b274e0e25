package chat.rocket.livechat.standalone;

import static chat.rocket.livechat.standalone.ExpectedBodies.LOGGED_OUT;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.gateway.auth.Authenticator;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code POST logout} through two gateway processes whose caches keep entries a minute ({@code CACHE_TTL_MS=60000}):
 * a logged-out token fails on the very next request on either gateway, however recently it authenticated there, and
 * the user's other sessions stay.
 */
class LogoutTest {


  private static TestSystem system;
  private static SecondGateway second;
  private static Api api;
  private static Api secondApi;

  @BeforeAll
  static void start() {
    system = TestSystem.start(Map.of(ConfigKey.CACHE_TTL_MS.env(), "60000"));
    second = new SecondGateway(system);
    api = system.api();
    secondApi = new Api(second.vertx(), second.port());
  }

  @AfterAll
  static void stop() {
    second.close();
    system.close();
  }

  private static List<Object> storedHashes() {
    JsonObject admin = system.findOne(Collections.USERS, new JsonObject().put("username", TestSystem.ADMIN));
    JsonArray tokens = admin.getJsonObject("services").getJsonObject("resume").getJsonArray("loginTokens");
    return tokens.stream().map(token -> ((JsonObject) token).getValue("hashedToken")).toList();
  }

  /** Authenticates a session on every HTTP verticle of both gateways, so any cache there holds it. */
  private static void useEverywhere(Map<String, String> session) {
    for (int i = 0; i < 4; i++) {
      assertThat(api.get("me", session).status()).isEqualTo(200);
      assertThat(secondApi.get("me", session).status()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("after logout the token answers 401 on both gateways at once, and the user's other session still works")
  void logoutEndsOnlyThatSessionEverywhere() {
    Map<String, String> ending = api.login(TestSystem.ADMIN, TestSystem.ADMIN);
    Map<String, String> staying = api.login(TestSystem.ADMIN, TestSystem.ADMIN);
    useEverywhere(ending);

    Api.Response response = api.post("logout", ending, null);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.json()).isEqualTo(new JsonObject().put("status", "success")
        .put("data", new JsonObject().put("message", "You've been logged out!")).put("success", true));
    for (Api gateway : List.of(api, secondApi, api, secondApi)) {
      Api.Response after = gateway.get("me", ending);
      assertThat(after.status()).isEqualTo(401);
      assertThat(after.json()).isEqualTo(LOGGED_OUT);
    }
    assertThat(secondApi.get("me", staying).status()).isEqualTo(200);
    assertThat(storedHashes()).doesNotContain(Authenticator.hashLoginToken(ending.get("X-Auth-Token")))
        .contains(Authenticator.hashLoginToken(staying.get("X-Auth-Token")));
  }

  @Test
  @DisplayName("a logout on the other gateway ends the session here; a second logout with it answers 401")
  void logoutOnAnotherGatewayEndsTheSessionHere() {
    Map<String, String> session = api.login(TestSystem.ADMIN, TestSystem.ADMIN);
    useEverywhere(session);

    assertThat(secondApi.post("logout", session, null).status()).isEqualTo(200);
    Api.Response again = api.post("logout", session, null);

    assertThat(api.get("me", session).status()).isEqualTo(401);
    assertThat(again.status()).isEqualTo(401);
    assertThat(again.json()).isEqualTo(LOGGED_OUT);
    assertThat(api.post("login", Map.of(), new JsonObject().put("resume", session.get("X-Auth-Token"))).status())
        .isEqualTo(401);
  }
}
