package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The users endpoints and {@code channels.info} through the whole system (issue 11), as Rocket.Chat's own end-to-end
 * tests use them in their set-up: an admin creates a user, the user logs in with its password, is made an agent,
 * goes available and serves a room that staff then read through {@code channels.info}; the admin changes and deletes
 * users. Refusals answer Rocket.Chat's bodies and write nothing.
 */
class UsersEndpointsTest {

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

  private static JsonObject create(String username, String password) {
    Api.Response created = api.post("users.create", admin, new JsonObject().put("username", username)
        .put("email", username + "@rocket.chat").put("name", username).put("password", password));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    return created.json().getJsonObject("user");
  }

  private static int loginStatus(String username, String password) {
    return api.post("login", Map.of(), new JsonObject().put("user", username).put("password", password)).status();
  }

  @Test
  @DisplayName("a user created with users.create logs in with its password, becomes an agent, goes available and "
      + "is served a new room, which it then reads with channels.info")
  void createdUserServesARoom() {
    JsonObject user = create("agent.created", "p4ss-word");
    assertThat(user.getJsonArray("roles")).isEqualTo(new JsonArray().add("user"));
    assertThat(user.containsKey("services")).isFalse();

    Map<String, String> agent = api.login("agent.created", "p4ss-word");
    assertThat(api.post("livechat/users/agent", admin, new JsonObject().put("username", "agent.created")).status())
        .isEqualTo(200);
    api.post("users.setStatus", agent, new JsonObject().put("message", "").put("status", "online"));
    assertThat(api.post("livechat/agent.status", agent, new JsonObject().put("status", "available")).status())
        .isEqualTo(200);
    String token = new Visitors(api).create().getString("token");
    JsonObject room = api.get("livechat/room?token=" + token + "&agentId=" + user.getString("_id")).json()
        .getJsonObject("room");

    Api.Response info = api.get("channels.info?roomId=" + room.getString("_id"), agent);
    assertThat(info.status()).as(info.body()).isEqualTo(200);
    assertThat(info.json().getJsonObject("channel").getJsonObject("servedBy").getString("_id"))
        .isEqualTo(user.getString("_id"));
    assertThat(info.json().getJsonObject("channel").getJsonObject("v").getString("token")).isEqualTo(token);
    assertThat(api.post("livechat/agent.status", agent, new JsonObject().put("status", "not-available")).status())
        .isEqualTo(200);
  }

  @Test
  @DisplayName("users.info answers every field of oneself and only public fields of another user to a non-admin")
  void infoShowsWhatTheCallerMaySee() {
    JsonObject user = create("info.user", "p4ss-word");
    Map<String, String> self = api.login("info.user", "p4ss-word");

    JsonObject own = api.get("users.info?userId=" + user.getString("_id"), self).json().getJsonObject("user");
    JsonObject other = api.get("users.info?username=" + TestSystem.ADMIN, self).json().getJsonObject("user");
    JsonObject byAdmin = api.get("users.info?username=info.user", admin).json().getJsonObject("user");

    assertThat(own.getJsonArray("emails").getJsonObject(0).getString("address")).isEqualTo("info.user@rocket.chat");
    assertThat(other.getString("username")).isEqualTo(TestSystem.ADMIN);
    assertThat(other.containsKey("emails")).isFalse();
    assertThat(other.containsKey("roles")).isFalse();
    assertThat(byAdmin.getJsonArray("roles")).isEqualTo(new JsonArray().add("user"));
    assertThat(api.get("users.info?username=nobody.here", admin).json())
        .isEqualTo(new JsonObject().put("success", false).put("error", "User not found."));
    assertThat(api.get("users.info", admin).json().getString("error"))
        .isEqualTo("must have required property 'userId' [invalid-params]");
  }

  @Test
  @DisplayName("users.update changes a user's password and name; deactivating it ends its session; users.delete "
      + "removes it, so it can no longer log in")
  void updateAndDelete() {
    JsonObject user = create("changed.user", "first-pass");
    Map<String, String> session = api.login("changed.user", "first-pass");

    Api.Response updated = api.post("users.update", admin, new JsonObject().put("userId", user.getString("_id"))
        .put("data", new JsonObject().put("name", "Changed Name").put("password", "second-pass")));
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.json().getJsonObject("user").getString("name")).isEqualTo("Changed Name");
    assertThat(loginStatus("changed.user", "first-pass")).isEqualTo(401);
    assertThat(loginStatus("changed.user", "second-pass")).isEqualTo(200);

    api.post("users.update", admin, new JsonObject().put("userId", user.getString("_id"))
        .put("data", new JsonObject().put("active", false)));
    assertThat(api.get("me", session).status()).isEqualTo(401);

    assertThat(api.post("users.delete", admin, new JsonObject().put("userId", user.getString("_id"))).json())
        .isEqualTo(new JsonObject().put("success", true));
    assertThat(system.findOne(Collections.USERS, new JsonObject().put("_id", user.getString("_id")))).isNull();
    assertThat(loginStatus("changed.user", "second-pass")).isEqualTo(401);
  }

  @Test
  @DisplayName("bad input gets Rocket.Chat's 400s and writes nothing: missing or extra keys, a taken username, "
      + "a bad username, no user named for delete, no room named for channels.info, an unknown room")
  void refusesBadInput() {
    create("taken.user", "p4ss-word");
    long users = system.mongo().count(Collections.USERS, new JsonObject()).await();

    assertThat(api.post("users.create", admin, new JsonObject().put("username", "x").put("name", "x")
        .put("password", "x")).json().getString("error"))
        .isEqualTo("must have required property 'email' [invalid-params]");
    assertThat(api.post("users.create", admin, new JsonObject().put("username", "x").put("name", "x")
        .put("password", "x").put("email", "x@rocket.chat").put("admin", true)).json().getString("error"))
        .isEqualTo("must NOT have additional properties [invalid-params]");
    assertThat(api.post("users.create", admin, new JsonObject().put("username", "Taken.User").put("name", "x")
        .put("password", "x").put("email", "other@rocket.chat")).json())
        .isEqualTo(new JsonObject().put("success", false).put("error", "Taken.User is already in use :( "
            + "[error-field-unavailable]").put("errorType", "error-field-unavailable"));
    assertThat(api.post("users.create", admin, new JsonObject().put("username", "white space").put("name", "x")
        .put("password", "x").put("email", "ws@rocket.chat")).json().getString("errorType"))
        .isEqualTo("error-input-is-not-a-valid-field");
    assertThat(api.post("users.delete", admin, new JsonObject()).json().getString("errorType"))
        .isEqualTo("error-user-param-not-provided");
    assertThat(api.get("channels.info", admin).json().getString("error"))
        .isEqualTo("must have required property 'roomId' [invalid-params]");
    assertThat(api.get("channels.info?roomId=no-such-room", admin).json().getString("errorType"))
        .isEqualTo("error-room-not-found");
    assertThat(system.mongo().count(Collections.USERS, new JsonObject()).await()).isEqualTo(users);
  }
}
