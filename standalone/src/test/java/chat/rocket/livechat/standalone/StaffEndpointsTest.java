package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The livechat staff endpoints through the whole system (issue 11): {@code livechat/users/agent|manager},
 * {@code livechat/users/agent|manager/:_id} and {@code livechat/agent.status}, with Rocket.Chat's answers, their
 * refusals (401, 403, 400, 404, nothing written) and their effect on routing.
 */
class StaffEndpointsTest {

  private static TestSystem system;
  private static Api api;
  private static Map<String, String> admin;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
    api = system.api();
    admin = system.adminHeaders();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  private static JsonObject stored(String userId) {
    return system.findOne(Collections.USERS, new JsonObject().put("_id", userId));
  }

  private static JsonObject status(Map<String, String> caller, String status) {
    Api.Response response = api.post("livechat/agent.status", caller, new JsonObject().put("status", status));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  /** Waits for livechat/config's {@code online}, which the room-service caches for CACHE_TTL_MS (1 s). */
  private static void awaitOnline(boolean online) {
    Waits.upTo("livechat/config online " + online, Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(api.get("livechat/config").json().getJsonObject("config").getBoolean("online")).isEqualTo(online));
  }

  @Test
  @DisplayName("a user made an agent through POST livechat/users/agent and set available is served a new visitor's "
      + "room once the other agent is not available")
  void newAgentTakesChats() {
    Map<String, String> anna = system.user("anna.staff", List.of("user"));
    Api.Response added = api.post("livechat/users/agent", admin, new JsonObject().put("username", "anna.staff"));
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    assertThat(added.json()).isEqualTo(new JsonObject().put("user", new JsonObject()
        .put("_id", anna.get("X-User-Id")).put("username", "anna.staff")).put("success", true));

    assertThat(status(admin, "not-available")).isEqualTo(new JsonObject().put("status", "not-available")
        .put("success", true));
    status(anna, "not-available");
    awaitOnline(false);
    status(anna, "available");
    awaitOnline(true);

    String token = new Visitors(api).create().getString("token");
    JsonObject room = api.get("livechat/room?token=" + token).json().getJsonObject("room");
    assertThat(room.getJsonObject("servedBy").getString("username")).isEqualTo("anna.staff");
    status(admin, "available");
  }

  @Test
  @DisplayName("GET livechat/users/agent lists agents with Rocket.Chat's page fields; GET by id answers the user, "
      + "null for a user without the role; DELETE takes the role away")
  void listsGetsAndRemoves() {
    String id = system.user("bert.staff", List.of("user")).get("X-User-Id");
    api.post("livechat/users/manager", admin, new JsonObject().put("username", "bert.staff"));

    JsonObject page = api.get("livechat/users/manager?text=BERT", admin).json();
    assertThat(page.getInteger("total")).isEqualTo(1);
    assertThat(page.getInteger("count")).isEqualTo(1);
    assertThat(page.getInteger("offset")).isZero();
    assertThat(page.getJsonArray("users").getJsonObject(0).getString("_id")).isEqualTo(id);
    assertThat(api.get("livechat/users/manager/" + id, admin).json().getJsonObject("user").getString("username"))
        .isEqualTo("bert.staff");
    assertThat(api.get("livechat/users/agent/" + id, admin).json().getValue("user")).isNull();

    Api.Response removed = api.send(HttpMethod.DELETE, "livechat/users/manager/" + id, admin, null);
    assertThat(removed.json()).isEqualTo(new JsonObject().put("success", true));
    assertThat(stored(id).getJsonArray("roles")).containsExactly("user");
  }

  @Test
  @DisplayName("the staff endpoints answer 401 without login and 403 error-unauthorized to a plain user, writing "
      + "nothing")
  void refusesUnauthorized() {
    Map<String, String> plain = system.user("carl.staff", List.of("user"));
    StoreSnapshot before = StoreSnapshot.take(system);
    JsonObject username = new JsonObject().put("username", "carl.staff");

    assertThat(api.post("livechat/users/agent", Map.of(), username).status()).isEqualTo(401);
    for (Api.Response response : List.of(api.post("livechat/users/agent", plain, username),
        api.get("livechat/users/agent", plain), api.get("livechat/users/manager", plain),
        api.send(HttpMethod.DELETE, "livechat/users/agent/" + plain.get("X-User-Id"), plain, null),
        api.post("livechat/agent.status", plain, new JsonObject().put("status", "available")))) {
      assertThat(response.status()).as(response.body()).isEqualTo(403);
      assertThat(response.json()).isEqualTo(new JsonObject().put("success", false)
          .put("error", "User does not have the permissions required for this action [error-unauthorized]"));
    }
    assertThat(StoreSnapshot.take(system).changesSince(before)).isEmpty();
  }

  @Test
  @DisplayName("bad input answers Rocket.Chat's 400 and 404 bodies and writes nothing")
  void refusesBadInput() {
    StoreSnapshot before = StoreSnapshot.take(system);

    assertThat(api.post("livechat/users/agent", admin, new JsonObject().put("username", "ghost")).json())
        .isEqualTo(new JsonObject().put("success", false).put("error", "[error-invalid-user]")
            .put("errorType", "error-invalid-user"));
    assertThat(api.post("livechat/users/agent", admin, new JsonObject().put("username", 1)).status()).isEqualTo(400);
    assertThat(api.post("livechat/users/owner", admin, new JsonObject().put("username", "x")).json())
        .isEqualTo(new JsonObject().put("success", false).put("error", "Invalid type"));
    assertThat(api.get("livechat/users/agent/nobody", admin).json())
        .isEqualTo(new JsonObject().put("success", false).put("error", "User not found"));
    Api.Response badStatus = api.post("livechat/agent.status", admin, new JsonObject().put("status", "busy"));
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(badStatus.json().getString("errorType")).isEqualTo("invalid-params");
    Api.Response notAgent = api.post("livechat/agent.status", admin, new JsonObject().put("agentId", "nobody"));
    assertThat(notAgent.status()).isEqualTo(404);
    assertThat(notAgent.json()).isEqualTo(new JsonObject().put("success", false).put("error", "Agent not found"));
    assertThat(StoreSnapshot.take(system).changesSince(before)).isEmpty();
  }

  @Test
  @DisplayName("an agent changing another agent's status without manage-livechat-agents gets 403 unauthorized")
  void othersStatusNeedsManagePermission() {
    Map<String, String> dora = system.user("dora.staff", List.of("user", "livechat-agent"));
    String eve = system.user("eve.staff", List.of("user", "livechat-agent")).get("X-User-Id");

    Api.Response response = api.post("livechat/agent.status", dora, new JsonObject().put("status", "available")
        .put("agentId", eve));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json()).isEqualTo(new JsonObject().put("success", false).put("error", "unauthorized"));
    assertThat(stored(eve).containsKey("statusLivechat")).isFalse();
  }
}
