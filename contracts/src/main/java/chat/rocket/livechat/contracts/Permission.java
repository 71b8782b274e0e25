package chat.rocket.livechat.contracts;

import java.util.List;

/**
 * The permissions this system checks, with Rocket.Chat's default role lists (spec §1.4, {@code upsertPermissions};
 * the table of Rocket.Chat's {@code app/authorization/server/constant/permissions.ts}, PermissionDefaultsTest).
 * A permission is granted when its {@link Collections#PERMISSIONS} document's {@code roles} intersect the user's
 * roles. The seeding step ({@code chat.rocket.livechat.gateway.seed.DefaultData}) inserts these defaults when absent
 * and never changes an existing document.
 */
public enum Permission {
  VIEW_L_ROOM("view-l-room", List.of("livechat-manager", "livechat-monitor", "livechat-agent", "admin")),
  SAVE_OTHERS_LIVECHAT_ROOM_INFO("save-others-livechat-room-info",
      List.of("livechat-manager", "livechat-monitor", "admin")),
  EDIT_LIVECHAT_ROOM_CUSTOMFIELDS("edit-livechat-room-customfields",
      List.of("livechat-manager", "livechat-monitor", "livechat-agent", "admin")),
  CHANGE_LIVECHAT_ROOM_VISITOR("change-livechat-room-visitor", List.of("admin", "livechat-manager", "livechat-agent")),
  VIEW_LIVECHAT_ROOMS("view-livechat-rooms", List.of("livechat-manager", "livechat-monitor", "admin")),
  VIEW_LIVECHAT_ROOM_CLOSED_BY_ANOTHER_AGENT("view-livechat-room-closed-by-another-agent",
      List.of("livechat-manager", "livechat-monitor", "admin")),
  VIEW_LIVECHAT_ROOM_CLOSED_SAME_DEPARTMENT("view-livechat-room-closed-same-department",
      List.of("livechat-manager", "livechat-monitor", "admin")),
  VIEW_LIVECHAT_MANAGER("view-livechat-manager", List.of("livechat-manager", "livechat-monitor", "admin")),
  API_BYPASS_RATE_LIMIT("api-bypass-rate-limit", List.of("admin", "bot", "app")),
  /** Required by {@code livechat/room.closeByUser}. */
  CLOSE_LIVECHAT_ROOM("close-livechat-room",
      List.of("livechat-manager", "livechat-monitor", "livechat-agent", "admin")),
  /** Lets {@code livechat/room.closeByUser} close a room the caller has no subscription to. */
  CLOSE_OTHERS_LIVECHAT_ROOM("close-others-livechat-room", List.of("livechat-manager", "livechat-monitor", "admin")),
  /** Lets {@code users.setStatus} change another user's status ({@code userId} / {@code username} of another). */
  EDIT_OTHER_USER_INFO("edit-other-user-info", List.of("admin")),
  /** Required by {@code GET settings/:_id}. */
  VIEW_PRIVILEGED_SETTING("view-privileged-setting", List.of("admin")),
  /** Required by {@code POST settings/:_id}. */
  EDIT_PRIVILEGED_SETTING("edit-privileged-setting", List.of("admin")),
  /** Required by {@code POST permissions.update}. */
  ACCESS_PERMISSIONS("access-permissions", List.of("admin")),
  /** {@code GET livechat/users/agent} and another agent's {@code POST livechat/agent.status}. */
  MANAGE_LIVECHAT_AGENTS("manage-livechat-agents", List.of("livechat-manager", "admin")),
  /** Required by {@code POST users.create}. */
  CREATE_USER("create-user", List.of("admin")),
  /** Required by {@code POST users.delete}. */
  DELETE_USER("delete-user", List.of("admin")),
  /** Lets {@code users.create|update} set {@code roles}. */
  ASSIGN_ROLES("assign-roles", List.of("admin")),
  /** Lets {@code users.update} set another user's password. */
  EDIT_OTHER_USER_PASSWORD("edit-other-user-password", List.of("admin")),
  /** Lets {@code users.update} set another user's {@code active}. */
  EDIT_OTHER_USER_ACTIVE_STATUS("edit-other-user-active-status", List.of("admin")),
  /** Lets {@code users.info} answer every field of another user (emails, roles, ...), not only the public ones. */
  VIEW_FULL_OTHER_USER_INFO("view-full-other-user-info", List.of("admin"));

  private final String id;
  private final List<String> defaultRoles;

  Permission(String id, List<String> defaultRoles) {
    this.id = id;
    this.defaultRoles = defaultRoles;
  }

  /** @return the permission's {@code _id}, e.g. {@code view-l-room} */
  public String id() {
    return id;
  }

  /** @return Rocket.Chat's default roles for this permission */
  public List<String> defaultRoles() {
    return defaultRoles;
  }
}
