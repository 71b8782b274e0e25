package chat.rocket.livechat.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ajv behaviour of the rest-typings schemas (spec §4.1, §5.1, §6.1): first error only, coercion, texts. */
class SchemaTest {

  private static String errorOf(Schema schema, Object value) {
    try {
      schema.validate(value);
      return null;
    } catch (LivechatException e) {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMS);
      return e.body().getString("error");
    }
  }

  @Test
  @DisplayName("required properties are reported in schema order before anything else")
  void requiredFirst() {
    assertThat(errorOf(Schemas.ROOM_VISITOR_BODY, new JsonObject()))
        .isEqualTo("must have required property 'rid' [invalid-params]");
    assertThat(errorOf(Schemas.ROOM_VISITOR_BODY, new JsonObject().put("rid", "GENERAL").put("extra", 1)))
        .isEqualTo("must have required property 'oldVisitorId' [invalid-params]");
    assertThat(errorOf(Schemas.SAVE_INFO_BODY, new JsonObject()))
        .isEqualTo("must have required property 'guestData' [invalid-params]");
  }

  @Test
  @DisplayName("a permission's repeated role is refused with ajv's uniqueItems text, naming the pair from the end")
  void uniqueRoles() {
    JsonObject body = new JsonObject().put("permissions", new JsonArray().add(new JsonObject()
        .put("_id", "view-l-room").put("roles", new JsonArray().add("a").add("b").add("a"))));

    assertThat(errorOf(OperatorSchemas.PERMISSIONS_UPDATE_BODY, body))
        .isEqualTo("must NOT have duplicate items (items ## 2 and 0 are identical) [invalid-params]");
    body.getJsonArray("permissions").getJsonObject(0).put("roles", new JsonArray().add("a"));
    assertThat(errorOf(OperatorSchemas.PERMISSIONS_UPDATE_BODY, body)).isNull();
  }

  @Test
  @DisplayName("livechat/messages refuses a messages value that is no array, then an empty one, with ajv's texts")
  void nonEmptyMessages() {
    JsonObject body = new JsonObject().put("visitor", new JsonObject().put("token", "t"))
        .put("messages", new JsonObject());

    assertThat(errorOf(StaffReadSchemas.MESSAGES_IMPORT_BODY, body)).isEqualTo("must be array [invalid-params]");
    body.put("messages", new JsonArray());
    assertThat(errorOf(StaffReadSchemas.MESSAGES_IMPORT_BODY, body))
        .isEqualTo("must NOT have fewer than 1 items [invalid-params]");
    body.put("messages", new JsonArray().add(new JsonObject().put("msg", "Hello")));
    assertThat(errorOf(StaffReadSchemas.MESSAGES_IMPORT_BODY, body)).isNull();
    assertThat(errorOf(StaffReadSchemas.MESSAGES_IMPORT_BODY, body.put("visitor", new JsonObject())))
        .isEqualTo("must have required property 'token' [invalid-params]");
  }

  @Test
  @DisplayName("an extra property is refused once all required ones are there")
  void additionalProperties() {
    JsonObject body = new JsonObject().put("rid", "r").put("oldVisitorId", "o").put("newVisitorId", "n")
        .put("extra", 1);
    assertThat(errorOf(Schemas.ROOM_VISITOR_BODY, body))
        .isEqualTo("must NOT have additional properties [invalid-params]");
  }

  @Test
  @DisplayName("numbers and booleans are coerced to strings; objects and arrays are not")
  void coercion() {
    JsonObject coerced = (JsonObject) Schemas.ROOM_VISITOR_BODY.validate(new JsonObject().put("rid", 12)
        .put("oldVisitorId", true).put("newVisitorId", 1.5));
    assertThat(coerced).isEqualTo(new JsonObject().put("rid", "12").put("oldVisitorId", "true")
        .put("newVisitorId", "1.5"));
    assertThat(errorOf(Schemas.ROOM_VISITOR_BODY, new JsonObject().put("rid", new JsonObject().put("$ne", null))
        .put("oldVisitorId", "o").put("newVisitorId", "n"))).isEqualTo("must be string [invalid-params]");
  }

  @Test
  @DisplayName("booleans take ajv's coercion: 'true'/'false', 1/0 and null become booleans, an object is refused")
  void booleanCoercion() {
    JsonObject field = new JsonObject().put("token", "t").put("key", "k").put("value", "v");
    assertThat(((JsonObject) Schemas.CUSTOM_FIELD_BODY.validate(field.copy().put("overwrite", "true")))
        .getBoolean("overwrite")).isTrue();
    assertThat(((JsonObject) Schemas.CUSTOM_FIELD_BODY.validate(field.copy().put("overwrite", 0)))
        .getBoolean("overwrite")).isFalse();
    assertThat(((JsonObject) Schemas.CUSTOM_FIELD_BODY.validate(field.copy().putNull("overwrite")))
        .getBoolean("overwrite")).isFalse();
    assertThat(errorOf(Schemas.CUSTOM_FIELD_BODY, field.copy().put("overwrite", new JsonObject().put("$ne", 1))))
        .isEqualTo("must be boolean [invalid-params]");
    assertThat(errorOf(Schemas.CUSTOM_FIELDS_BODY, new JsonObject().put("token", "t").put("customFields", "x")))
        .isEqualTo("must be array [invalid-params]");
  }

  @Test
  @DisplayName("saveInfo: a string instead of an object and a wrong tag type are refused with ajv's text")
  void saveInfoTypes() {
    assertThat(errorOf(Schemas.SAVE_INFO_BODY, new JsonObject().put("guestData", "invalid-guest-data")
        .put("roomData", new JsonObject().put("_id", "r")))).isEqualTo("must be object [invalid-params]");
    assertThat(errorOf(Schemas.SAVE_INFO_BODY, new JsonObject().put("guestData", new JsonObject().put("_id", "g"))
        .put("roomData", new JsonObject().put("_id", "r").put("tags", "t"))))
        .isEqualTo("must be array [invalid-params]");
    assertThat(errorOf(Schemas.SAVE_INFO_BODY, new JsonObject().put("guestData", new JsonObject().put("_id", "g")
        .put("livechatData", new JsonObject().put("k", new JsonObject())))
        .put("roomData", new JsonObject().put("_id", "r")))).isEqualTo("must be string [invalid-params]");
  }

  @Test
  @DisplayName("saveInfo: nullable fields accept null and room livechatData accepts any values")
  void saveInfoNullable() {
    JsonObject body = new JsonObject()
        .put("guestData", new JsonObject().put("_id", "g").putNull("name").putNull("email"))
        .put("roomData", new JsonObject().put("_id", "r").putNull("topic").put("tags", new JsonArray().add(1))
            .put("livechatData", new JsonObject().put("k", new JsonObject().put("value", "x"))));

    JsonObject coerced = (JsonObject) Schemas.SAVE_INFO_BODY.validate(body);

    assertThat(coerced.getJsonObject("roomData").getJsonArray("tags")).isEqualTo(new JsonArray().add("1"));
    assertThat(coerced.getJsonObject("guestData").getValue("name")).isNull();
  }

  @Test
  @DisplayName("a body that is not an object is refused as such")
  void nonObjectBody() {
    assertThatThrownBy(() -> Schemas.VISITORS_INFO_QUERY.validate(new JsonArray()))
        .isInstanceOf(LivechatException.class).hasMessage("must be object");
  }
}
