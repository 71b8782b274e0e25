package chat.rocket.livechat.visitor;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static chat.rocket.livechat.testkit.HandlerFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Setting;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code visitor.register} on its own (spec §7.1 {@code registerGuest}, §2.1 visitor shape). */
class RegisterVisitorTest extends VisitorHandlerTest {

  private static final JsonObject CONNECTION = new JsonObject().put("userAgent", "Mozilla/5.0").put("ip", "10.0.0.7")
      .put("host", "chat.example.com");


  private Future<JsonObject> register(JsonObject visitor) {
    return fixture.register.handle(command(CommandType.VISITOR_REGISTER, null,
        new JsonObject().put("visitor", visitor).put("connection", CONNECTION)));
  }

  private JsonObject registered(JsonObject visitor) {
    return await(register(visitor)).getJsonObject("visitor");
  }

  @Test
  @DisplayName("a token that trims to empty fails error-invalid-token and writes no visitor")
  void emptyToken() {
    assertThat(failure(register(new JsonObject().put("token", "   "))).code()).isEqualTo(ErrorCode.EMPTY_TOKEN);
    assertThat(failure(register(new JsonObject())).code()).isEqualTo(ErrorCode.EMPTY_TOKEN);
    assertThat(fixture.visitors()).isEmpty();
  }

  @Test
  @DisplayName("a new token creates an online guest-N visitor, N one past Livechat_guest_count, with a 24-hex _id")
  void newVisitor() {
    fixture.setting(Setting.LIVECHAT_GUEST_COUNT, 41);
    JsonObject visitor = registered(new JsonObject().put("token", "t1"));
    assertThat(visitor.getString("username")).isEqualTo("guest-42");
    assertThat(visitor.getString("status")).isEqualTo("online");
    assertThat(visitor.getString("token")).isEqualTo("t1");
    assertThat(visitor.getString("_id")).matches("[0-9a-f]{24}");
    assertThat(visitor.getValue("ts")).isInstanceOf(String.class);
    assertThat(registered(new JsonObject().put("token", "t2")).getString("username")).isEqualTo("guest-43");
    assertThat(fixture.published).hasSize(2).first().satisfies(event -> {
      assertThat(event.type()).isEqualTo(EventType.VISITOR_REGISTERED);
      assertThat(event.subject()).isEqualTo(visitor.getString("_id"));
      assertThat(event.document().getString("token")).isEqualTo("t1");
    });
  }

  @Test
  @DisplayName("a client-given id, username and status are used verbatim and consume no guest number")
  void givenIdAndUsername() {
    JsonObject visitor = registered(new JsonObject().put("token", "t1").put("id", "my-id")
        .put("username", "custom.name").put("status", "away"));
    assertThat(visitor.getString("_id")).isEqualTo("my-id");
    assertThat(visitor.getString("username")).isEqualTo("custom.name");
    assertThat(visitor.getString("status")).isEqualTo("away");
    assertThat(registered(new JsonObject().put("token", "t2")).getString("username")).isEqualTo("guest-1");
  }

  @Test
  @DisplayName("a known token updates that visitor instead of creating one")
  void existingToken() {
    JsonObject first = registered(new JsonObject().put("token", "t1").put("name", "First"));
    JsonObject second = registered(new JsonObject().put("token", "t1").put("name", "Second"));
    assertThat(second.getString("_id")).isEqualTo(first.getString("_id"));
    assertThat(second.getString("username")).isEqualTo(first.getString("username"));
    assertThat(second.getString("name")).isEqualTo("Second");
    assertThat(fixture.visitors()).hasSize(1);
  }

  @Test
  @DisplayName("the same phone with a new token updates that visitor and keeps its original token")
  void samePhone() {
    JsonObject first = registered(new JsonObject().put("token", "t1").put("phone", "555-0100"));
    JsonObject second = registered(new JsonObject().put("token", "t2").put("phone", "555-0100"));
    assertThat(second.getString("_id")).isEqualTo(first.getString("_id"));
    assertThat(second.getString("token")).isEqualTo("t1");
    assertThat(second.getJsonArray("phone").getJsonObject(0).getString("phoneNumber")).isEqualTo("555-0100");
    assertThat(fixture.visitors()).hasSize(1);
  }

  @Test
  @DisplayName("the same email in other case with a new token updates that visitor and re-keys it to the new token")
  void sameEmail() {
    JsonObject first = registered(new JsonObject().put("token", "t1").put("email", " Ada@Example.com "));
    assertThat(first.getJsonArray("visitorEmails").getJsonObject(0).getString("address"))
        .isEqualTo("ada@example.com");
    JsonObject second = registered(new JsonObject().put("token", "t2").put("email", "ADA@example.com"));
    assertThat(second.getString("_id")).isEqualTo(first.getString("_id"));
    assertThat(second.getString("token")).isEqualTo("t2");
    assertThat(fixture.visitors()).hasSize(1);
  }

  @Test
  @DisplayName("an invalid email fails error-invalid-email and writes no visitor")
  void invalidEmail() {
    assertThat(failure(register(new JsonObject().put("token", "t1").put("email", "not-an-email"))).code())
        .isEqualTo(ErrorCode.INVALID_EMAIL);
    assertThat(fixture.visitors()).isEmpty();
  }

  @Test
  @DisplayName("a department given by name or _id is stored as its _id; an unknown one fails error-invalid-department")
  void department() {
    fixture.insert(Collections.DEPARTMENTS, new JsonObject().put("_id", "dep-1").put("name", "Sales"));
    assertThat(registered(new JsonObject().put("token", "t1").put("department", "Sales")).getString("department"))
        .isEqualTo("dep-1");
    assertThat(registered(new JsonObject().put("token", "t2").put("department", "dep-1")).getString("department"))
        .isEqualTo("dep-1");
    assertThat(failure(register(new JsonObject().put("token", "t3").put("department", "Nowhere"))).code())
        .isEqualTo(ErrorCode.INVALID_DEPARTMENT);
    assertThat(fixture.visitors()).hasSize(2);
  }

  @Test
  @DisplayName("customFields set livechatData of visitor-scope fields only, and overwrite false keeps a value")
  void customFields() {
    fixture.customField("address", "visitor", null);
    fixture.customField("plan", "visitor", null);
    fixture.customField("roomOnly", "room", null);
    JsonArray entries = new JsonArray()
        .add(new JsonObject().put("key", "address").put("value", "Rocket.Chat street").put("overwrite", true))
        .add(new JsonObject().put("key", "plan").put("value", "gold").put("overwrite", false))
        .add(new JsonObject().put("key", "roomOnly").put("value", "x").put("overwrite", true))
        .add(new JsonObject().put("key", "unknown").put("value", "y").put("overwrite", true));
    JsonObject visitor = registered(new JsonObject().put("token", "t1").put("customFields", entries));
    assertThat(visitor.getJsonObject("livechatData"))
        .isEqualTo(new JsonObject().put("address", "Rocket.Chat street").put("plan", "gold"));

    JsonArray again = new JsonArray()
        .add(new JsonObject().put("key", "address").put("value", "New street").put("overwrite", true))
        .add(new JsonObject().put("key", "plan").put("value", "silver").put("overwrite", false));
    JsonObject updated = registered(new JsonObject().put("token", "t1").put("customFields", again));
    assertThat(updated.getJsonObject("livechatData"))
        .isEqualTo(new JsonObject().put("address", "New street").put("plan", "gold"));
    assertThat(fixture.storedVisitor(visitor.getString("_id")).getJsonObject("livechatData"))
        .isEqualTo(updated.getJsonObject("livechatData"));
  }

  private void requiredField(String id, String scope) {
    fixture.insert(Collections.CUSTOM_FIELDS, new JsonObject().put("_id", id).put("label", id).put("scope", scope)
        .put("required", true));
  }

  private static JsonArray entries(String... keys) {
    JsonArray entries = new JsonArray();
    for (String key : keys) {
      entries.add(new JsonObject().put("key", key).put("value", "").put("overwrite", true));
    }
    return entries;
  }

  @Test
  @DisplayName("custom fields leaving out required visitor fields fail with their ids and write no visitor")
  void missingRequiredCustomFields() {
    fixture.customField("optional", "visitor", null);
    requiredField("required_one", "visitor");
    requiredField("required_two", "visitor");

    var refused = failure(register(new JsonObject().put("token", "t1").put("customFields", entries("optional"))));

    assertThat(refused.code()).isEqualTo(ErrorCode.MISSING_REQUIRED_CUSTOM_FIELDS);
    assertThat(refused.body()).isEqualTo(new JsonObject().put("success", false)
        .put("error", "Missing required custom fields: required_one, required_two"));
    assertThat(fixture.visitors()).isEmpty();
    assertThat(fixture.published).isEmpty();
  }

  @Test
  @DisplayName("required fields are checked only when custom fields are sent, by key whatever the value, in scope")
  void requiredCustomFieldsPresent() {
    requiredField("required_one", "visitor");
    requiredField("room_required", "room");

    JsonObject withoutFields = registered(new JsonObject().put("token", "t1"));
    JsonObject named = registered(new JsonObject().put("token", "t2").put("customFields", entries("required_one")));

    assertThat(withoutFields.getString("token")).isEqualTo("t1");
    assertThat(named.getString("token")).isEqualTo("t2");
    assertThat(fixture.visitors()).hasSize(2);
  }

  @Test
  @DisplayName("user agent, ip and host are stored only while header collection is on")
  void httpHeaders() {
    JsonObject without = registered(new JsonObject().put("token", "t1"));
    assertThat(without.containsKey("userAgent") || without.containsKey("ip") || without.containsKey("host")).isFalse();
    fixture.setting(Setting.LIVECHAT_COLLECT_HTTP_HEADERS, true);
    JsonObject with = registered(new JsonObject().put("token", "t2"));
    assertThat(with.getString("userAgent")).isEqualTo("Mozilla/5.0");
    assertThat(with.getString("ip")).isEqualTo("10.0.0.7");
    assertThat(with.getString("host")).isEqualTo("chat.example.com");
  }
}
