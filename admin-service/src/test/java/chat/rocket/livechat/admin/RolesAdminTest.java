package chat.rocket.livechat.admin;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.CommandType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code roles.list}: {@code GET roles.list}. */
class RolesAdminTest extends AdminHandlerTest {

  @Test
  @DisplayName("every role is answered without its _updatedAt")
  void listsRoles() {
    fixture.storedRoles("admin", "livechat-agent");

    JsonArray roles = await(fixture.roles.list(command(CommandType.ROLES_LIST, null, new JsonObject())))
        .getJsonArray("roles");

    assertThat(roles).hasSize(2);
    assertThat(roles.getJsonObject(0)).isEqualTo(new JsonObject().put("_id", "admin").put("name", "admin")
        .put("scope", "Users").put("protected", true));
  }
}
