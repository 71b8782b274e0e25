package chat.rocket.livechat.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The default role lists the seed writes are Rocket.Chat's: the table below is Rocket.Chat's
 * {@code apps/meteor/app/authorization/server/constant/permissions.ts} for every permission this system checks,
 * written out by hand from that file (order as there; compared as sets).
 */
class PermissionDefaultsTest {

  private static final String MANAGER = "livechat-manager";
  private static final String MONITOR = "livechat-monitor";
  private static final String AGENT = "livechat-agent";
  private static final String ADMIN = "admin";

  private static final Map<String, List<String>> ROCKET_CHAT = Map.ofEntries(
      Map.entry("access-permissions", List.of(ADMIN)),
      Map.entry("api-bypass-rate-limit", List.of(ADMIN, "bot", "app")),
      Map.entry("change-livechat-room-visitor", List.of(ADMIN, MANAGER, AGENT)),
      Map.entry("edit-other-user-info", List.of(ADMIN)),
      Map.entry("create-user", List.of(ADMIN)),
      Map.entry("delete-user", List.of(ADMIN)),
      Map.entry("assign-roles", List.of(ADMIN)),
      Map.entry("edit-other-user-password", List.of(ADMIN)),
      Map.entry("edit-other-user-active-status", List.of(ADMIN)),
      Map.entry("view-full-other-user-info", List.of(ADMIN)),
      Map.entry("manage-livechat-agents", List.of(MANAGER, ADMIN)),
      Map.entry("edit-privileged-setting", List.of(ADMIN)),
      Map.entry("view-privileged-setting", List.of(ADMIN)),
      Map.entry("view-l-room", List.of(MANAGER, MONITOR, AGENT, ADMIN)),
      Map.entry("view-livechat-manager", List.of(MANAGER, MONITOR, ADMIN)),
      Map.entry("view-livechat-rooms", List.of(MANAGER, MONITOR, ADMIN)),
      Map.entry("close-livechat-room", List.of(MANAGER, MONITOR, AGENT, ADMIN)),
      Map.entry("close-others-livechat-room", List.of(MANAGER, MONITOR, ADMIN)),
      Map.entry("save-others-livechat-room-info", List.of(MANAGER, MONITOR, ADMIN)),
      Map.entry("view-livechat-room-closed-same-department", List.of(MANAGER, MONITOR, ADMIN)),
      Map.entry("view-livechat-room-closed-by-another-agent", List.of(MANAGER, MONITOR, ADMIN)),
      Map.entry("edit-livechat-room-customfields", List.of(MANAGER, MONITOR, AGENT, ADMIN)));

  @Test
  @DisplayName("every permission this system checks is in Rocket.Chat's table, with the same default roles")
  void defaultRolesAreRocketChats() {
    Map<String, Permission> ours = Arrays.stream(Permission.values())
        .collect(Collectors.toMap(Permission::id, Function.identity()));

    assertThat(ours.keySet()).isEqualTo(ROCKET_CHAT.keySet());
    ROCKET_CHAT.forEach((id, roles) ->
        assertThat(ours.get(id).defaultRoles()).as(id).containsExactlyInAnyOrderElementsOf(roles));
  }
}
