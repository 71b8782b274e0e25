package chat.rocket.livechat.visitor;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static chat.rocket.livechat.testkit.HandlerFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Permission;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code visitor.check-guest} and {@code visitor.save-guest} on their own (spec §5.2 step 5, {@code saveGuest}). */
class SaveGuestTest extends VisitorHandlerTest {

  private static final Caller EDITOR = new Caller("manager", "manager", List.of("livechat-manager"));
  private static final Caller AGENT = new Caller("agent", "agent", List.of("livechat-agent"));

  private JsonObject visitor;

  @BeforeEach
  void visitorAndFields() {
    fixture.grant(Permission.EDIT_LIVECHAT_ROOM_CUSTOMFIELDS, "livechat-manager");
    fixture.customField("code", "visitor", "^[A-Z]{3}$");
    visitor = fixture.visitor("Ada");
  }

  private JsonObject guestData() {
    return new JsonObject().put("_id", visitor.getString("_id"));
  }

  private Future<JsonObject> check(Caller caller, JsonObject guestData) {
    return fixture.saveGuest.check(command(CommandType.VISITOR_CHECK_GUEST, caller,
        new JsonObject().put("guestData", guestData)));
  }

  private Future<JsonObject> save(Caller caller, JsonObject guestData) {
    return fixture.saveGuest.save(command(CommandType.VISITOR_SAVE_GUEST, caller,
        new JsonObject().put("guestData", guestData)));
  }

  private JsonObject stored() {
    return fixture.storedVisitor(visitor.getString("_id"));
  }

  @Test
  @DisplayName("an unknown visitor _id fails error-invalid-visitor in check and save")
  void unknownVisitor() {
    JsonObject guestData = new JsonObject().put("_id", "nobody").put("name", "X");
    assertThat(failure(check(EDITOR, guestData)).code()).isEqualTo(ErrorCode.INVALID_VISITOR);
    assertThat(failure(save(EDITOR, guestData)).code()).isEqualTo(ErrorCode.INVALID_VISITOR);
    assertThat(fixture.published).isEmpty();
  }

  @Test
  @DisplayName("a disabled visitor counts as known, as in Rocket.Chat")
  void disabledVisitorIsKnown() {
    fixture.insert(Collections.VISITORS, new JsonObject().put("_id", "disabled").put("disabled", true));
    assertThat(await(check(AGENT, new JsonObject().put("_id", "disabled")))).isEqualTo(new JsonObject());
  }

  @Test
  @DisplayName("with edit-livechat-room-customfields a custom field failing its regexp fails and nothing is written")
  void invalidCustomField() {
    JsonObject guestData = guestData().put("name", "Bob").put("livechatData", new JsonObject().put("code", "abc"));
    assertThat(failure(check(EDITOR, guestData)).code()).isEqualTo(ErrorCode.INVALID_VISITOR_CUSTOM_FIELD);
    assertThat(failure(save(EDITOR, guestData)).code()).isEqualTo(ErrorCode.INVALID_VISITOR_CUSTOM_FIELD);
    assertThat(stored().getString("name")).isEqualTo("Ada");
    assertThat(fixture.published).isEmpty();
  }

  @Test
  @DisplayName("without edit-livechat-room-customfields custom fields are neither validated nor saved")
  void customFieldsIgnoredWithoutPermission() {
    JsonObject guestData = guestData().put("name", "Bob").put("livechatData", new JsonObject().put("code", "abc"));
    assertThat(await(check(AGENT, guestData))).isEqualTo(new JsonObject());
    await(save(AGENT, guestData));
    assertThat(stored().getString("name")).isEqualTo("Bob");
    assertThat(stored().containsKey("livechatData")).isFalse();
  }

  @Test
  @DisplayName("a save sets the trimmed name, replaces emails (case kept) and phones, and publishes visitor.updated")
  void saveProfile() {
    await(save(AGENT, guestData().put("name", "  Ada Lovelace ").put("email", " Ada@Example.com ")
        .put("phone", " 555-0100 ")));
    JsonObject stored = stored();
    assertThat(stored.getString("name")).isEqualTo("Ada Lovelace");
    assertThat(stored.getJsonArray("visitorEmails"))
        .containsExactly(new JsonObject().put("address", "Ada@Example.com"));
    assertThat(stored.getJsonArray("phone")).containsExactly(new JsonObject().put("phoneNumber", "555-0100"));
    assertThat(fixture.published).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo(EventType.VISITOR_UPDATED);
      assertThat(event.subject()).isEqualTo(visitor.getString("_id"));
      assertThat(event.changedFields()).containsExactlyInAnyOrder("name", "visitorEmails", "phone");
      assertThat(event.document().getString("name")).isEqualTo("Ada Lovelace");
    });
  }

  @Test
  @DisplayName("a valid custom field is set trimmed, an emptied one unset, an unknown key dropped")
  void saveCustomFields() {
    await(save(EDITOR, guestData().put("livechatData", new JsonObject().put("code", " ABC ").put("other", "x"))));
    assertThat(stored().getJsonObject("livechatData")).isEqualTo(new JsonObject().put("code", "ABC"));
    await(save(EDITOR, guestData().put("livechatData", new JsonObject().put("code", ""))));
    JsonObject livechatData = stored().getJsonObject("livechatData");
    assertThat(livechatData == null || livechatData.isEmpty()).as("livechatData %s", livechatData).isTrue();
    assertThat(fixture.published).extracting(VisitorFixture.Published::changedFields)
        .containsExactly(List.of("livechatData.code"), List.of("livechatData.code"));
  }

  @Test
  @DisplayName("a save with nothing truthy to change writes nothing and publishes nothing")
  void nothingToSave() {
    JsonObject before = stored();
    await(save(AGENT, guestData().put("name", "").putNull("email")));
    assertThat(stored()).isEqualTo(before);
    assertThat(fixture.published).isEmpty();
  }
}
