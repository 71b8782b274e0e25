package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rocket.Chat's REST rate limiter (spec §1.6, §1.3) through the whole system, switched on for this class only. Every
 * test is its own client: a fresh {@code X-Real-IP}, so the counters of one test never touch another's. The system
 * sits behind one trusted proxy ({@code HTTP_FORWARDED_COUNT=1}) to show whose address a forwarded call counts for.
 */
class RateLimitTest {

  private static final Pattern WAIT = Pattern.compile("You must wait (\\d+) seconds");
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private static TestSystem system;
  private static Api api;
  private static Map<String, String> agent;
  private static Map<String, String> admin;

  @BeforeAll
  static void start() {
    system = TestSystem.start(Map.of(ConfigKey.HTTP_FORWARDED_COUNT.env(), "1"));
    api = system.api();
    agent = system.user("agent.ratelimit", List.of("livechat-agent"));
    admin = system.adminHeaders();
    system.setting(Setting.API_ENABLE_RATE_LIMITER.id(), true);
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  /** @return the headers of a client of its own, plus {@code extra} */
  private static Map<String, String> newClient(Map<String, String> extra) {
    Map<String, String> headers = new HashMap<>(extra);
    headers.put("X-Real-IP", "10.20." + CLIENTS.incrementAndGet() + ".1");
    return headers;
  }

  private static Api.Response getRoom(Map<String, String> client) {
    return api.get("livechat/room?token=no-such-token", client);
  }

  /** Asserts the 429 of spec §1.6 and returns its wait in seconds. */
  private static long assertTooManyRequests(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(429);
    assertThat(response.contentType()).isEqualTo("application/json");
    Matcher wait = WAIT.matcher(response.body());
    assertThat(wait.find()).as(response.body()).isTrue();
    long seconds = Long.parseLong(wait.group(1));
    assertThat(response.json()).isEqualTo(new JsonObject().put("success", false).put("error",
        "Error, too many requests. Please slow down. You must wait " + seconds
            + " seconds before trying this endpoint again. [error-too-many-requests]"));
    assertThat(response.json())
        .isEqualTo(ErrorCode.TOO_MANY_REQUESTS.body(ErrorCode.TOO_MANY_REQUESTS.format(seconds)));
    return seconds;
  }

  @Test
  @DisplayName("GET livechat/room allows 5 calls a minute per client and answers the 6th 429 with Rocket.Chat's text")
  void livechatRoomAllowsFivePerMinute() {
    Map<String, String> client = newClient(Map.of());
    for (int call = 1; call <= 5; call++) {
      assertThat(getRoom(client).status()).isEqualTo(400);
    }

    long seconds = assertTooManyRequests(getRoom(client));

    assertThat(seconds).isBetween(1L, 60L);
  }

  @Test
  @DisplayName("every counted call carries X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset in epoch ms")
  void countedCallsCarryTheHeaders() {
    Map<String, String> client = newClient(Map.of());
    long before = System.currentTimeMillis();
    for (int call = 1; call <= 6; call++) {
      Api.Response response = getRoom(client);

      assertThat(response.headers().get("X-RateLimit-Limit")).isEqualTo("5");
      assertThat(response.headers().get("X-RateLimit-Remaining")).isEqualTo(Integer.toString(Math.max(5 - call, 0)));
      assertThat(Long.parseLong(response.headers().get("X-RateLimit-Reset")))
          .isBetween(before + 50_000, System.currentTimeMillis() + 60_000);
    }
  }

  @Test
  @DisplayName("POST livechat/visitor allows 5 registrations a minute and the refused 6th writes nothing")
  void visitorRegistrationAllowsFivePerMinute() {
    Map<String, String> client = newClient(Map.of());
    for (int call = 1; call <= 5; call++) {
      assertThat(register(client, TestSystem.randomToken()).status()).isEqualTo(200);
    }
    String refused = TestSystem.randomToken();

    assertTooManyRequests(register(client, refused));
    assertThat(system.findOne(Collections.VISITORS, new JsonObject().put("token", refused))).isNull();
  }

  @Test
  @DisplayName("POST livechat/offline.message allows 1 message per 5 s, and GET livechat/config the default 10")
  void widgetRoutesAreLimited() {
    Map<String, String> client = newClient(Map.of());
    String email = TestSystem.randomToken() + "@example.com";
    JsonObject message = new JsonObject().put("name", "Ada").put("email", email).put("message", "Call me");
    assertThat(api.post("livechat/offline.message", client, message).status()).isEqualTo(200);

    assertThat(assertTooManyRequests(api.post("livechat/offline.message", client, message))).isBetween(1L, 5L);
    assertThat(system.findOne(Collections.OFFLINE_MESSAGES, new JsonObject().put("email", email))).isNotNull();
    for (int call = 1; call <= 10; call++) {
      assertThat(api.get("livechat/config", client).status()).isEqualTo(200);
    }
    assertTooManyRequests(api.get("livechat/config", client));
  }

  private static Api.Response register(Map<String, String> client, String token) {
    return api.post("livechat/visitor", client, new JsonObject().put("visitor", new JsonObject().put("token", token)));
  }

  @Test
  @DisplayName("the count is per client IP and route: another client, or another route, is still allowed")
  void countIsPerClientAndRoute() {
    Map<String, String> client = newClient(Map.of());
    for (int call = 1; call <= 6; call++) {
      getRoom(client);
    }

    assertThat(getRoom(client).status()).isEqualTo(429);
    assertThat(getRoom(newClient(Map.of())).status()).isEqualTo(400);
    assertThat(register(client, TestSystem.randomToken()).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("an authenticated route allows the default 10 calls a minute, then answers 429")
  void authenticatedRouteUsesTheDefaults() {
    Map<String, String> client = newClient(agent);
    for (int call = 1; call <= 10; call++) {
      Api.Response response = api.get("livechat/visitors.info?visitorId=nobody", client);
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.headers().get("X-RateLimit-Limit")).isEqualTo("10");
    }

    assertTooManyRequests(api.get("livechat/visitors.info?visitorId=nobody", client));
  }

  @Test
  @DisplayName("a user with api-bypass-rate-limit (admin) is never limited and gets no rate-limit headers")
  void bypassPermissionExempts() {
    Map<String, String> client = newClient(admin);
    for (int call = 1; call <= 12; call++) {
      Api.Response response = api.get("livechat/visitors.info?visitorId=nobody", client);

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.headers().get("X-RateLimit-Limit")).isNull();
    }
  }

  @Test
  @DisplayName("authentication comes before the rate limit, and the rate limit before validation and permission")
  void checkOrder() {
    Map<String, String> client = newClient(agent);
    for (int call = 1; call <= 11; call++) {
      api.get("livechat/visitors.info?visitorId=nobody", client);
    }
    Map<String, String> badToken = new HashMap<>(client);
    badToken.put("X-Auth-Token", "not-a-token");

    Api.Response unauthenticated = api.get("livechat/visitors.info?visitorId=nobody", badToken);
    assertThat(unauthenticated.status()).isEqualTo(401);
    assertThat(unauthenticated.headers().get("X-RateLimit-Limit")).isNull();
    assertTooManyRequests(api.get("livechat/visitors.info", client));
    Map<String, String> withoutPermission = newClient(system.user("user.ratelimit", List.of("user")));
    for (int call = 1; call <= 10; call++) {
      assertThat(api.get("livechat/visitors.info?visitorId=nobody", withoutPermission).status()).isEqualTo(403);
    }
    assertTooManyRequests(api.get("livechat/visitors.info?visitorId=nobody", withoutPermission));
  }

  @Test
  @DisplayName("the default limits are read from the settings, and they cover login and visitor/:token per route")
  void defaultsComeFromSettings() {
    Map<String, String> client = newClient(Map.of());
    system.setting(Setting.API_RATE_LIMITER_LIMIT_CALLS_DEFAULT.id(), 2);
    try {
      assertThat(api.get("livechat/visitor/first-token", client).status()).isEqualTo(400);
      assertThat(api.get("livechat/visitor/second-token", client).headers().get("X-RateLimit-Limit")).isEqualTo("2");
      assertTooManyRequests(api.get("livechat/visitor/third-token", client));
      assertThat(getRoom(client).headers().get("X-RateLimit-Limit")).isEqualTo("5");
      JsonObject wrongLogin = new JsonObject().put("user", "nobody").put("password", "wrong");
      assertThat(api.post("login", client, wrongLogin).status()).isEqualTo(401);
      assertThat(api.post("login", client, wrongLogin).status()).isEqualTo(401);
      assertTooManyRequests(api.post("login", client, wrongLogin));
    } finally {
      system.setting(Setting.API_RATE_LIMITER_LIMIT_CALLS_DEFAULT.id(), 10);
    }
  }

  @Test
  @DisplayName("with API_Enable_Rate_Limiter false nothing is counted and no rate-limit header is sent")
  void settingSwitchesTheLimiterOff() {
    Map<String, String> client = newClient(Map.of());
    system.setting(Setting.API_ENABLE_RATE_LIMITER.id(), false);
    try {
      for (int call = 1; call <= 8; call++) {
        Api.Response response = getRoom(client);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().get("X-RateLimit-Remaining")).isNull();
      }
    } finally {
      system.setting(Setting.API_ENABLE_RATE_LIMITER.id(), true);
    }
  }

  @Test
  @DisplayName("behind one trusted proxy the last X-Forwarded-For entry is the client, whatever it claims before it")
  void forwardedForNamesTheClient() {
    String address = "10.30." + CLIENTS.incrementAndGet() + ".7";
    for (int call = 1; call <= 5; call++) {
      Map<String, String> viaProxy = Map.of("X-Forwarded-For", "6.6.6." + call + ", " + address);
      assertThat(getRoom(viaProxy).status()).isEqualTo(400);
    }

    assertTooManyRequests(getRoom(Map.of("X-Real-IP", address)));
  }
}
