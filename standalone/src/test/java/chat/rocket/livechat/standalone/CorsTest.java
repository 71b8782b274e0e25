package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.gateway.web.Cors;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rocket.Chat's CORS on the REST API (settings {@code API_Enable_CORS}, {@code API_CORS_Origin}; Rocket.Chat's
 * {@code defaultOptionsEndpoint} and {@code middlewares/cors.spec.ts}) through the whole system. Each test sets both
 * settings first (caches are off in the test system).
 */
class CorsTest {

  private static final String SITE = "https://site.example";
  private static final Map<String, String> PREFLIGHT = Map.of("Origin", SITE,
      "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,x-visitor-token");

  private static TestSystem system;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @BeforeEach
  void corsOnForAnyOrigin() {
    system.setting(Setting.API_ENABLE_CORS.id(), true);
    system.setting(Setting.API_CORS_ORIGIN.id(), "*");
  }

  private static Api.Response preflight(String path, Map<String, String> headers) {
    return system.api().send(HttpMethod.OPTIONS, path, headers, null);
  }

  @Test
  @DisplayName("the seed step writes API_Enable_CORS false and API_CORS_Origin '*', Rocket.Chat's defaults")
  void seededDefaults() {
    assertThat(Setting.API_ENABLE_CORS.defaultValue()).isEqualTo(false);
    JsonObject origin = system.findOne(Collections.SETTINGS, new JsonObject().put("_id", Setting.API_CORS_ORIGIN.id()));
    assertThat(origin.getString("packageValue")).isEqualTo("*");
  }

  @Test
  @DisplayName("with CORS on for '*', a preflight answers 200 allowing any origin, Rocket.Chat's methods and headers")
  void preflightAllowsAnyOrigin() {
    Api.Response response = preflight("livechat/message", PREFLIGHT);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isNullOrEmpty();
    assertThat(response.headers().get("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(response.headers().get("Access-Control-Allow-Methods"))
        .isEqualTo("GET, POST, PUT, DELETE, HEAD, PATCH");
    assertThat(response.headers().get("Access-Control-Allow-Headers")).isEqualTo("Origin, X-Requested-With, "
        + "Content-Type, Accept, X-User-Id, X-Auth-Token, x-visitor-token, Authorization");
  }

  @Test
  @DisplayName("with CORS on for '*', a simple cross-origin request gets its answer with the CORS headers")
  void simpleRequestCarriesTheHeaders() {
    Api.Response response = system.api().get("livechat/visitor/no-such-token", Map.of("Origin", SITE));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.headers().get("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(response.headers().get("Access-Control-Allow-Headers")).isEqualTo(Cors.HEADERS);
  }

  @Test
  @DisplayName("a cross-origin POST with a JSON body reaches its endpoint through CORS and carries the headers")
  void postWithBodyPassesThrough() {
    String token = TestSystem.randomToken();

    Api.Response response = system.api().post("livechat/visitor", Map.of("Origin", SITE),
        new JsonObject().put("visitor", new JsonObject().put("token", token).put("name", "Cross Origin")));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().getJsonObject("visitor").getString("token")).isEqualTo(token);
    assertThat(response.headers().get("Access-Control-Allow-Origin")).isEqualTo("*");
  }

  @Test
  @DisplayName("with CORS off, a preflight answers 405 with Rocket.Chat's text and a request carries no CORS header")
  void corsOff() {
    system.setting(Setting.API_ENABLE_CORS.id(), false);

    Api.Response preflight = preflight("livechat/message", PREFLIGHT);
    Api.Response simple = system.api().get("livechat/visitor/no-such-token", Map.of("Origin", SITE));

    assertThat(preflight.status()).isEqualTo(405);
    assertThat(preflight.body()).isEqualTo("CORS not enabled. Go to \"Admin > General > REST Api\" to enable it.");
    assertThat(preflight.headers().get("Access-Control-Allow-Origin")).isNull();
    assertThat(simple.status()).isEqualTo(400);
    assertThat(simple.headers().names()).noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"));
  }

  @Test
  @DisplayName("with a list of origins, a listed origin is echoed with Vary: Origin and another one's preflight is 403")
  void originList() {
    system.setting(Setting.API_CORS_ORIGIN.id(), "https://other.example, HTTPS://SITE.EXAMPLE");

    Api.Response listed = preflight("livechat/room", PREFLIGHT);
    Api.Response unlisted = preflight("livechat/room", Map.of("Origin", "https://evil.example",
        "Access-Control-Request-Method", "GET"));
    Api.Response simpleUnlisted = system.api().get("livechat/visitor/no-such-token",
        Map.of("Origin", "https://evil.example"));

    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.headers().get("Access-Control-Allow-Origin")).isEqualTo(SITE);
    assertThat(listed.headers().get("Vary")).isEqualTo("Origin");
    assertThat(unlisted.status()).isEqualTo(403);
    assertThat(unlisted.headers().get("Access-Control-Allow-Origin")).isNull();
    assertThat(simpleUnlisted.headers().get("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  @DisplayName("an OPTIONS without Origin or Access-Control-Request-Method is no preflight: the API's 404, no CORS")
  void optionsWithoutCorsHeaders() {
    Api.Response response = preflight("livechat/room", Map.of());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json()).isEqualTo(new JsonObject().put("success", false)
        .put("error", "API endpoint does not exist"));
    assertThat(response.headers().get("Access-Control-Allow-Origin")).isNull();
  }
}
