package chat.rocket.livechat.visitor;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static chat.rocket.livechat.testkit.HandlerFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code visitor.set-custom-fields}: {@code POST livechat/custom.field(s)}, the visitor half. */
class SetCustomFieldsTest extends VisitorHandlerTest {

  private JsonObject visitor;

  @BeforeEach
  void fields() {
    fixture.customField("address", "visitor", null);
    fixture.customField("zip", "visitor", "^\\d{5}$");
    fixture.customField("order", "room", "");
    visitor = fixture.visitor("Ada");
  }

  private static JsonObject field(String key, String value, boolean overwrite) {
    return new JsonObject().put("key", key).put("value", value).put("overwrite", overwrite);
  }

  private Future<JsonObject> set(String token, JsonObject... fields) {
    return fixture.customFields.handle(command(CommandType.VISITOR_SET_CUSTOM_FIELDS, null, new JsonObject()
        .put("token", token).put("customFields", new JsonArray(List.of((Object[]) fields)))));
  }

  private JsonObject livechatData() {
    return fixture.storedVisitor(visitor.getString("_id")).getJsonObject("livechatData");
  }

  @Test
  @DisplayName("visitor-scope fields are written, room-scope ones handed back, the answer has Rocket.Chat's Key")
  void splitsByScope() {
    JsonObject answer = await(set(visitor.getString("token"), field("address", "Main St", true),
        field("zip", "12345", true), field("order", "42", true)));

    assertThat(livechatData()).isEqualTo(new JsonObject().put("address", "Main St").put("zip", "12345"));
    assertThat(answer.getJsonArray("fields").getJsonObject(2))
        .isEqualTo(new JsonObject().put("Key", "order").put("value", "42").put("overwrite", true));
    assertThat(answer.getJsonArray("roomFields")).isEqualTo(new JsonArray().add(field("order", "42", true)));
    assertThat(fixture.published).hasSize(1);
    assertThat(fixture.published.get(0).changedFields()).containsExactly("livechatData.address", "livechatData.zip");
  }

  @Test
  @DisplayName("overwrite false keeps a value the visitor already has")
  void overwriteFalseKeeps() {
    await(set(visitor.getString("token"), field("address", "Main St", true)));

    await(set(visitor.getString("token"), field("address", "Side St", false)));

    assertThat(livechatData().getString("address")).isEqualTo("Main St");
  }

  @Test
  @DisplayName("an unknown token, an unknown key and a value failing the regexp fail, and nothing is written")
  void errors() {
    String token = visitor.getString("token");

    assertThat(failure(set("no-such-token", field("address", "x", true))).code()).isEqualTo(ErrorCode.INVALID_TOKEN);
    assertThat(failure(set(token, field("address", "x", true), field("nope", "x", true))).code())
        .isEqualTo(ErrorCode.INVALID_CUSTOM_FIELD);
    LivechatException badZip = failure(set(token, field("address", "x", true), field("zip", "abc", true)));
    assertThat(badZip.code()).isEqualTo(ErrorCode.INVALID_CUSTOM_FIELD_VALUE);
    assertThat(badZip.body()).isEqualTo(new JsonObject().put("success", false)
        .put("error", "Invalid value for zip field"));
    assertThat(livechatData()).isNull();
    assertThat(fixture.published).isEmpty();
  }
}
