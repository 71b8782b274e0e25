package chat.rocket.livechat.admin;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static chat.rocket.livechat.testkit.HandlerFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code custom-fields.list}, {@code custom-field.get}, {@code custom-field.save} and {@code custom-field.delete}:
 * Rocket.Chat's {@code livechat/custom-fields} endpoints.
 */
class CustomFieldsAdminTest extends AdminHandlerTest {

  private static JsonObject data(String field, String label, String scope) {
    return new JsonObject().put("field", field).put("label", label).put("scope", scope).put("visibility", "visible");
  }

  private Future<JsonObject> save(String customFieldId, JsonObject data) {
    return fixture.customFields.save(command(CommandType.CUSTOM_FIELD_SAVE, null,
        new JsonObject().put("customFieldId", customFieldId).put("customFieldData", data)));
  }

  private Future<JsonObject> delete(String id) {
    return fixture.customFieldRemoval.delete(command(CommandType.CUSTOM_FIELD_DELETE, null,
        new JsonObject().put("customFieldId", id)));
  }

  private Future<JsonObject> list(JsonObject query) {
    return fixture.customFields.list(command(CommandType.CUSTOM_FIELDS_LIST, null, query));
  }

  private JsonObject stored(String id) {
    return fixture.findOne(Collections.CUSTOM_FIELDS, new JsonObject().put("_id", id));
  }

  @Test
  @DisplayName("a new field is stored under its name with its extra keys and one custom-field.changed event")
  void createsField() {
    JsonObject answer = await(save(null, data("cpf", "CPF", "visitor").put("required", true).put("regexp", "^\\d+$")));

    JsonObject field = answer.getJsonObject("customField");
    assertThat(field.getString("_id")).isEqualTo("cpf");
    assertThat(field.getBoolean("required")).isTrue();
    assertThat(field.getString("_updatedAt")).endsWith("Z");
    assertThat(stored("cpf").getString("label")).isEqualTo("CPF");
    assertThat(stored("cpf").getString("regexp")).isEqualTo("^\\d+$");
    assertThat(fixture.published).hasSize(1);
    assertThat(fixture.published.get(0).type()).isEqualTo(EventType.CUSTOM_FIELD_CHANGED);
    assertThat(fixture.published.get(0).subject()).isEqualTo("cpf");
  }

  @Test
  @DisplayName("a taken name, a name with other characters or an unknown scope is refused and writes nothing")
  void refusesBadCreation() {
    await(save(null, data("cpf", "CPF", "visitor")));
    fixture.published.clear();

    assertThat(failure(save(null, data("cpf", "Other", "visitor"))).code()).isEqualTo(ErrorCode.CUSTOM_FIELD_EXISTS);
    assertThat(failure(save(null, data("a.b", "Dot", "visitor"))).code())
        .isEqualTo(ErrorCode.INVALID_CUSTOM_FIELD_NAME);
    assertThat(failure(save(null, data("$where", "Dollar", "room"))).code())
        .isEqualTo(ErrorCode.INVALID_CUSTOM_FIELD_NAME);
    assertThat(failure(save(null, data("plan", "Plan", "user"))).code()).isEqualTo(ErrorCode.INVALID_PARAMS);

    assertThat(stored("cpf").getString("label")).isEqualTo("CPF");
    assertThat(fixture.find(Collections.CUSTOM_FIELDS, new JsonObject())).hasSize(1);
    assertThat(fixture.published).isEmpty();
  }

  @Test
  @DisplayName("an update sets the field's keys, answers the record without _id, and refuses an unknown id")
  void updatesField() {
    await(save(null, data("cpf", "CPF", "visitor")));

    JsonObject answer = await(save("cpf", data("cpf", "Tax id", "visitor").put("required", true)));

    assertThat(answer.getJsonObject("customField").containsKey("_id")).isFalse();
    assertThat(answer.getJsonObject("customField").getString("label")).isEqualTo("Tax id");
    assertThat(stored("cpf").getBoolean("required")).isTrue();
    assertThat(fixture.published).hasSize(2);
    assertThat(failure(save("nope", data("nope", "Nope", "visitor"))).code())
        .isEqualTo(ErrorCode.CUSTOM_FIELD_NOT_FOUND_FOR_UPDATE);
    assertThat(stored("nope")).isNull();
  }

  @Test
  @DisplayName("the list filters by label or id, sorts by label, pages by offset and count, and counts the total")
  void listsFields() {
    await(save(null, data("zeta", "Alpha plan", "visitor")));
    await(save(null, data("alpha", "Zeta", "room")));
    await(save(null, data("other", "Beta", "visitor")));

    JsonObject all = await(list(new JsonObject()));
    JsonObject page = await(list(new JsonObject().put("text", "ALPHA").put("offset", "1").put("count", "5")));

    assertThat(all.getJsonArray("customFields").stream().map(f -> ((JsonObject) f).getString("_id")))
        .containsExactly("zeta", "other", "alpha");
    assertThat(all.getInteger("total")).isEqualTo(3);
    assertThat(page.getJsonArray("customFields").getJsonObject(0).getString("_id")).isEqualTo("alpha");
    assertThat(page.getInteger("count")).isEqualTo(1);
    assertThat(page.getInteger("offset")).isEqualTo(1);
    assertThat(page.getInteger("total")).isEqualTo(2);
  }

  @Test
  @DisplayName("one field is answered by id, and an unknown id with a null customField")
  void getsField() {
    await(save(null, data("cpf", "CPF", "visitor")));

    JsonObject found = await(fixture.customFields.get(command(CommandType.CUSTOM_FIELD_GET, null,
        new JsonObject().put("_id", "cpf"))));
    JsonObject missing = await(fixture.customFields.get(command(CommandType.CUSTOM_FIELD_GET, null,
        new JsonObject().put("_id", "nope"))));

    assertThat(found.getJsonObject("customField").getString("label")).isEqualTo("CPF");
    assertThat(found.getJsonObject("customField").fieldNames()).doesNotContain("_livechatPendingEvents");
    assertThat(missing.containsKey("customField")).isTrue();
    assertThat(missing.getValue("customField")).isNull();
  }

  @Test
  @DisplayName("a removal moves the field to the trash and publishes custom-field.changed; an unknown id is refused")
  void deletesField() {
    await(save(null, data("cpf", "CPF", "visitor")));
    fixture.published.clear();

    assertThat(await(delete("cpf"))).isEqualTo(new JsonObject());

    assertThat(stored("cpf")).isNull();
    JsonObject trashed = fixture.findOne(Collections.TRASH, new JsonObject().put("_id", "cpf"));
    assertThat(trashed.getString("__collection__")).isEqualTo("livechat_custom_field");
    assertThat(trashed.getString("label")).isEqualTo("CPF");
    assertThat(fixture.published).hasSize(1);
    assertThat(fixture.published.get(0).type()).isEqualTo(EventType.CUSTOM_FIELD_CHANGED);
    assertThat(fixture.published.get(0).subject()).isEqualTo("cpf");
    assertThat(failure(delete("cpf")).code()).isEqualTo(ErrorCode.CUSTOM_FIELD_NOT_FOUND);
    assertThat(fixture.published).hasSize(1);
  }
}
