package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Permission;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code GET|POST settings/:_id}, {@code GET permissions.listAll}, {@code POST permissions.update} and
 * {@code GET roles.list} through the whole system (issue 11): answers, validation and effects in MongoDB. Who may
 * call them is AuthorizationMatrixTest's table.
 */
class AdminEndpointsTest {

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

  private static JsonObject stored(String collection, String id) {
    return system.findOne(collection, new JsonObject().put("_id", id));
  }

  @Test
  @DisplayName("GET settings/:_id answers the seeded setting's _id and value; an unknown one 400 success false")
  void getsSetting() {
    Api.Response response = api.get("settings/Livechat_enabled", admin);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(new JsonObject().put("_id", "Livechat_enabled").put("value", true)
        .put("success", true));
    Api.Response unknown = api.get("settings/No_such_setting", admin);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json()).isEqualTo(new JsonObject().put("success", false));
  }

  @Test
  @DisplayName("POST settings/:_id stores a value of the setting's type and GET answers it")
  void setsSetting() {
    Api.Response response = api.post("settings/Livechat_title", admin, new JsonObject().put("value", "Help desk"));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(new JsonObject().put("success", true));
    assertThat(stored(Collections.SETTINGS, "Livechat_title").getString("value")).isEqualTo("Help desk");
    assertThat(api.get("settings/Livechat_title", admin).json().getString("value")).isEqualTo("Help desk");
  }

  @Test
  @DisplayName("POST settings/:_id without value, with a value of another type or for an unknown setting answers "
      + "400 success false and writes nothing")
  void refusesBadSettingWrites() {
    StoreSnapshot before = StoreSnapshot.take(system);

    for (Api.Response response : List.of(
        api.post("settings/Livechat_enabled", admin, new JsonObject()),
        api.post("settings/Livechat_enabled", admin, new JsonObject().put("value", "false")),
        api.post("settings/Livechat_guest_count", admin, new JsonObject().put("value", true)),
        api.post("settings/No_such_setting", admin, new JsonObject().put("value", 1)))) {
      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.json()).isEqualTo(new JsonObject().put("success", false));
    }
    assertThat(StoreSnapshot.take(system).changesSince(before)).isEmpty();
  }

  @Test
  @DisplayName("GET permissions.listAll answers every seeded permission in update and an empty remove")
  void listsPermissions() {
    Api.Response response = api.get("permissions.listAll", admin);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getJsonArray("remove")).isEmpty();
    assertThat(response.json().getJsonArray("update").stream().map(p -> ((JsonObject) p).getString("_id")))
        .contains(Permission.VIEW_L_ROOM.id(), Permission.ACCESS_PERMISSIONS.id());
    Api.Response bad = api.get("permissions.listAll?updatedSince=not-a-date", admin);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getString("errorType")).isEqualTo("error-roomId-param-invalid");
    assertThat(api.get("permissions.listAll?other=1", admin).json().getString("errorType"))
        .isEqualTo("invalid-params");
  }

  @Test
  @DisplayName("POST permissions.update sets the roles and answers every permission")
  void updatesPermission() {
    JsonObject body = update(Permission.VIEW_LIVECHAT_MANAGER.id(), "admin", "livechat-manager");

    Api.Response response = api.post("permissions.update", admin, body);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().getJsonArray("permissions").size()).isGreaterThanOrEqualTo(Permission.values().length);
    assertThat(stored(Collections.PERMISSIONS, Permission.VIEW_LIVECHAT_MANAGER.id()).getJsonArray("roles"))
        .isEqualTo(new JsonArray().add("admin").add("livechat-manager"));
  }

  @Test
  @DisplayName("POST permissions.update with a bad body, an unknown permission or an unknown role answers 400 "
      + "as Rocket.Chat and writes nothing")
  void refusesBadPermissionUpdates() {
    StoreSnapshot before = StoreSnapshot.take(system);

    Api.Response noBody = api.post("permissions.update", admin, new JsonObject());
    Api.Response unknownPermission = api.post("permissions.update", admin, update("no-such-permission", "admin"));
    Api.Response unknownRole = api.post("permissions.update", admin, update(Permission.VIEW_L_ROOM.id(), "ghost"));

    assertThat(noBody.status()).isEqualTo(400);
    assertThat(noBody.json().getString("errorType")).isEqualTo("invalid-params");
    assertThat(unknownPermission.status()).isEqualTo(400);
    assertThat(unknownPermission.json()).isEqualTo(new JsonObject().put("success", false)
        .put("error", "Invalid permission").put("errorType", "error-invalid-permission"));
    assertThat(unknownRole.status()).isEqualTo(400);
    assertThat(unknownRole.json()).isEqualTo(new JsonObject().put("success", false)
        .put("error", "Invalid role").put("errorType", "error-invalid-role"));
    assertThat(StoreSnapshot.take(system).changesSince(before)).isEmpty();
  }

  @Test
  @DisplayName("GET roles.list answers the seeded roles without _updatedAt")
  void listsRoles() {
    Api.Response response = api.get("roles.list", admin);

    assertThat(response.status()).isEqualTo(200);
    JsonArray roles = response.json().getJsonArray("roles");
    assertThat(roles.stream().map(r -> ((JsonObject) r).getString("_id"))).contains("admin", "livechat-agent");
    assertThat(roles.stream().map(r -> (JsonObject) r)).noneMatch(role -> role.containsKey("_updatedAt"));
  }

  private static JsonObject update(String permission, String... roles) {
    return new JsonObject().put("permissions", new JsonArray().add(new JsonObject().put("_id", permission)
        .put("roles", new JsonArray(List.of((Object[]) roles)))));
  }
}
