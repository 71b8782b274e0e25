package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.contracts.Topics;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST livechat/visitor} (spec §7.1) and {@code GET livechat/visitor/:token} (spec §7.2), through the whole
 * system, prepared as Rocket.Chat's {@code LIVECHAT - visitors} hooks prepare theirs (over REST: Livechat on,
 * view-livechat-manager for admin, the admin an available agent); custom fields and settings of their cases are
 * changed over REST too ({@link Admin}).
 */
class VisitorRegistrationTest {

  private static TestSystem system;
  private static Api api;
  private static Admin admin;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
    api = system.api();
    admin = new Admin(api, system.adminHeaders());
    admin.makeAvailableAgent();
    admin.permission(Permission.VIEW_LIVECHAT_MANAGER.id(), List.of("admin"));
    system.mongo().insert(Collections.DEPARTMENTS,
        new JsonObject().put("_id", "dep1").put("name", "Sales").put("enabled", true)).await();
    system.mongo().insert(Collections.CUSTOM_FIELDS, new JsonObject().put("_id", "address").put("label", "address")
        .put("scope", "visitor").put("visibility", "visible").put("regexp", "")).await();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  private static Api.Response register(JsonObject visitor) {
    return api.post("livechat/visitor", Map.of(), new JsonObject().put("visitor", visitor));
  }

  private static JsonObject registered(JsonObject visitor) {
    Api.Response response = register(visitor);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.json().getBoolean("success")).isTrue();
    return response.json().getJsonObject("visitor");
  }

  private static String token() {
    return "test-" + UUID.randomUUID();
  }

  private static String phone() {
    return Long.toString(System.nanoTime());
  }

  private static JsonObject stored(String id) {
    return system.findOne(Collections.VISITORS, new JsonObject().put("_id", id));
  }

  private static long visitorCount() {
    return system.mongo().count(Collections.VISITORS, new JsonObject()).await();
  }

  private static JsonArray customField(String key, String value, boolean overwrite) {
    return new JsonArray().add(new JsonObject().put("key", key).put("value", value).put("overwrite", overwrite));
  }

  private static void assertBadRequest(Api.Response response, JsonObject body) {
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.json()).isEqualTo(body);
  }

  private static JsonObject matchError(String message) {
    return new JsonObject().put("success", false).put("error", message);
  }

  private static JsonObject meteorError(String reason, String errorType) {
    return new JsonObject().put("success", false).put("error", reason + " [" + errorType + "]")
        .put("errorType", errorType);
  }

  @Test
  @DisplayName("a body without the visitor key answers 400 with Meteor's missing-key text")
  void missingVisitorIsRejected() {
    Api.Response response = api.post("livechat/visitor", Map.of(), new JsonObject());

    assertBadRequest(response, matchError("Match error: Missing key 'visitor'"));
  }

  @Test
  @DisplayName("an empty visitor object answers 400 with the missing token key in field visitor")
  void missingTokenIsRejected() {
    Api.Response response = register(new JsonObject());

    assertBadRequest(response, matchError("Match error: Missing key 'token' in field visitor"));
  }

  @Test
  @DisplayName("an unknown top-level key answers 400 with Meteor's unknown-key text")
  void unknownTopLevelKeyIsRejected() {
    JsonObject body = new JsonObject().put("visitor", new JsonObject().put("token", token())).put("foo", "bar");

    Api.Response response = api.post("livechat/visitor", Map.of(), body);

    assertBadRequest(response, matchError("Match error: Unknown key in field foo"));
  }

  @Test
  @DisplayName("a new token creates an online guest-N visitor with a 24-hex ObjectId")
  void newTokenCreatesVisitor() {
    String token = token();

    JsonObject visitor = registered(new JsonObject().put("token", token));

    assertThat(visitor.getString("token")).isEqualTo(token);
    assertThat(visitor.getString("status")).isEqualTo("online");
    assertThat(visitor.getString("username")).matches("guest-\\d+");
    assertThat(visitor.getString("_id")).matches("[0-9a-f]{24}");
    assertThat(visitor.getString("ts")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    JsonObject stored = stored(visitor.getString("_id"));
    assertThat(stored.getString("token")).isEqualTo(token);
    assertThat(stored.getJsonObject("ts").getString("$date")).as("ts is a BSON date").isNotNull();
  }

  @Test
  @DisplayName("two new visitors get consecutive guest numbers from Livechat_guest_count")
  void guestNumbersIncrease() {
    JsonObject first = registered(new JsonObject().put("token", token()));
    JsonObject second = registered(new JsonObject().put("token", token()));

    long firstNumber = Long.parseLong(first.getString("username").substring("guest-".length()));
    long secondNumber = Long.parseLong(second.getString("username").substring("guest-".length()));
    assertThat(secondNumber).isEqualTo(firstNumber + 1);
    JsonObject counter = system.findOne(Collections.SETTINGS, new JsonObject().put("_id", "Livechat_guest_count"));
    assertThat(((Number) counter.getValue("value")).longValue()).isGreaterThanOrEqualTo(secondNumber);
  }

  @Test
  @DisplayName("a phone number is stored as phone[0].phoneNumber")
  void phoneIsStored() {
    String phone = phone();

    JsonObject visitor = registered(new JsonObject().put("token", token()).put("phone", phone));

    assertThat(visitor.getJsonArray("phone")).isEqualTo(
        new JsonArray().add(new JsonObject().put("phoneNumber", phone)));
    assertThat(stored(visitor.getString("_id")).getJsonArray("phone").getJsonObject(0).getString("phoneNumber"))
        .isEqualTo(phone);
  }

  @Test
  @DisplayName("an email is trimmed and lower-cased into visitorEmails[0].address")
  void emailIsNormalized() {
    String local = "Mixed.Case." + System.nanoTime();

    JsonObject visitor = registered(new JsonObject().put("token", token())
        .put("email", "  " + local + "@Example.COM  "));

    String expected = local.toLowerCase() + "@example.com";
    assertThat(visitor.getJsonArray("visitorEmails")).isEqualTo(
        new JsonArray().add(new JsonObject().put("address", expected)));
    assertThat(stored(visitor.getString("_id")).getJsonArray("visitorEmails").getJsonObject(0).getString("address"))
        .isEqualTo(expected);
  }

  @Test
  @DisplayName("an invalid email answers 400 error-invalid-email and writes no visitor")
  void invalidEmailIsRejected() {
    String token = token();

    Api.Response response = register(new JsonObject().put("token", token).put("email", "not-an-email"));

    assertBadRequest(response, meteorError("Invalid email", "error-invalid-email"));
    assertThat(system.findOne(Collections.VISITORS, new JsonObject().put("token", token))).isNull();
  }

  @Test
  @DisplayName("an unknown department answers 400 error-invalid-department and writes no visitor")
  void unknownDepartmentIsRejected() {
    String token = token();

    Api.Response response = register(new JsonObject().put("token", token).put("department", "no-such-department"));

    assertBadRequest(response, meteorError("The provided department is invalid", "error-invalid-department"));
    assertThat(system.findOne(Collections.VISITORS, new JsonObject().put("token", token))).isNull();
  }

  @Test
  @DisplayName("a department given by name is stored as that department's _id")
  void departmentByNameResolvesToId() {
    JsonObject visitor = registered(new JsonObject().put("token", token()).put("department", "Sales"));

    assertThat(visitor.getString("department")).isEqualTo("dep1");
    assertThat(stored(visitor.getString("_id")).getString("department")).isEqualTo("dep1");
  }

  @Test
  @DisplayName("a department given by _id is stored as is")
  void departmentByIdIsStored() {
    JsonObject visitor = registered(new JsonObject().put("token", token()).put("department", "dep1"));

    assertThat(visitor.getString("department")).isEqualTo("dep1");
  }

  @Test
  @DisplayName("a customFields entry for a visitor-scope field sets livechatData.<key>")
  void visitorCustomFieldIsStored() {
    JsonObject visitor = registered(new JsonObject().put("token", token())
        .put("customFields", customField("address", "Rocket.Chat street", true)));

    assertThat(visitor.getJsonObject("livechatData").getString("address")).isEqualTo("Rocket.Chat street");
    assertThat(stored(visitor.getString("_id")).getJsonObject("livechatData").getString("address"))
        .isEqualTo("Rocket.Chat street");
  }

  @Test
  @DisplayName("a customFields entry with overwrite false keeps the existing value, with overwrite true replaces it")
  void overwriteFalseKeepsExistingValue() {
    String token = token();
    registered(new JsonObject().put("token", token)
        .put("customFields", customField("address", "Rocket.Chat street", true)));

    JsonObject kept = registered(new JsonObject().put("token", token)
        .put("customFields", customField("address", "Another street", false)));

    assertThat(kept.getJsonObject("livechatData").getString("address")).isEqualTo("Rocket.Chat street");
    assertThat(stored(kept.getString("_id")).getJsonObject("livechatData").getString("address"))
        .isEqualTo("Rocket.Chat street");

    JsonObject replaced = registered(new JsonObject().put("token", token)
        .put("customFields", customField("address", "Another street", true)));

    assertThat(replaced.getJsonObject("livechatData").getString("address")).isEqualTo("Another street");
  }

  @Test
  @DisplayName("a customFields entry whose key is no custom field is ignored")
  void unknownCustomFieldIsIgnored() {
    JsonObject visitor = registered(new JsonObject().put("token", token())
        .put("customFields", customField("not-a-field", "value", true)));

    JsonObject stored = stored(visitor.getString("_id"));
    assertThat(stored.getJsonObject("livechatData", new JsonObject()).containsKey("not-a-field")).isFalse();
    assertThat(visitor.getJsonObject("livechatData", new JsonObject()).containsKey("not-a-field")).isFalse();
  }

  @Test
  @DisplayName("the same phone with a different token updates the same visitor and keeps its original token")
  void samePhoneKeepsOriginalToken() {
    String phone = phone();
    String originalToken = token();
    JsonObject first = registered(new JsonObject().put("token", originalToken).put("phone", phone));
    String otherToken = token();

    JsonObject second = registered(new JsonObject().put("token", otherToken).put("phone", phone)
        .put("name", "Renamed"));

    assertThat(second.getString("_id")).isEqualTo(first.getString("_id"));
    assertThat(second.getString("token")).isEqualTo(originalToken);
    assertThat(second.getString("name")).isEqualTo("Renamed");
    assertThat(stored(first.getString("_id")).getString("token")).isEqualTo(originalToken);
    assertThat(system.findOne(Collections.VISITORS, new JsonObject().put("token", otherToken))).isNull();
  }

  @Test
  @DisplayName("the same email with a new token updates the same visitor and re-keys it to the new token")
  void sameEmailRekeysToken() {
    String email = "rekey." + System.nanoTime() + "@example.com";
    String originalToken = token();
    JsonObject first = registered(new JsonObject().put("token", originalToken).put("email", email));
    String newToken = token();

    JsonObject second = registered(new JsonObject().put("token", newToken).put("email", email));

    assertThat(second.getString("_id")).isEqualTo(first.getString("_id"));
    assertThat(second.getString("token")).isEqualTo(newToken);
    assertThat(stored(first.getString("_id")).getString("token")).isEqualTo(newToken);
    assertThat(system.findOne(Collections.VISITORS, new JsonObject().put("token", originalToken))).isNull();
    assertThat(system.mongo().count(Collections.VISITORS,
        new JsonObject().put("visitorEmails.address", email)).await()).isEqualTo(1);
  }

  @ParameterizedTest(name = "token \"{0}\"")
  @ValueSource(strings = {"", "   "})
  @DisplayName("an empty token, or one of only spaces, answers 400 error-invalid-token and writes no visitor")
  void blankTokenIsRejected(String token) {
    long before = visitorCount();

    Api.Response response = register(new JsonObject().put("token", token));

    assertBadRequest(response, meteorError("Token cannot be empty", "error-invalid-token"));
    assertThat(visitorCount()).isEqualTo(before);
  }

  @Test
  @DisplayName("a name of the wrong type answers 400 with Meteor's optional-pattern text in field visitor.name")
  void wrongTypeIsRejected() {
    Api.Response response = register(new JsonObject().put("token", token()).put("name", 5));

    assertBadRequest(response, matchError(
        "Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation in field visitor.name"));
  }

  @Test
  @DisplayName("an operator object as token answers 400 expected-string and writes no visitor")
  void operatorTokenIsRejected() {
    long before = visitorCount();
    String body = "{\"visitor\":{\"token\":{\"$ne\":null}}}";

    Api.Response response = api.send(HttpMethod.POST, "livechat/visitor", Map.of(), body);

    assertBadRequest(response, matchError("Match error: Expected string, got object in field visitor.token"));
    assertThat(visitorCount()).isEqualTo(before);
  }

  @Test
  @DisplayName("GET livechat/visitor/:token returns the full visitor as registered")
  void visitorIsReadByToken() {
    String token = token();
    JsonObject visitor = registered(new JsonObject().put("token", token).put("name", "Full Visitor")
        .put("email", token + "@example.com").put("phone", phone()).put("department", "dep1")
        .put("customFields", customField("address", "Rocket.Chat street", true)));

    Api.Response response = api.get("livechat/visitor/" + token);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.json()).isEqualTo(new JsonObject().put("visitor", visitor).put("success", true));
    JsonObject read = response.json().getJsonObject("visitor");
    assertThat(read.getString("name")).isEqualTo("Full Visitor");
    assertThat(read.getString("department")).isEqualTo("dep1");
    assertThat(read.getJsonObject("livechatData").getString("address")).isEqualTo("Rocket.Chat street");
    assertThat(read.getString("_updatedAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
  }

  @Test
  @DisplayName("GET livechat/visitor/:token with an unknown token answers 400 [invalid-token]")
  void unknownTokenIsRejected() {
    Api.Response response = api.get("livechat/visitor/" + token());

    assertBadRequest(response, new JsonObject().put("success", false).put("error", "[invalid-token]")
        .put("errorType", "invalid-token"));
  }

  @Test
  @DisplayName("a registration publishes a visitor.registered CloudEvent keyed by the visitor _id")
  void registrationIsPublished() {
    String token = token();
    String id = registered(new JsonObject().put("token", token)).getString("_id");

    List<ConsumerRecord<String, String>> events = Events.read(system.bootstrapServers(), Topics.VISITOR_EVENTS,
        record -> id.equals(record.key()), Duration.ofSeconds(10));

    assertThat(events).hasSize(1);
    ConsumerRecord<String, String> event = events.get(0);
    assertThat(Events.header(event, "ce_type")).isEqualTo(EventType.VISITOR_REGISTERED.type())
        .isEqualTo("chat.rocket.livechat.visitor.registered");
    assertThat(Events.header(event, "ce_subject")).isEqualTo(id);
    assertThat(Events.header(event, "ce_source")).isEqualTo("/livechat/visitor-service");
    JsonObject data = new JsonObject(event.value());
    assertThat(data.getJsonObject("visitor").getString("_id")).isEqualTo(id);
    assertThat(data.getJsonObject("visitor").getString("token")).isEqualTo(token);
  }
  @Test
  @DisplayName("a client-given id and username are used verbatim for a new visitor")
  void givenIdAndUsernameAreUsed() {
    String id = "visitor-" + UUID.randomUUID();
    String username = "custom." + System.nanoTime();

    JsonObject visitor = registered(new JsonObject().put("token", token()).put("id", id).put("username", username));

    assertThat(visitor.getString("_id")).isEqualTo(id);
    assertThat(visitor.getString("username")).isEqualTo(username);
    assertThat(stored(id).getString("username")).isEqualTo(username);
  }

  @Test
  @DisplayName("user agent, ip and host are stored only while header collection is on")
  void headersAreCollectedOnlyWhenEnabled() {
    Map<String, String> headers = Map.of("User-Agent", "VisitorTest/1.0", "X-Real-IP", "10.1.2.3");
    JsonObject body = new JsonObject().put("visitor", new JsonObject().put("token", token()));
    String withoutId = api.post("livechat/visitor", headers, body).json().getJsonObject("visitor").getString("_id");
    admin.setting("Livechat_Allow_collect_and_store_HTTP_header_informations", true);
    try {
      JsonObject collecting = new JsonObject().put("visitor", new JsonObject().put("token", token()));
      Api.Response registered = api.post("livechat/visitor", headers, collecting);
      assertThat(registered.status()).as("no connection data needed in the body").isEqualTo(200);
      String withId = registered.json().getJsonObject("visitor").getString("_id");

      JsonObject with = stored(withId);
      assertThat(with.getString("userAgent")).isEqualTo("VisitorTest/1.0");
      assertThat(with.getString("ip")).isEqualTo("10.1.2.3");
      assertThat(with.getString("host")).isEqualTo("127.0.0.1:" + system.config().getString("PORT"));
    } finally {
      admin.setting("Livechat_Allow_collect_and_store_HTTP_header_informations", false);
    }
    JsonObject without = stored(withoutId);
    assertThat(without.containsKey("userAgent")).isFalse();
    assertThat(without.containsKey("ip")).isFalse();
    assertThat(without.containsKey("host")).isFalse();
  }

  @Test
  @DisplayName("20 simultaneous registrations of new tokens get 20 distinct guest numbers")
  void concurrentRegistrationsGetDistinctGuestNumbers() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(20);
    try {
      List<Callable<Api.Response>> calls = IntStream.range(0, 20)
          .<Callable<Api.Response>>mapToObj(i -> () -> register(new JsonObject().put("token", token()))).toList();
      List<Api.Response> responses = new ArrayList<>();
      for (Future<Api.Response> call : clients.invokeAll(calls)) {
        responses.add(call.get());
      }

      assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
      Set<String> usernames = responses.stream().map(r -> r.json().getJsonObject("visitor").getString("username"))
          .collect(Collectors.toSet());
      assertThat(usernames).hasSize(20).allSatisfy(name -> assertThat(name).matches("guest-\\d+"));
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  @DisplayName("custom fields leaving out a required visitor field answer 400 Missing required custom fields, no write")
  void missingRequiredCustomFieldIsRefused() {
    String required = "required_" + UUID.randomUUID().toString().substring(0, 8);
    system.mongo().insert(Collections.CUSTOM_FIELDS, new JsonObject().put("_id", required).put("label", required)
        .put("scope", "visitor").put("visibility", "visible").put("regexp", "").put("required", true)).await();
    try {
      String token = token();
      StoreSnapshot before = StoreSnapshot.take(system);

      Api.Response refused = register(new JsonObject().put("token", token)
          .put("customFields", customField("address", "Rocket.Chat street", true)));

      assertBadRequest(refused, matchError("Missing required custom fields: " + required));
      assertThat(StoreSnapshot.take(system).changesSince(before)).isEmpty();
      assertThat(registered(new JsonObject().put("token", token)).getString("token")).isEqualTo(token);
      JsonObject named = registered(new JsonObject().put("token", token)
          .put("customFields", customField(required, "given", true)));
      assertThat(named.getJsonObject("livechatData").getString(required)).isEqualTo("given");
    } finally {
      system.mongo().removeDocument(Collections.CUSTOM_FIELDS, new JsonObject().put("_id", required)).await();
    }
  }

  @Test
  @DisplayName("a visitor-scope field saved through custom-fields.save is filled from customFields, and a later "
      + "registration with overwrite false keeps its value")
  void fieldSavedOverRestIsFilled() {
    String field = "new_custom_field_" + System.nanoTime();
    admin.customField(field, "visitor", false);
    String token = token();

    JsonObject created = registered(new JsonObject().put("token", token)
        .put("customFields", customField(field, "Not a real address :)", true)));
    JsonObject kept = registered(new JsonObject().put("token", token)
        .put("customFields", customField(field, "This should not change!", false)));

    assertThat(created.getString("token")).isEqualTo(token);
    assertThat(created.getJsonObject("livechatData").getString(field)).isEqualTo("Not a real address :)");
    assertThat(kept.getString("_id")).isEqualTo(created.getString("_id"));
    assertThat(kept.getJsonObject("livechatData").getString(field)).isEqualTo("Not a real address :)");
    assertThat(stored(created.getString("_id")).getJsonObject("livechatData").getString(field))
        .isEqualTo("Not a real address :)");
  }

  @Test
  @DisplayName("a room-scope field saved through custom-fields.save, or a key that is no field, leaves a new "
      + "visitor without livechatData")
  void roomScopeOrUnknownFieldLeavesNoLivechatData() {
    String roomField = "new_custom_field_" + System.nanoTime();
    admin.customField(roomField, "room", false);

    JsonObject roomScoped = registered(new JsonObject().put("token", token())
        .put("customFields", customField(roomField, "Not a real address :)", true)));
    JsonObject unknown = registered(new JsonObject().put("token", token())
        .put("customFields", customField("new_custom_field_" + System.nanoTime(), "Not a real address :)", true)));

    assertThat(roomScoped.containsKey("livechatData")).isFalse();
    assertThat(unknown.containsKey("livechatData")).isFalse();
    assertThat(stored(roomScoped.getString("_id")).containsKey("livechatData")).isFalse();
    assertThat(stored(unknown.getString("_id")).containsKey("livechatData")).isFalse();
  }

  @Test
  @DisplayName("with a required visitor field saved through custom-fields.save, a registration without customFields "
      + "passes, and one naming only an optional field answers 400 Missing required custom fields and writes nothing")
  void requiredFieldSavedOverRestIsCheckedOnlyWhenFieldsAreGiven() {
    admin.customField("optional_custom_field", "visitor", false);
    admin.customField("required_custom_field", "visitor", true);
    try {
      String withoutFields = token();
      JsonObject accepted = registered(new JsonObject().put("token", withoutFields));
      StoreSnapshot before = StoreSnapshot.take(system);

      Api.Response refused = register(new JsonObject().put("token", token())
          .put("customFields", customField("optional_custom_field", "test", true)));

      assertThat(accepted.getString("token")).isEqualTo(withoutFields);
      assertBadRequest(refused, matchError("Missing required custom fields: required_custom_field"));
      assertThat(StoreSnapshot.take(system).changesSince(before)).isEmpty();
    } finally {
      admin.deleteCustomField("optional_custom_field");
      admin.deleteCustomField("required_custom_field");
    }
  }
}
