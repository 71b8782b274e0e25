package chat.rocket.livechat.admin;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static chat.rocket.livechat.testkit.HandlerFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code agent.status}: Rocket.Chat's {@code POST livechat/agent.status}. */
class AgentStatusAdminTest extends AdminHandlerTest {

  private static final Caller AGENT = new Caller("a1", "anna", List.of("user", "livechat-agent"));
  private static final Caller MANAGER = new Caller("m1", "max", List.of("user", "livechat-manager"));

  @BeforeEach
  void staff() {
    fixture.insert(Collections.USERS, user("a1", "not-available", true).put("roles", new JsonArray()
        .add("user").add("livechat-agent")));
    fixture.insert(Collections.USERS, user("a2", "available", false).put("roles", new JsonArray()
        .add("livechat-agent")));
    fixture.insert(Collections.USERS, user("m1", null, true).put("roles", new JsonArray().add("livechat-manager")));
    fixture.storedPermission("manage-livechat-agents", List.of("livechat-manager", "admin"), "2024-01-01T00:00:00Z");
  }

  private static JsonObject user(String id, String statusLivechat, boolean active) {
    return new JsonObject().put("_id", id).put("username", id).put("statusLivechat", statusLivechat)
        .put("active", active);
  }

  private Future<JsonObject> status(Caller caller, JsonObject body) {
    return fixture.agentStatus.status(command(CommandType.AGENT_STATUS, caller, body));
  }

  private String stored(String id) {
    return fixture.findOne(Collections.USERS, new JsonObject().put("_id", id)).getString("statusLivechat");
  }

  @Test
  @DisplayName("an agent sets its own status and the answer names it; without status it toggles")
  void setsOwnStatus() {
    assertThat(await(status(AGENT, new JsonObject().put("status", "available"))).getString("status"))
        .isEqualTo("available");
    assertThat(stored("a1")).isEqualTo("available");

    assertThat(await(status(AGENT, new JsonObject())).getString("status")).isEqualTo("not-available");
    assertThat(stored("a1")).isEqualTo("not-available");
  }

  @Test
  @DisplayName("a user without the livechat-agent role, or an unknown agentId, fails 404 Agent not found")
  void refusesNonAgents() {
    assertThat(failure(status(MANAGER, new JsonObject().put("status", "available"))).code())
        .isEqualTo(ErrorCode.AGENT_NOT_FOUND_404);
    assertThat(failure(status(AGENT, new JsonObject().put("agentId", "ghost"))).code())
        .isEqualTo(ErrorCode.AGENT_NOT_FOUND_404);
  }

  @Test
  @DisplayName("another agent's status needs manage-livechat-agents: a manager may, an agent gets unauthorized")
  void othersNeedManagePermission() {
    fixture.insert(Collections.USERS, user("a3", "not-available", true).put("roles", new JsonArray()
        .add("livechat-agent")));

    assertThat(failure(status(AGENT, new JsonObject().put("status", "available").put("agentId", "a3"))).code())
        .isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(stored("a3")).isEqualTo("not-available");

    assertThat(await(status(MANAGER, new JsonObject().put("status", "available").put("agentId", "a3")))
        .getString("status")).isEqualTo("available");
    assertThat(stored("a3")).isEqualTo("available");
  }

  @Test
  @DisplayName("a deactivated agent fails error-user-deactivated and keeps its status")
  void refusesDeactivated() {
    assertThat(failure(status(MANAGER, new JsonObject().put("status", "not-available").put("agentId", "a2"))).code())
        .isEqualTo(ErrorCode.USER_DEACTIVATED);
    assertThat(stored("a2")).isEqualTo("available");
  }
}
