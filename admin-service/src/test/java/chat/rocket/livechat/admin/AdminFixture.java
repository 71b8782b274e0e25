package chat.rocket.livechat.admin;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.testkit.HandlerFixture;
import chat.rocket.livechat.testkit.MemoryStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The admin-service's handlers wired as {@link AdminServiceVerticle} wires them, on a fresh database of a
 * {@link MemoryStore}, with outboxes that record what they publish ({@link HandlerFixture}), and writes of settings,
 * permissions and roles in Rocket.Chat's stored shapes.
 */
final class AdminFixture extends HandlerFixture {

  final SettingsAdmin settings;
  final PermissionsAdmin permissions;
  final RolesAdmin roles;
  final CustomFieldsAdmin customFields;
  final CustomFieldRemoval customFieldRemoval;
  final StaffAdmin staff;
  final AgentStatusAdmin agentStatus;
  final UsersAdmin users;
  final UserUpdate userUpdate;

  AdminFixture(MemoryStore store) {
    super(store, "admin");
    settings = new SettingsAdmin(mongo, outbox(Collections.SETTINGS, "setting"));
    permissions = new PermissionsAdmin(mongo, outbox(Collections.PERMISSIONS, "permission"));
    roles = new RolesAdmin(mongo);
    customFields = new CustomFieldsAdmin(mongo, outbox(Collections.CUSTOM_FIELDS, "custom-field"));
    customFieldRemoval = new CustomFieldRemoval(mongo, outbox(Collections.TRASH, "custom-field"));
    staff = new StaffAdmin(mongo);
    agentStatus = new AgentStatusAdmin(mongo);
    users = new UsersAdmin(mongo);
    userUpdate = new UserUpdate(mongo);
  }

  /** Stores a setting {@code {_id, value, packageValue}} as the seed writes it. */
  JsonObject storedSetting(String id, Object value) {
    return insert(Collections.SETTINGS, new JsonObject().put("_id", id).put("value", value).put("packageValue", value));
  }

  /** Stores a permission {@code {_id, roles, _updatedAt}}. */
  void storedPermission(String id, List<String> roles, String updatedAt) {
    insert(Collections.PERMISSIONS, new JsonObject().put("_id", id).put("roles", new JsonArray(roles))
        .put("_updatedAt", new JsonObject().put("$date", updatedAt)));
  }

  /** Stores roles {@code {_id, name, scope, protected, _updatedAt}}. */
  void storedRoles(String... ids) {
    for (String id : ids) {
      insert(Collections.ROLES, new JsonObject().put("_id", id).put("name", id).put("scope", "Users")
          .put("protected", true).put("_updatedAt", new JsonObject().put("$date", "2024-01-01T00:00:00Z")));
    }
  }
}
