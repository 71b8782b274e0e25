package chat.rocket.livechat.visitor;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.testkit.HandlerFixture;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code visitor.offline-message}: {@code POST livechat/offline.message}, stored instead of mailed. */
class OfflineMessageTest extends VisitorHandlerTest {

  private static Command message(String email) {
    return HandlerFixture.command(CommandType.VISITOR_OFFLINE_MESSAGE, null, new JsonObject().put("name", "Ada")
        .put("email", email).put("message", "Call me back").put("department", "sales").putNull("host"));
  }

  @Test
  @DisplayName("a message is stored with its ts, answered Livechat offline message sent; a redelivery stores it once")
  void stores() {
    Command command = message("ada@example.com");

    assertThat(await(fixture.offlineMessage.handle(command)))
        .isEqualTo(new JsonObject().put("message", "Livechat offline message sent"));
    await(fixture.offlineMessage.handle(command));

    List<JsonObject> stored = fixture.find(Collections.OFFLINE_MESSAGES, new JsonObject());
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).getString("name")).isEqualTo("Ada");
    assertThat(stored.get(0).getString("email")).isEqualTo("ada@example.com");
    assertThat(stored.get(0).getString("message")).isEqualTo("Call me back");
    assertThat(stored.get(0).getString("department")).isEqualTo("sales");
    assertThat(stored.get(0).containsKey("host")).isFalse();
    assertThat(stored.get(0).getJsonObject("ts").getString("$date")).isNotBlank();
  }

  @Test
  @DisplayName("an invalid email, and the offline form switched off, fail with Rocket.Chat's one text")
  void refused() {
    assertThat(failure(fixture.offlineMessage.handle(message("not-an-email"))).code())
        .isEqualTo(ErrorCode.OFFLINE_MESSAGE_FAILED);

    fixture.setting(Setting.LIVECHAT_DISPLAY_OFFLINE_FORM, false);
    assertThat(failure(fixture.offlineMessage.handle(message("ada@example.com"))).body())
        .isEqualTo(new JsonObject().put("success", false).put("error", "Error sending Livechat offline message"));
    assertThat(fixture.find(Collections.OFFLINE_MESSAGES, new JsonObject())).isEmpty();
  }
}
