package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Permission;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * What an administrator does over REST before and during Rocket.Chat's own end-to-end cases (their set-up hooks in
 * {@code tests/data/permissions.helper.ts} and {@code tests/data/livechat/rooms.ts}), done the same way here: through
 * the public endpoints of the running system, never by writing MongoDB. Every call must answer 200, or the test fails
 * there with the answer's body.
 */
final class Admin {

  private final Api api;
  private final Map<String, String> session;

  /**
   * @param api     the system's HTTP client
   * @param session the {@code X-User-Id} / {@code X-Auth-Token} headers of the seeded admin
   */
  Admin(Api api, Map<String, String> session) {
    this.api = api;
    this.session = session;
  }

  /** @return the admin's session headers */
  Map<String, String> session() {
    return session;
  }

  /** {@code POST settings/:_id {value}}: a setting changed as Rocket.Chat's {@code updateSetting} does. */
  void setting(String id, Object value) {
    ok(api.post("settings/" + id, session, new JsonObject().put("value", value)));
  }

  /** {@code POST permissions.update}: the permission's roles replaced, as Rocket.Chat's {@code updatePermission}. */
  void permission(String id, List<String> roles) {
    JsonObject update = new JsonObject().put("_id", id).put("roles", new JsonArray(roles));
    ok(api.post("permissions.update", session, new JsonObject().put("permissions", new JsonArray().add(update))));
  }

  /**
   * The livechat part of Rocket.Chat's room and visitor test hooks: Livechat switched on through its setting, the
   * admin made an agent ({@code POST livechat/users/agent}), view-l-room given back its default roles (without the
   * Enterprise-only livechat-monitor, as their {@code restorePermissionToRoles} does with EE off), the admin set online
   * ({@code POST users.setStatus}) and available ({@code POST livechat/agent.status}), so that new rooms are routed to
   * it.
   */
  void makeAvailableAgent() {
    setting("Livechat_enabled", true);
    ok(api.post("livechat/users/agent", session, new JsonObject().put("username", TestSystem.ADMIN)));
    permission(Permission.VIEW_L_ROOM.id(), Permission.VIEW_L_ROOM.defaultRoles().stream()
        .filter(role -> !"livechat-monitor".equals(role)).toList());
    ok(api.post("users.setStatus", session, new JsonObject().put("message", "").put("status", "online")));
    ok(api.post("livechat/agent.status", session, new JsonObject().put("status", "available")));
  }

  /**
   * {@code POST livechat/custom-fields.save} of a new field (Rocket.Chat's {@code createCustomField}).
   *
   * @param required whether a visitor registration that names custom fields must name this one
   */
  void customField(String field, String scope, boolean required) {
    ok(api.post("livechat/custom-fields.save", session, new JsonObject().putNull("customFieldId")
        .put("customFieldData", new JsonObject().put("field", field).put("label", field).put("scope", scope)
            .put("visibility", "public").put("regexp", "").put("searchable", true)
            .put("defaultValue", "default_value").put("required", required))));
  }

  /** {@code POST livechat/custom-fields.delete} (Rocket.Chat's {@code deleteCustomField}). */
  void deleteCustomField(String field) {
    ok(api.post("livechat/custom-fields.delete", session, new JsonObject().put("customFieldId", field)));
  }

  /** @return {@code channel} of {@code GET channels.info?roomId}: a livechat room as staff read it */
  JsonObject room(String rid) {
    return ok(api.get("channels.info?roomId=" + rid, session)).getJsonObject("channel");
  }

  private static JsonObject ok(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }
}
