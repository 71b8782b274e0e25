package chat.rocket.livechat.admin;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static chat.rocket.livechat.testkit.HandlerFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code permissions.list} and {@code permissions.update}: {@code GET permissions.listAll}, {@code POST ...update}. */
class PermissionsAdminTest extends AdminHandlerTest {

  @BeforeEach
  void permissionsAndRoles() {
    fixture.storedPermission("view-l-room", List.of("livechat-agent", "admin"), "2024-01-01T00:00:00Z");
    fixture.storedPermission("access-permissions", List.of("admin"), "2024-03-01T00:00:00Z");
    fixture.storedRoles("admin", "livechat-agent", "livechat-manager");
  }

  private Future<JsonObject> list(JsonObject body) {
    return fixture.permissions.list(command(CommandType.PERMISSIONS_LIST, null, body));
  }

  private Future<JsonObject> update(JsonObject... permissions) {
    return fixture.permissions.update(command(CommandType.PERMISSIONS_UPDATE, null,
        new JsonObject().put("permissions", new JsonArray(List.of((Object[]) permissions)))));
  }

  private static JsonObject change(String id, String... roles) {
    return new JsonObject().put("_id", id).put("roles", new JsonArray(List.of((Object[]) roles)));
  }

  private JsonArray storedRoles(String id) {
    return fixture.findOne(Collections.PERMISSIONS, new JsonObject().put("_id", id)).getJsonArray("roles");
  }

  @Test
  @DisplayName("listAll answers every permission in update, with ISO dates, and an empty remove")
  void listsAll() {
    JsonObject answer = await(list(new JsonObject()));

    assertThat(answer.getJsonArray("remove")).isEmpty();
    assertThat(answer.getJsonArray("update").stream().map(p -> ((JsonObject) p).getString("_id")))
        .containsExactlyInAnyOrder("view-l-room", "access-permissions");
    assertThat(answer.getJsonArray("update").getJsonObject(0).getString("_updatedAt")).endsWith("Z");
  }

  @Test
  @DisplayName("listAll with updatedSince answers only the permissions changed after it; a non-date fails")
  void listsChangedSince() {
    JsonObject answer = await(list(new JsonObject().put("updatedSince", "2024-02-01T00:00:00.000Z")));

    assertThat(answer.getJsonArray("update")).hasSize(1);
    assertThat(answer.getJsonArray("update").getJsonObject(0).getString("_id")).isEqualTo("access-permissions");
    assertThat(failure(list(new JsonObject().put("updatedSince", "yesterday"))).code())
        .isEqualTo(ErrorCode.INVALID_UPDATED_SINCE);
  }

  @Test
  @DisplayName("an update sets the roles with one permission.changed event and answers every permission")
  void updatesRoles() {
    JsonObject answer = await(update(change("view-l-room", "livechat-manager")));

    assertThat(storedRoles("view-l-room")).isEqualTo(new JsonArray().add("livechat-manager"));
    assertThat(answer.getJsonArray("permissions")).hasSize(2);
    assertThat(fixture.published).hasSize(1);
    assertThat(fixture.published.get(0).type()).isEqualTo(EventType.PERMISSION_CHANGED);
    assertThat(fixture.published.get(0).subject()).isEqualTo("view-l-room");
    assertThat(fixture.published.get(0).changedFields()).containsExactly("roles");
    assertThat(MongoDocs.hasPendingEvents(fixture.findOne(Collections.PERMISSIONS,
        new JsonObject().put("_id", "view-l-room")))).isFalse();
  }

  @Test
  @DisplayName("an unknown permission fails with error-invalid-permission and writes nothing")
  void unknownPermission() {
    assertThat(failure(update(change("view-l-room", "admin"), change("no-such", "admin"))).code())
        .isEqualTo(ErrorCode.INVALID_PERMISSION);

    assertThat(storedRoles("view-l-room")).isEqualTo(new JsonArray().add("livechat-agent").add("admin"));
    assertThat(fixture.published).isEmpty();
  }

  @Test
  @DisplayName("an unknown role fails with error-invalid-role and writes nothing")
  void unknownRole() {
    assertThat(failure(update(change("view-l-room", "admin"), change("access-permissions", "ghost"))).code())
        .isEqualTo(ErrorCode.INVALID_ROLE);

    assertThat(storedRoles("view-l-room")).isEqualTo(new JsonArray().add("livechat-agent").add("admin"));
    assertThat(fixture.published).isEmpty();
  }

  @Test
  @DisplayName("the roles a permission already has write nothing, so a redelivered update changes nothing twice")
  void unchangedRoles() {
    await(update(change("access-permissions", "admin")));

    assertThat(fixture.published).isEmpty();
  }
}
