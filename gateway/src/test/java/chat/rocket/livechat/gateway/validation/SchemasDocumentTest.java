package chat.rocket.livechat.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.gateway.http.OpenApiDocument;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One truth for the request schemas: each validator of {@link Schemas} behaves as {@code docs/openapi.yaml} (the copy
 * packed into the gateway jar and served on {@code /api/v1/openapi.json}) documents its route's body or query. For
 * every object of the documented schema a sample built from the document is accepted; a required property left out,
 * a value of the wrong type, null where the type does not include {@code 'null'}, and an undocumented key where
 * {@code additionalProperties} is false are refused; an optional property left out, null where allowed and an
 * undocumented key where allowed are accepted. A query's parameter list is exhaustive: Rocket.Chat refuses other keys
 * (spec §3.1, §6.1). Keywords this test does not check (e.g. {@code minLength}) fail it, so that it grows with them.
 */
class SchemasDocumentTest {

  private static final Set<String> CHECKED_KEYWORDS =
      Set.of("type", "properties", "required", "additionalProperties", "items", "minItems", "description");
  private static final String UNDOCUMENTED_KEY = "undocumentedKey";

  private static JsonObject document;

  @BeforeAll
  static void readPackagedDocument() throws IOException {
    try (InputStream yaml = OpenApiDocument.class.getClassLoader().getResourceAsStream(OpenApiDocument.RESOURCE)) {
      Object tree = new ObjectMapper(new YAMLFactory()).readTree(yaml);
      document = new JsonObject(new ObjectMapper().writeValueAsString(tree));
    }
  }

  static Stream<Arguments> routes() {
    return Stream.of(
        Arguments.of("GET livechat/room query", "ROOM_QUERY", query("/api/v1/livechat/room"), of(Schemas.ROOM_QUERY)),
        Arguments.of("PUT livechat/room.visitor body", "ROOM_VISITOR_BODY",
            body("/api/v1/livechat/room.visitor", "put"), of(Schemas.ROOM_VISITOR_BODY)),
        Arguments.of("POST livechat/room.saveInfo body", "SAVE_INFO_BODY",
            body("/api/v1/livechat/room.saveInfo", "post"), of(Schemas.SAVE_INFO_BODY)),
        Arguments.of("GET livechat/visitors.info query", "VISITORS_INFO_QUERY",
            query("/api/v1/livechat/visitors.info"), of(Schemas.VISITORS_INFO_QUERY)),
        Arguments.of("GET livechat/visitor.info query", "VISITORS_INFO_QUERY",
            query("/api/v1/livechat/visitor.info"), of(Schemas.VISITORS_INFO_QUERY)),
        Arguments.of("POST livechat/visitor body", "VISITOR_BODY", body("/api/v1/livechat/visitor", "post"),
            of(Schemas.VISITOR_BODY)),
        Arguments.of("POST livechat/message body", "MESSAGE_BODY", body("/api/v1/livechat/message", "post"),
            of(Schemas.MESSAGE_BODY)),
        Arguments.of("POST chat.sendMessage body", "CHAT_SEND_MESSAGE_BODY",
            body("/api/v1/chat.sendMessage", "post"), of(Schemas.CHAT_SEND_MESSAGE_BODY)),
        Arguments.of("GET livechat/messages.history query", "MESSAGES_HISTORY_QUERY",
            query("/api/v1/livechat/messages.history/{rid}"), of(Schemas.MESSAGES_HISTORY_QUERY)),
        Arguments.of("GET livechat/message query", "MESSAGE_QUERY", query("/api/v1/livechat/message/{_id}"),
            of(Schemas.MESSAGE_QUERY)),
        Arguments.of("PUT livechat/message body", "MESSAGE_UPDATE_BODY",
            body("/api/v1/livechat/message/{_id}", "put"), of(Schemas.MESSAGE_UPDATE_BODY)),
        Arguments.of("DELETE livechat/message body", "MESSAGE_DELETE_BODY",
            body("/api/v1/livechat/message/{_id}", "delete"), of(Schemas.MESSAGE_DELETE_BODY)),
        Arguments.of("POST livechat/room.close body", "ROOM_CLOSE_BODY",
            body("/api/v1/livechat/room.close", "post"), of(Schemas.ROOM_CLOSE_BODY)),
        Arguments.of("POST livechat/room.closeByUser body", "ROOM_CLOSE_BY_USER_BODY",
            body("/api/v1/livechat/room.closeByUser", "post"), of(Schemas.ROOM_CLOSE_BY_USER_BODY)),
        Arguments.of("POST livechat/page.visited body", "PAGE_VISITED_BODY",
            body("/api/v1/livechat/page.visited", "post"), of(Schemas.PAGE_VISITED_BODY)),
        Arguments.of("GET livechat/config query", "CONFIG_QUERY", query("/api/v1/livechat/config"),
            of(Schemas.CONFIG_QUERY)),
        Arguments.of("GET livechat/agent.next/:token query", "AGENT_NEXT_QUERY",
            query("/api/v1/livechat/agent.next/{token}"), of(Schemas.AGENT_NEXT_QUERY)),
        Arguments.of("POST livechat/visitor.status body", "VISITOR_STATUS_BODY",
            body("/api/v1/livechat/visitor.status", "post"), of(Schemas.VISITOR_STATUS_BODY)),
        Arguments.of("POST livechat/custom.field body", "CUSTOM_FIELD_BODY",
            body("/api/v1/livechat/custom.field", "post"), of(Schemas.CUSTOM_FIELD_BODY)),
        Arguments.of("POST livechat/custom.fields body", "CUSTOM_FIELDS_BODY",
            body("/api/v1/livechat/custom.fields", "post"), of(Schemas.CUSTOM_FIELDS_BODY)),
        Arguments.of("POST livechat/transcript body", "TRANSCRIPT_BODY",
            body("/api/v1/livechat/transcript", "post"), of(Schemas.TRANSCRIPT_BODY)),
        Arguments.of("POST livechat/offline.message body", "OFFLINE_MESSAGE_BODY",
            body("/api/v1/livechat/offline.message", "post"), of(Schemas.OFFLINE_MESSAGE_BODY)),
        Arguments.of("POST users.setStatus body", "USERS_SET_STATUS_BODY",
            body("/api/v1/users.setStatus", "post"), of(Schemas.USERS_SET_STATUS_BODY)),
        Arguments.of("GET permissions.listAll query", "PERMISSIONS_LIST_QUERY", query("/api/v1/permissions.listAll"),
            of(OperatorSchemas.PERMISSIONS_LIST_QUERY)),
        Arguments.of("POST permissions.update body", "PERMISSIONS_UPDATE_BODY",
            body("/api/v1/permissions.update", "post"), of(OperatorSchemas.PERMISSIONS_UPDATE_BODY)),
        Arguments.of("GET livechat/custom-fields query", "CUSTOM_FIELDS_LIST_QUERY",
            query("/api/v1/livechat/custom-fields"), of(OperatorSchemas.CUSTOM_FIELDS_LIST_QUERY)),
        Arguments.of("POST livechat/custom-fields.save body", "CUSTOM_FIELD_SAVE_BODY",
            body("/api/v1/livechat/custom-fields.save", "post"), of(OperatorSchemas.CUSTOM_FIELD_SAVE_BODY)),
        Arguments.of("POST livechat/custom-fields.delete body", "CUSTOM_FIELD_DELETE_BODY",
            body("/api/v1/livechat/custom-fields.delete", "post"), of(OperatorSchemas.CUSTOM_FIELD_DELETE_BODY)),
        Arguments.of("GET livechat/users/:type query", "STAFF_LIST_QUERY", query("/api/v1/livechat/users/{type}"),
            of(OperatorSchemas.STAFF_LIST_QUERY)),
        Arguments.of("POST livechat/users/:type body", "STAFF_ADD_BODY",
            body("/api/v1/livechat/users/{type}", "post"), of(OperatorSchemas.STAFF_ADD_BODY)),
        Arguments.of("POST livechat/agent.status body", "AGENT_STATUS_BODY",
            body("/api/v1/livechat/agent.status", "post"), of(OperatorSchemas.AGENT_STATUS_BODY)),
        Arguments.of("POST users.create body", "USER_CREATE_BODY", body("/api/v1/users.create", "post"),
            of(OperatorSchemas.USER_CREATE_BODY)),
        Arguments.of("GET users.info query", "USER_INFO_QUERY", query("/api/v1/users.info"),
            of(OperatorSchemas.USER_INFO_QUERY)),
        Arguments.of("POST users.update body", "USER_UPDATE_BODY", body("/api/v1/users.update", "post"),
            of(OperatorSchemas.USER_UPDATE_BODY)),
        Arguments.of("POST users.delete body", "USER_DELETE_BODY", body("/api/v1/users.delete", "post"),
            of(OperatorSchemas.USER_DELETE_BODY)),
        Arguments.of("GET channels.info query", "CHANNEL_INFO_QUERY", query("/api/v1/channels.info"),
            of(OperatorSchemas.CHANNEL_INFO_QUERY)),
        Arguments.of("GET livechat/rooms query", "ROOMS_QUERY", query("/api/v1/livechat/rooms"),
            of(OperatorSchemas.ROOMS_QUERY)),
        Arguments.of("GET livechat/inquiries.getOne query", "INQUIRY_GET_QUERY",
            query("/api/v1/livechat/inquiries.getOne"), of(InquirySchemas.INQUIRY_GET_QUERY)),
        Arguments.of("POST livechat/inquiries.take body", "INQUIRY_TAKE_BODY",
            body("/api/v1/livechat/inquiries.take", "post"), of(InquirySchemas.INQUIRY_TAKE_BODY)),
        Arguments.of("GET licenses.info query", "LICENSES_INFO_QUERY", query("/api/v1/licenses.info"),
            of(InquirySchemas.LICENSES_INFO_QUERY)),
        Arguments.of("GET subscriptions.getOne query", "SUBSCRIPTION_GET_QUERY",
            query("/api/v1/subscriptions.getOne"), of(StaffReadSchemas.SUBSCRIPTION_GET_QUERY)),
        Arguments.of("GET livechat/room.join query", "ROOM_JOIN_QUERY", query("/api/v1/livechat/room.join"),
            of(StaffReadSchemas.ROOM_JOIN_QUERY)),
        Arguments.of("GET livechat/:rid/messages query", "ROOM_MESSAGES_QUERY",
            query("/api/v1/livechat/{rid}/messages"), of(StaffReadSchemas.ROOM_MESSAGES_QUERY)),
        Arguments.of("POST livechat/messages body", "MESSAGES_IMPORT_BODY", body("/api/v1/livechat/messages", "post"),
            of(StaffReadSchemas.MESSAGES_IMPORT_BODY)),
        Arguments.of("GET livechat/visitors.pagesVisited query", "VISITOR_PAGE_QUERY",
            query("/api/v1/livechat/visitors.pagesVisited/{roomId}"), of(StaffReadSchemas.VISITOR_PAGE_QUERY)),
        Arguments.of("GET livechat/visitors.searchChats query", "SEARCH_CHATS_QUERY",
            query("/api/v1/livechat/visitors.searchChats/room/{roomId}/visitor/{visitorId}"),
            of(StaffReadSchemas.SEARCH_CHATS_QUERY)),
        Arguments.of("GET livechat/visitors.autocomplete query", "VISITOR_AUTOCOMPLETE_QUERY",
            query("/api/v1/livechat/visitors.autocomplete"), of(StaffReadSchemas.VISITOR_AUTOCOMPLETE_QUERY)),
        Arguments.of("GET livechat/visitors.search query", "VISITOR_SEARCH_QUERY",
            query("/api/v1/livechat/visitors.search"), of(StaffReadSchemas.VISITOR_SEARCH_QUERY)));
  }

  @ParameterizedTest(name = "{0}: {1} accepts and refuses what the document says")
  @MethodSource("routes")
  @DisplayName("each request schema accepts and refuses what docs/openapi.yaml documents for its route")
  void validatorFollowsDocument(String route, String constant, JsonObject schema, Validator validator) {
    List<String> mismatches = new ArrayList<>();
    JsonObject sample = (JsonObject) sample(schema);
    expect(mismatches, "the documented sample " + sample.encode(), validator.apply(sample) != null, true);
    walk(schema, List.of(), sample, validator, mismatches);

    assertThat(mismatches).as(route + " (Schemas." + constant + ") against docs/openapi.yaml").isEmpty();
  }

  @Test
  @DisplayName("every schema of the four schema classes is held to docs/openapi.yaml")
  void everySchemaIsChecked() {
    Set<String> constants = Stream.of(Schemas.class, OperatorSchemas.class, InquirySchemas.class,
            StaffReadSchemas.class)
        .flatMap(type -> Arrays.stream(type.getFields()))
        .filter(field -> Modifier.isStatic(field.getModifiers())).map(Field::getName).collect(Collectors.toSet());

    assertThat(routes().map(route -> (String) route.get()[1]).collect(Collectors.toSet())).isEqualTo(constants);
  }

  /** A validator: the value after coercion when accepted, null when refused. */
  interface Validator extends Function<JsonObject, JsonObject> {
  }

  private static Validator of(Schema schema) {
    return value -> {
      try {
        return (JsonObject) schema.validate(value);
      } catch (LivechatException refused) {
        return null;
      }
    };
  }

  private static Validator of(Match pattern) {
    return value -> pattern.check(value).isPresent() ? null : value;
  }

  private static JsonObject body(String path, String method) {
    return document.getJsonObject("paths").getJsonObject(path).getJsonObject(method).getJsonObject("requestBody")
        .getJsonObject("content").getJsonObject("application/json").getJsonObject("schema");
  }

  /** The query parameters of {@code GET path} as one closed object schema. */
  private static JsonObject query(String path) {
    JsonObject properties = new JsonObject();
    JsonArray required = new JsonArray();
    for (Object entry : document.getJsonObject("paths").getJsonObject(path).getJsonObject("get")
        .getJsonArray("parameters")) {
      JsonObject parameter = resolve((JsonObject) entry);
      if ("query".equals(parameter.getString("in"))) {
        properties.put(parameter.getString("name"), parameter.getJsonObject("schema"));
        if (parameter.getBoolean("required", false)) {
          required.add(parameter.getString("name"));
        }
      }
    }
    return new JsonObject().put("type", "object").put("required", required).put("additionalProperties", false)
        .put("properties", properties);
  }

  private static JsonObject resolve(JsonObject maybeRef) {
    JsonObject target = document;
    if (!maybeRef.containsKey("$ref")) {
      return maybeRef;
    }
    for (String part : maybeRef.getString("$ref").substring(2).split("/")) {
      target = target.getJsonObject(part);
    }
    return target;
  }

  private static void walk(JsonObject schema, List<Object> path, JsonObject root, Validator validator,
                           List<String> mismatches) {
    schema.fieldNames().stream().filter(keyword -> !CHECKED_KEYWORDS.contains(keyword))
        .forEach(keyword -> mismatches.add("keyword '" + keyword + "' at " + path + " is not checked by this test"));
    if (types(schema).contains("object")) {
      checkProperties(schema, path, root, validator, mismatches);
      Object extra = schema.getValue("additionalProperties", true);
      Object extraValue = extra instanceof JsonObject values ? sample(values) : "x";
      expect(mismatches, "an undocumented key in " + path,
          validator.apply(edit(root, path, o -> o.put(UNDOCUMENTED_KEY, extraValue))) != null, extra != Boolean.FALSE);
      if (extra instanceof JsonObject values) {
        expect(mismatches, "a wrong-typed value of an undocumented key in " + path,
            validator.apply(edit(root, path, o -> o.put(UNDOCUMENTED_KEY, wrong(values)))) != null, false);
      }
    }
    if (types(schema).contains("array") && types(schema.getJsonObject("items")).contains("object")) {
      walk(schema.getJsonObject("items"), append(path, 0), root, validator, mismatches);
    }
  }

  private static void checkProperties(JsonObject schema, List<Object> path, JsonObject root, Validator validator,
                                      List<String> mismatches) {
    JsonObject properties = schema.getJsonObject("properties", new JsonObject());
    List<?> required = schema.getJsonArray("required", new JsonArray()).getList();
    for (String name : properties.fieldNames()) {
      JsonObject property = properties.getJsonObject(name);
      List<Object> at = append(path, name);
      expect(mismatches, at + " left out", validator.apply(edit(root, path, o -> o.remove(name))) != null,
          !required.contains(name));
      expect(mismatches, at + " of the wrong type",
          validator.apply(edit(root, path, o -> o.put(name, wrong(property)))) != null, false);
      JsonObject withNull = validator.apply(edit(root, path, o -> o.putNull(name)));
      expect(mismatches, at + " null (kept)", withNull != null && isNullAt(withNull, at), nullable(property));
      if (types(property).contains("array")) {
        expect(mismatches, at + " with an item of the wrong type", validator.apply(edit(root, path,
            o -> o.put(name, new JsonArray().add(wrong(property.getJsonObject("items")))))) != null, false);
        expect(mismatches, at + " empty", validator.apply(edit(root, path, o -> o.put(name, new JsonArray())))
            != null, property.getInteger("minItems", 0) == 0);
      }
      walk(property, at, root, validator, mismatches);
    }
  }

  private static void expect(List<String> mismatches, String what, boolean accepted, boolean documented) {
    if (accepted != documented) {
      mismatches.add(what + ": the document says " + (documented ? "accepted" : "refused") + ", the validator "
          + (accepted ? "accepts" : "refuses"));
    }
  }

  /** @return a value the schema documents: every property present, arrays of one item, strings {@code "x"} */
  private static Object sample(JsonObject schema) {
    if (types(schema).contains("object")) {
      JsonObject object = new JsonObject();
      schema.getJsonObject("properties", new JsonObject())
          .forEach(property -> object.put(property.getKey(), sample((JsonObject) property.getValue())));
      if (schema.getValue("additionalProperties") instanceof JsonObject values) {
        object.put("key", sample(values));
      }
      return object;
    }
    if (types(schema).contains("array")) {
      return new JsonArray().add(sample(schema.getJsonObject("items")));
    }
    return types(schema).contains("boolean") ? (Object) true : "x";
  }

  private static Object wrong(JsonObject schema) {
    return types(schema).contains("object") || types(schema).contains("array") ? "x" : new JsonObject().put("a", 1);
  }

  private static List<String> types(JsonObject schema) {
    Object type = schema.getValue("type");
    List<String> types = type instanceof JsonArray array ? array.stream().map(String::valueOf).toList()
        : List.of(String.valueOf(type));
    return types.stream().filter(t -> !"null".equals(t)).toList();
  }

  private static boolean nullable(JsonObject schema) {
    return schema.getValue("type") instanceof JsonArray array && array.contains("null");
  }

  private static JsonObject edit(JsonObject root, List<Object> path, Consumer<JsonObject> change) {
    JsonObject copy = root.copy();
    change.accept((JsonObject) at(copy, path));
    return copy;
  }

  private static boolean isNullAt(JsonObject root, List<Object> path) {
    JsonObject parent = (JsonObject) at(root, path.subList(0, path.size() - 1));
    String name = (String) path.get(path.size() - 1);
    return parent.containsKey(name) && parent.getValue(name) == null;
  }

  private static Object at(Object value, List<Object> path) {
    for (Object step : path) {
      value = step instanceof Integer index ? ((JsonArray) value).getValue(index)
          : ((JsonObject) value).getValue((String) step);
    }
    return value;
  }

  private static List<Object> append(List<Object> path, Object step) {
    List<Object> longer = new ArrayList<>(path);
    longer.add(step);
    return longer;
  }
}
