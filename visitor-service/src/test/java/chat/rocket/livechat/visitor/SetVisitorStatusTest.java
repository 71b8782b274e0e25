package chat.rocket.livechat.visitor;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static chat.rocket.livechat.testkit.HandlerFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code visitor.set-status}: {@code POST livechat/visitor.status}. */
class SetVisitorStatusTest extends VisitorHandlerTest {

  private Future<JsonObject> set(String token, String status) {
    return fixture.status.handle(command(CommandType.VISITOR_SET_STATUS, null,
        new JsonObject().put("token", token).put("status", status)));
  }

  @Test
  @DisplayName("a new status is stored with one visitor.updated event and answered with the token")
  void setsStatus() {
    JsonObject visitor = fixture.visitor("Ada");

    JsonObject answer = await(set(visitor.getString("token"), "away"));

    assertThat(answer).isEqualTo(new JsonObject().put("token", visitor.getString("token")).put("status", "away"));
    assertThat(fixture.storedVisitor(visitor.getString("_id")).getString("status")).isEqualTo("away");
    assertThat(fixture.published).hasSize(1);
    assertThat(fixture.published.get(0).type()).isEqualTo(EventType.VISITOR_UPDATED);
    assertThat(fixture.published.get(0).changedFields()).containsExactly("status");
  }

  @Test
  @DisplayName("the status the visitor already has writes nothing, so a redelivered command changes nothing twice")
  void unchangedStatus() {
    JsonObject visitor = fixture.visitor("Ada");

    await(set(visitor.getString("token"), "online"));

    assertThat(fixture.published).isEmpty();
  }

  @Test
  @DisplayName("an unknown token fails [invalid-token]")
  void unknownToken() {
    assertThat(failure(set("no-such-token", "away")).code()).isEqualTo(ErrorCode.INVALID_TOKEN_METEOR);
  }
}
