package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * "Changes take effect at once" (issue 11): with caches holding settings and permissions for a minute
 * ({@code CACHE_TTL_MS=60000}), a change made through the admin endpoints applies to the very next request of the
 * gateway that took it, and to a second gateway (its own Vert.x instance, caches and cache invalidation consumer) as
 * soon as the change event reaches it, far within the minute; a write straight into MongoDB stays unseen until the
 * entries expire.
 */
class CacheInvalidationTest {

  private static final String NO_VISITOR = "livechat/visitors.info?visitorId=no-such-visitor";
  private static final int PER_VERTICLE = 4;

  private static TestSystem system;
  private static SecondGateway second;
  private static Api secondApi;
  private static Map<String, String> admin;
  private static Map<String, String> agent;

  @BeforeAll
  static void start() {
    // One HTTP verticle per gateway: each verticle has its own caches, and which one a request reaches is not ours to
    // choose; with one, "cached" and "dropped" are facts about the gateway.
    system = TestSystem.start(Map.of(ConfigKey.CACHE_TTL_MS.env(), "60000", ConfigKey.HTTP_INSTANCES.env(), "1"));
    second = new SecondGateway(system);
    secondApi = new Api(second.vertx(), second.port());
    admin = system.adminHeaders();
    agent = system.user("cache.agent", List.of("livechat-agent"));
  }

  @AfterAll
  static void stop() {
    second.close();
    system.close();
  }

  @Test
  @DisplayName("a permission revoked through permissions.update refuses the very next request, on both gateways")
  void revokedPermissionAppliesAtOnce() {
    assertAllowed(system.api());
    assertAllowed(secondApi);
    system.permission(Permission.VIEW_L_ROOM.id(), List.of("admin"));
    assertAllowed(system.api());
    assertAllowed(secondApi);

    Api.Response update = system.api().post("permissions.update", admin, new JsonObject().put("permissions",
        new JsonArray().add(new JsonObject().put("_id", Permission.VIEW_L_ROOM.id())
            .put("roles", new JsonArray().add("admin").add("livechat-manager")))));
    assertThat(update.status()).as(update.body()).isEqualTo(200);

    for (int i = 0; i < PER_VERTICLE; i++) {
      assertThat(system.api().get(NO_VISITOR, agent).status()).isEqualTo(403);
    }
    Waits.upTo("the second gateway refusing the agent", Duration.ofSeconds(10))
        .until(() -> secondApi.get(NO_VISITOR, agent).status() == 403);
  }

  @Test
  @DisplayName("a setting changed through settings/:_id is seen by the very next request, on both gateways")
  void changedSettingAppliesAtOnce() {
    assertThat(title(system.api())).isEqualTo("Rocket.Chat");
    assertThat(title(secondApi)).isEqualTo("Rocket.Chat");
    system.setting("Livechat_title", "Written straight into MongoDB");
    assertThat(title(system.api())).as("cached for a minute").isEqualTo("Rocket.Chat");

    Api.Response set = system.api().post("settings/Livechat_title", admin,
        new JsonObject().put("value", "Changed at once"));
    assertThat(set.status()).as(set.body()).isEqualTo(200);

    assertThat(title(system.api())).isEqualTo("Changed at once");
    Waits.upTo("the second gateway's answer with the new title", Duration.ofSeconds(10))
        .until(() -> "Changed at once".equals(title(secondApi)));
  }

  /** The agent holds view-l-room: visitors.info answers visitor-not-found, on every HTTP verticle. */
  private static void assertAllowed(Api api) {
    for (int i = 0; i < PER_VERTICLE; i++) {
      Api.Response response = api.get(NO_VISITOR, agent);
      assertThat(response.status()).as(response.body()).isEqualTo(400);
    }
  }

  private static String title(Api api) {
    return api.get("livechat/config").json().getJsonObject("config").getJsonObject("theme").getString("title");
  }
}
