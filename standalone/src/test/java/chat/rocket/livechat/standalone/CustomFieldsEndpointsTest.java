package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code GET livechat/custom-fields}, {@code GET livechat/custom-fields/:_id}, {@code POST livechat/custom-fields.save}
 * and {@code POST livechat/custom-fields.delete} through the whole system (issue 11): Rocket.Chat's answers (its
 * {@code tests/end-to-end/api/livechat/custom-fields} cases written as ours), validation, and the effect on visitor
 * registration on the very next request. Who may call them is AuthorizationMatrixTest's table.
 */
class CustomFieldsEndpointsTest {

  private static TestSystem system;
  private static Api api;
  private static Map<String, String> admin;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
    api = system.api();
    admin = system.adminHeaders();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  private static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static JsonObject data(String field, String label, String scope) {
    return new JsonObject().put("field", field).put("label", label).put("scope", scope).put("visibility", "public");
  }

  private static Api.Response save(Object customFieldId, JsonObject data) {
    return api.post("livechat/custom-fields.save", admin,
        new JsonObject().put("customFieldId", customFieldId).put("customFieldData", data));
  }

  private static Api.Response delete(String id) {
    return api.post("livechat/custom-fields.delete", admin, new JsonObject().put("customFieldId", id));
  }

  private static Api.Response register(String token, String key) {
    return api.post("livechat/visitor", Map.of(), new JsonObject().put("visitor", new JsonObject()
        .put("token", token).put("customFields", new JsonArray().add(new JsonObject().put("key", key)
            .put("value", "given").put("overwrite", true)))));
  }

  private static JsonObject failure(String error) {
    return new JsonObject().put("success", false).put("error", error);
  }

  @Test
  @DisplayName("a field saved with the minimal keys is answered with its _id, label, scope and visibility, then "
      + "listed and read by id")
  void createsListsAndReads() {
    String field = unique("field");

    Api.Response saved = save(null, data(field, "Test Field", "room"));

    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    JsonObject customField = saved.json().getJsonObject("customField");
    assertThat(customField.getString("_id")).isEqualTo(field);
    assertThat(customField.getString("label")).isEqualTo("Test Field");
    assertThat(customField.getString("scope")).isEqualTo("room");
    assertThat(customField.getString("visibility")).isEqualTo("public");
    JsonObject one = api.get("livechat/custom-fields/" + field, admin).json();
    assertThat(one.getJsonObject("customField").getString("label")).isEqualTo("Test Field");
    JsonObject list = api.get("livechat/custom-fields?text=" + field, admin).json();
    assertThat(list.getJsonArray("customFields").getJsonObject(0).getString("_id")).isEqualTo(field);
    assertThat(list.getInteger("total")).isEqualTo(1);
    assertThat(list.getInteger("offset")).isZero();
    assertThat(api.get("livechat/custom-fields/no_such_field", admin).json().getValue("customField")).isNull();
  }

  @Test
  @DisplayName("every optional key is stored and answered, and an update with customFieldId replaces them")
  void storesOptionalKeysAndUpdates() {
    String field = unique("full_field");
    JsonObject full = data(field, "Full Test Field", "visitor").put("type", "input").put("regexp", "^[A-Za-z]+$")
        .put("required", true).put("defaultValue", "default").put("options", "option1,option2").put("public", true)
        .put("searchable", true);

    JsonObject created = save(null, full).json().getJsonObject("customField");
    Api.Response updated = save(field, data(field, "Fully Updated Field", "visitor").put("type", "select")
        .put("regexp", "^[0-9]+$").put("required", false).put("searchable", false));

    assertThat(created.getString("regexp")).isEqualTo("^[A-Za-z]+$");
    assertThat(created.getBoolean("searchable")).isTrue();
    assertThat(created.getString("options")).isEqualTo("option1,option2");
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.json().getJsonObject("customField").getString("type")).isEqualTo("select");
    JsonObject stored = system.findOne(Collections.CUSTOM_FIELDS, new JsonObject().put("_id", field));
    assertThat(stored.getString("label")).isEqualTo("Fully Updated Field");
    assertThat(stored.getBoolean("required")).isFalse();
    delete(field);
  }

  @Test
  @DisplayName("a taken name, an unknown customFieldId, a bad name, a bad scope or a malformed body answer 400 and "
      + "write nothing")
  void refusesBadSaves() {
    String field = unique("duplicate_field");
    save(null, data(field, "First Field", "visitor"));
    StoreSnapshot before = StoreSnapshot.take(system);

    Api.Response duplicate = save(null, data(field, "Second Field", "visitor"));
    Api.Response unknown = save("non-existent-id", data("test_field", "Updated Label", "visitor"));
    Api.Response badName = save(null, data("a.b", "Dotted", "visitor"));
    Api.Response badScope = save(null, data(unique("scope"), "Scope", "user"));
    Api.Response noData = api.post("livechat/custom-fields.save", admin, new JsonObject());
    Api.Response objectName = save(null, data(field, "Object", "visitor").put("field", new JsonObject()));

    assertThat(duplicate.json()).isEqualTo(failure("Custom Field already exists"));
    assertThat(unknown.json()).isEqualTo(failure("Custom Field Not found"));
    assertThat(badName.json()).isEqualTo(
        failure("Invalid custom field name. Use only letters, numbers, hyphens and underscores."));
    assertThat(badScope.json().getString("errorType")).isEqualTo("invalid-params");
    assertThat(noData.json().getString("error")).isEqualTo(
        "must have required property 'customFieldData' [invalid-params]");
    assertThat(objectName.json().getString("errorType")).isEqualTo("invalid-params");
    for (Api.Response response : List.of(duplicate, unknown, badName, badScope, noData, objectName)) {
      assertThat(response.status()).as(response.body()).isEqualTo(400);
    }
    assertThat(StoreSnapshot.take(system).changesSince(before)).isEmpty();
    delete(field);
  }

  @Test
  @DisplayName("a required visitor field saved through the API is enforced by the very next registration, and "
      + "registration passes again right after its removal")
  void requiredFieldTakesEffectAtOnce() {
    String required = unique("required");
    String token = unique("token");

    assertThat(save(null, data(required, "Required", "visitor").put("required", true)).status()).isEqualTo(200);
    Api.Response refused = register(token, "address");
    Api.Response removed = delete(required);
    Api.Response accepted = register(token, "address");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json()).isEqualTo(failure("Missing required custom fields: " + required));
    assertThat(removed.json()).isEqualTo(new JsonObject().put("success", true));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(system.findOne(Collections.CUSTOM_FIELDS, new JsonObject().put("_id", required))).isNull();
    assertThat(system.findOne(Collections.TRASH, new JsonObject().put("_id", required)).getString("__collection__"))
        .isEqualTo("livechat_custom_field");
  }

  @Test
  @DisplayName("removing a field that does not exist answers 400 Custom field not found and writes nothing")
  void refusesUnknownRemoval() {
    StoreSnapshot before = StoreSnapshot.take(system);

    Api.Response response = delete("no_such_field");
    Api.Response malformed = api.post("livechat/custom-fields.delete", admin, new JsonObject());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(failure("Custom field not found"));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().getString("errorType")).isEqualTo("invalid-params");
    assertThat(StoreSnapshot.take(system).changesSince(before)).isEmpty();
  }
}
