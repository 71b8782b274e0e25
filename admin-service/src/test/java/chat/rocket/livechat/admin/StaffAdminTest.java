package chat.rocket.livechat.admin;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static chat.rocket.livechat.testkit.HandlerFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code staff.list|add|get|remove}: {@code livechat/users/agent|manager} of Rocket.Chat's users.ts. */
class StaffAdminTest extends AdminHandlerTest {

  private static final String AGENT = "livechat-agent";
  private static final String MANAGER = "livechat-manager";

  @BeforeEach
  void users() {
    storedUser("u1", "zoe", List.of("user", AGENT));
    storedUser("u2", "adam", List.of("user", AGENT));
    storedUser("u3", "carl", List.of("user"));
  }

  private void storedUser(String id, String username, List<String> roles) {
    fixture.insert(Collections.USERS, new JsonObject().put("_id", id).put("username", username).put("name", username)
        .put("status", "online").put("roles", new JsonArray(roles)).put("active", true)
        .put("services", new JsonObject().put("password", new JsonObject().put("bcrypt", "secret"))));
  }

  private JsonObject stored(String id) {
    return fixture.findOne(Collections.USERS, new JsonObject().put("_id", id));
  }

  private static JsonObject body(String role) {
    return new JsonObject().put("role", role);
  }

  @Test
  @DisplayName("list answers the role's users sorted by name, paged, with the total, and no other fields")
  void lists() {
    JsonObject page = await(fixture.staff.list(command(CommandType.STAFF_LIST, null,
        body(AGENT).put("offset", 0).put("count", 1))));

    assertThat(page.getJsonArray("users")).hasSize(1);
    assertThat(page.getJsonArray("users").getJsonObject(0).getString("username")).isEqualTo("adam");
    assertThat(page.getJsonArray("users").getJsonObject(0).containsKey("services")).isFalse();
    assertThat(page.getInteger("count")).isEqualTo(1);
    assertThat(page.getInteger("total")).isEqualTo(2);
    assertThat(page.getInteger("offset")).isZero();
  }

  @Test
  @DisplayName("list with text matches it literally and case-insensitively in username or name")
  void filtersByText() {
    JsonObject page = await(fixture.staff.list(command(CommandType.STAFF_LIST, null, body(AGENT).put("text", "ZO"))));
    JsonObject none = await(fixture.staff.list(command(CommandType.STAFF_LIST, null, body(AGENT).put("text", ".*"))));

    assertThat(page.getJsonArray("users").stream().map(u -> ((JsonObject) u).getString("_id"))).containsExactly("u1");
    assertThat(none.getInteger("total")).isZero();
  }

  @Test
  @DisplayName("list keeps only available agents with onlyAvailable, leaves out excludeId, hides offline users "
      + "unless showIdleAgents, and matches text in email addresses too")
  void appliesFilters() {
    await(fixture.mongo.updateCollection(Collections.USERS, new JsonObject().put("_id", "u1"), new JsonObject()
        .put("$set", new JsonObject().put("statusLivechat", "available").put("emails", new JsonArray()
            .add(new JsonObject().put("address", "zoe@desk.example"))))));
    await(fixture.mongo.updateCollection(Collections.USERS, new JsonObject().put("_id", "u2"), new JsonObject()
        .put("$set", new JsonObject().put("status", "offline"))));

    assertThat(ids(body(AGENT).put("onlyAvailable", true))).containsExactly("u1");
    assertThat(ids(body(AGENT).put("excludeId", "u1"))).containsExactly("u2");
    assertThat(ids(body(AGENT).put("showIdleAgents", false))).containsExactly("u1");
    assertThat(ids(body(AGENT).put("text", "DESK.example"))).containsExactly("u1");
  }

  private List<Object> ids(JsonObject body) {
    return await(fixture.staff.list(command(CommandType.STAFF_LIST, null, body.put("offset", 0).put("count", 0))))
        .getJsonArray("users").stream().map(user -> ((JsonObject) user).getValue("_id")).toList();
  }

  @Test
  @DisplayName("add gives an agent the role, operator true and statusLivechat available, and answers {_id, username}")
  void addsAgent() {
    JsonObject answer = await(fixture.staff.add(command(CommandType.STAFF_ADD, null,
        body(AGENT).put("username", "carl"))));

    assertThat(answer.getJsonObject("user")).isEqualTo(new JsonObject().put("_id", "u3").put("username", "carl"));
    assertThat(stored("u3").getJsonArray("roles")).containsExactly("user", AGENT);
    assertThat(stored("u3").getBoolean("operator")).isTrue();
    assertThat(stored("u3").getString("statusLivechat")).isEqualTo("available");
  }

  @Test
  @DisplayName("add of a manager adds only the role; an unknown username fails error-invalid-user")
  void addsManager() {
    await(fixture.staff.add(command(CommandType.STAFF_ADD, null, body(MANAGER).put("username", "carl"))));

    assertThat(stored("u3").getJsonArray("roles")).containsExactly("user", MANAGER);
    assertThat(stored("u3").containsKey("statusLivechat")).isFalse();
    assertThat(failure(fixture.staff.add(command(CommandType.STAFF_ADD, null, body(MANAGER).put("username", "ghost"))))
        .code()).isEqualTo(ErrorCode.STAFF_INVALID_USER);
  }

  @Test
  @DisplayName("get answers a staff member's fields, null for a user without the role, and fails for an unknown id")
  void gets() {
    JsonObject agent = await(fixture.staff.get(command(CommandType.STAFF_GET, null, body(AGENT).put("_id", "u1"))));
    JsonObject manager = await(fixture.staff.get(command(CommandType.STAFF_GET, null,
        body(MANAGER).put("_id", "u1"))));

    assertThat(agent.getJsonObject("user").fieldNames()).containsExactlyInAnyOrder("_id", "username", "name",
        "status");
    assertThat(manager.containsKey("user")).isTrue();
    assertThat(manager.getValue("user")).isNull();
    assertThat(failure(fixture.staff.get(command(CommandType.STAFF_GET, null, body(AGENT).put("_id", "nobody"))))
        .code()).isEqualTo(ErrorCode.STAFF_USER_NOT_FOUND);
  }

  @Test
  @DisplayName("remove takes the role and the agent's statusLivechat away; an unknown id fails with a bare failure")
  void removes() {
    await(fixture.staff.add(command(CommandType.STAFF_ADD, null, body(AGENT).put("username", "carl"))));

    await(fixture.staff.remove(command(CommandType.STAFF_REMOVE, null, body(AGENT).put("_id", "u3"))));

    assertThat(stored("u3").getJsonArray("roles")).containsExactly("user");
    assertThat(stored("u3").containsKey("statusLivechat")).isFalse();
    assertThat(failure(fixture.staff.remove(command(CommandType.STAFF_REMOVE, null,
        body(AGENT).put("_id", "nobody")))).code()).isEqualTo(ErrorCode.FAILURE_WITHOUT_MESSAGE);
  }
}
