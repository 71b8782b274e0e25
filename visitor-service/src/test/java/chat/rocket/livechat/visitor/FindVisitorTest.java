package chat.rocket.livechat.visitor;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static chat.rocket.livechat.testkit.HandlerFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code visitor.get-by-id} (spec §6.2) and {@code visitor.get-by-token} (spec §7.2) on their own. */
class FindVisitorTest extends VisitorHandlerTest {

  private JsonObject byId(String visitorId) {
    return await(fixture.find.byId(command(CommandType.VISITOR_GET_BY_ID, null,
        new JsonObject().put("visitorId", visitorId))));
  }

  @Test
  @DisplayName("an enabled visitor is found by _id as its full document with ISO dates")
  void foundById() {
    JsonObject visitor = fixture.visitor("Ada");
    JsonObject found = byId(visitor.getString("_id")).getJsonObject("visitor");
    assertThat(found.getString("token")).isEqualTo(visitor.getString("token"));
    assertThat(found.getString("_updatedAt")).isEqualTo("1970-01-01T00:00:00.000Z");
  }

  @Test
  @DisplayName("an unknown or disabled visitor _id fails visitor-not-found")
  void notFoundById() {
    fixture.insert(Collections.VISITORS, new JsonObject().put("_id", "disabled").put("disabled", true));
    for (String id : new String[] {"nobody", "disabled"}) {
      assertThat(failure(fixture.find.byId(command(CommandType.VISITOR_GET_BY_ID, null,
          new JsonObject().put("visitorId", id)))).code()).as(id).isEqualTo(ErrorCode.VISITOR_NOT_FOUND);
    }
  }

  @Test
  @DisplayName("a visitor is found by token; an unknown token fails invalid-token")
  void byToken() {
    JsonObject visitor = fixture.visitor("Ada");
    assertThat(await(fixture.find.byToken(command(CommandType.VISITOR_GET_BY_TOKEN, null,
        new JsonObject().put("token", visitor.getString("token"))))).getJsonObject("visitor").getString("_id"))
        .isEqualTo(visitor.getString("_id"));
    assertThat(failure(fixture.find.byToken(command(CommandType.VISITOR_GET_BY_TOKEN, null,
        new JsonObject().put("token", "nobody")))).code()).isEqualTo(ErrorCode.INVALID_TOKEN_METEOR);
  }
}
