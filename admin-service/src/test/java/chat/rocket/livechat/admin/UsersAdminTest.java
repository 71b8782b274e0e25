package chat.rocket.livechat.admin;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static chat.rocket.livechat.testkit.HandlerFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code user.create|info|update|delete}: Rocket.Chat's users.create, users.info, users.update, users.delete. */
class UsersAdminTest extends AdminHandlerTest {

  @BeforeEach
  void admin() {
    await(new UserChecks(fixture.mongo).ensureIndexes());
    fixture.insert(Collections.USERS, new JsonObject().put("_id", "a1").put("username", "boss").put("name", "Boss")
        .put("active", true).put("roles", new JsonArray().add("admin"))
        .put("emails", new JsonArray().add(new JsonObject().put("address", "boss@example.com").put("verified", true)))
        .put("services", new JsonObject().put("password", new JsonObject().put("bcrypt", "hash"))));
  }

  private static JsonObject newUser(String username) {
    return new JsonObject().put("username", username).put("email", username + "@Example.com")
        .put("name", "N " + username).put("bcrypt", "$2b$10$hash");
  }

  private JsonObject create(JsonObject body) {
    return await(fixture.users.create(command(CommandType.USER_CREATE, null, body))).getJsonObject("user");
  }

  private JsonObject stored(String id) {
    return fixture.findOne(Collections.USERS, new JsonObject().put("_id", id));
  }

  @Test
  @DisplayName("create stores a user in Rocket.Chat's shape and answers it without services")
  void createsUser() {
    JsonObject user = create(newUser("mary"));
    JsonObject stored = stored(user.getString("_id"));

    assertThat(user.getString("username")).isEqualTo("mary");
    assertThat(user.containsKey("services")).isFalse();
    assertThat(user.getString("createdAt")).endsWith("Z");
    assertThat(stored.getJsonArray("roles")).containsExactly("user");
    assertThat(stored.getString("status")).isEqualTo("offline");
    assertThat(stored.getString("type")).isEqualTo("user");
    assertThat(stored.getBoolean("active")).isTrue();
    assertThat(stored.getJsonArray("emails").getJsonObject(0).getString("address")).isEqualTo("mary@example.com");
    assertThat(stored.getJsonObject("services").getJsonObject("password").getString("bcrypt")).isEqualTo("$2b$10$hash");
  }

  @Test
  @DisplayName("a redelivered create answers the user it created instead of a conflict")
  void createIsIdempotent() {
    Command once = command(CommandType.USER_CREATE, null, newUser("mary"));

    JsonObject first = await(fixture.users.create(once)).getJsonObject("user");
    JsonObject again = await(fixture.users.create(once)).getJsonObject("user");

    assertThat(again.getString("_id")).isEqualTo(first.getString("_id"));
    assertThat(fixture.find(Collections.USERS, new JsonObject().put("username", "mary"))).hasSize(1);
  }

  @Test
  @DisplayName("create refuses a taken username or email (any case), a bad username and a bad email, writing nothing")
  void createRefusesConflictsAndBadValues() {
    JsonObject takenName = newUser("BOSS");
    JsonObject takenEmail = newUser("other").put("email", "Boss@example.com");

    assertThat(failure(fixture.users.create(command(CommandType.USER_CREATE, null, takenName))).getMessage())
        .isEqualTo("BOSS is already in use :(");
    assertThat(failure(fixture.users.create(command(CommandType.USER_CREATE, null, takenEmail))).code())
        .isEqualTo(ErrorCode.FIELD_UNAVAILABLE);
    assertThat(failure(fixture.users.create(command(CommandType.USER_CREATE, null, newUser("no spaces")))).code())
        .isEqualTo(ErrorCode.INVALID_USERNAME);
    assertThat(failure(fixture.users.create(command(CommandType.USER_CREATE, null,
        newUser("x").put("email", "not-an-email")))).getMessage()).isEqualTo("Invalid email not-an-email");
    assertThat(fixture.find(Collections.USERS, new JsonObject())).hasSize(1);
  }

  @Test
  @DisplayName("info answers every field but services when full, only the public ones otherwise")
  void infoByIdOrUsername() {
    JsonObject full = await(fixture.users.info(command(CommandType.USER_INFO, null,
        new JsonObject().put("userId", "a1").put("full", true)))).getJsonObject("user");
    JsonObject limited = await(fixture.users.info(command(CommandType.USER_INFO, null,
        new JsonObject().put("username", "boss").put("full", false)))).getJsonObject("user");

    assertThat(full.getJsonArray("emails")).hasSize(1);
    assertThat(full.containsKey("services")).isFalse();
    assertThat(limited.getString("_id")).isEqualTo("a1");
    assertThat(limited.containsKey("emails")).isFalse();
    assertThat(limited.containsKey("roles")).isFalse();
    assertThat(failure(fixture.users.info(command(CommandType.USER_INFO, null,
        new JsonObject().put("userId", "ghost").put("full", true)))).code())
        .isEqualTo(ErrorCode.USER_NOT_FOUND_INFO);
  }

  @Test
  @DisplayName("update sets name, username, email and roles; deactivating ends the sessions and sets the user offline")
  void updatesUser() {
    String id = create(newUser("mary")).getString("_id");
    await(fixture.mongo.updateCollection(Collections.USERS, new JsonObject().put("_id", id), new JsonObject()
        .put("$set", new JsonObject().put("status", "online").put("services.resume.loginTokens",
            new JsonArray().add(new JsonObject().put("hashedToken", "t"))))));
    JsonObject data = new JsonObject().put("name", "Mary Jane").put("username", "mj").put("email", "MJ@example.com")
        .put("roles", new JsonArray().add("user").add("livechat-agent")).put("active", false);

    JsonObject user = await(fixture.userUpdate.update(command(CommandType.USER_UPDATE, null,
        new JsonObject().put("userId", id).put("data", data)))).getJsonObject("user");
    JsonObject stored = stored(id);

    assertThat(user.getString("username")).isEqualTo("mj");
    assertThat(stored.getString("name")).isEqualTo("Mary Jane");
    assertThat(stored.getJsonArray("emails").getJsonObject(0).getString("address")).isEqualTo("mj@example.com");
    assertThat(stored.getJsonArray("roles")).containsExactly("user", "livechat-agent");
    assertThat(stored.getBoolean("active")).isFalse();
    assertThat(stored.getString("status")).isEqualTo("offline");
    assertThat(stored.getJsonObject("services").getJsonObject("resume").getJsonArray("loginTokens")).isEmpty();
  }

  @Test
  @DisplayName("update refuses another user's username, an unknown user and the last admin losing its role")
  void updateRefuses() {
    String id = create(newUser("mary")).getString("_id");

    assertThat(failure(fixture.userUpdate.update(command(CommandType.USER_UPDATE, null, new JsonObject()
        .put("userId", id).put("data", new JsonObject().put("username", "boss"))))).code())
        .isEqualTo(ErrorCode.FIELD_UNAVAILABLE);
    assertThat(failure(fixture.userUpdate.update(command(CommandType.USER_UPDATE, null, new JsonObject()
        .put("userId", "ghost").put("data", new JsonObject().put("name", "x"))))).code())
        .isEqualTo(ErrorCode.USER_NOT_FOUND_INFO);
    assertThat(failure(fixture.userUpdate.update(command(CommandType.USER_UPDATE, null, new JsonObject()
        .put("userId", "a1").put("data", new JsonObject().put("roles", new JsonArray().add("user")))))).getMessage())
        .isEqualTo("Leaving the app without admins is not allowed");
    assertThat(stored(id).getString("username")).isEqualTo("mary");
    assertThat(stored("a1").getJsonArray("roles")).containsExactly("admin");
  }

  @Test
  @DisplayName("delete removes the user and its subscriptions, refuses the last admin and an unknown user")
  void deletesUser() {
    String id = create(newUser("mary")).getString("_id");
    fixture.insert(Collections.SUBSCRIPTIONS, new JsonObject().put("_id", "s1").put("rid", "r1")
        .put("u", new JsonObject().put("_id", id)));

    await(fixture.users.delete(command(CommandType.USER_DELETE, null, new JsonObject().put("username", "mary"))));

    assertThat(stored(id)).isNull();
    assertThat(fixture.find(Collections.SUBSCRIPTIONS, new JsonObject())).isEmpty();
    assertThat(failure(fixture.users.delete(command(CommandType.USER_DELETE, null,
        new JsonObject().put("userId", "a1")))).code()).isEqualTo(ErrorCode.USER_ACTION_NOT_ALLOWED);
    assertThat(failure(fixture.users.delete(command(CommandType.USER_DELETE, null,
        new JsonObject().put("userId", "ghost")))).code()).isEqualTo(ErrorCode.INVALID_USER);
    assertThat(fixture.find(Collections.USERS, new JsonObject().put("_id", "a1"))).hasSize(1);
  }
}
