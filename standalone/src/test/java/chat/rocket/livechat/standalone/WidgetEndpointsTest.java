package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The widget's REST surface besides rooms and messages (Rocket.Chat's {@code config.ts}, {@code agent.ts},
 * {@code visitor.ts}, {@code customField.ts}, {@code transcript.ts}, {@code offlineMessage.ts}), through the whole
 * system: real HTTP, Kafka commands to both services, MongoDB.
 */
class WidgetEndpointsTest {

  private static final String VISITOR_FIELD = "address";
  private static final String ROOM_FIELD = "orderId";

  private static TestSystem system;
  private static Api api;
  private static Visitors visitors;
  private static Admin rest;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
    api = system.api();
    visitors = new Visitors(api);
    rest = new Admin(api, system.adminHeaders());
    system.mongo().save(Collections.CUSTOM_FIELDS, new JsonObject().put("_id", VISITOR_FIELD).put("label", "Address")
        .put("scope", "visitor").put("visibility", "visible").put("regexp", "")).await();
    system.mongo().save(Collections.CUSTOM_FIELDS, new JsonObject().put("_id", ROOM_FIELD).put("label", "Order")
        .put("scope", "room").put("visibility", "visible").put("regexp", "^\\d+$")).await();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  private static JsonObject admin() {
    return system.findOne(Collections.USERS, new JsonObject().put("username", TestSystem.ADMIN));
  }

  private static JsonObject ok(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonObject body = response.json();
    assertThat(body.getBoolean("success")).isTrue();
    return body;
  }

  private static void refused(Api.Response response, JsonObject expected) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(expected);
  }

  private static JsonObject plainError(String error) {
    return new JsonObject().put("success", false).put("error", error);
  }

  private static JsonObject meteorError(String reason, String type) {
    return new JsonObject().put("success", false).put("error", reason == null ? "[" + type + "]" : reason + " ["
        + type + "]").put("errorType", type);
  }

  @Test
  @DisplayName("config without token answers the settings, online true with the admin available, and no guest")
  void configWithoutToken() {
    JsonObject config = ok(api.get("livechat/config")).getJsonObject("config");

    assertThat(config.getBoolean("enabled")).isTrue();
    assertThat(config.getBoolean("online")).isTrue();
    assertThat(config.getJsonObject("settings").getBoolean("fileUpload")).isFalse();
    assertThat(config.getJsonObject("settings").getBoolean("registrationForm")).isTrue();
    assertThat(config.getJsonObject("theme").getString("title")).isEqualTo("Rocket.Chat");
    assertThat(config.getJsonObject("messages").containsKey("offlineMessage")).isTrue();
    assertThat(config.getJsonArray("departments")).isEmpty();
    assertThat(config.fieldNames()).doesNotContain("guest", "room", "agent");
  }

  @Test
  @DisplayName("config with a served visitor's token adds the guest, its open room and the serving agent")
  void configWithToken() {
    JsonObject visitor = visitors.create();
    JsonObject room = visitors.createRoom(visitor.getString("token"));

    JsonObject config = ok(api.get("livechat/config?token=" + visitor.getString("token"))).getJsonObject("config");

    assertThat(config.getJsonObject("guest").getString("name")).isEqualTo(visitor.getString("name"));
    assertThat(config.getJsonObject("room").getString("_id")).isEqualTo(room.getString("_id"));
    JsonObject agent = config.getJsonObject("agent");
    assertThat(agent.getString("username")).isEqualTo(TestSystem.ADMIN);
    assertThat(agent.fieldNames()).doesNotContain("roles", "services", "emails");
  }

  @Test
  @DisplayName("config answers online false while no agent is available, and refuses an unknown query key")
  void configOffline() {
    String adminId = admin().getString("_id");
    setStatusLivechat(adminId, "not-available");
    try {
      assertThat(ok(api.get("livechat/config")).getJsonObject("config").getBoolean("online")).isFalse();
    } finally {
      setStatusLivechat(adminId, "available");
    }
    refused(api.get("livechat/config?nope=1"), meteorError("must NOT have additional properties", "invalid-params"));
  }

  private static void setStatusLivechat(String userId, String status) {
    system.mongo().updateCollection(Collections.USERS, new JsonObject().put("_id", userId),
        new JsonObject().put("$set", new JsonObject().put("statusLivechat", status))).await();
  }

  @Test
  @DisplayName("agent.info answers the serving agent, and invalid-token / invalid-room as Rocket.Chat")
  void agentInfo() {
    JsonObject visitor = visitors.create();
    String token = visitor.getString("token");
    String rid = visitors.createRoom(token).getString("_id");

    JsonObject agent = ok(api.get("livechat/agent.info/" + rid + "/" + token)).getJsonObject("agent");

    assertThat(agent.getString("_id")).isEqualTo(admin().getString("_id"));
    refused(api.get("livechat/agent.info/" + rid + "/no-such-token"), plainError("invalid-token"));
    refused(api.get("livechat/agent.info/no-such-room/" + token), plainError("invalid-room"));
  }

  @Test
  @DisplayName("agent.next answers the agent a new chat would get, and {success: true} alone once a room is open")
  void agentNext() {
    String token = visitors.create().getString("token");

    assertThat(ok(api.get("livechat/agent.next/" + token)).getJsonObject("agent").getString("username"))
        .isEqualTo(TestSystem.ADMIN);
    visitors.createRoom(token);
    assertThat(ok(api.get("livechat/agent.next/" + token))).isEqualTo(new JsonObject().put("success", true));
  }

  @Test
  @DisplayName("visitor.status stores the status, echoes it and shows it on the open room; bad input is refused")
  void visitorStatus() {
    JsonObject visitor = visitors.create();
    String token = visitor.getString("token");
    String rid = visitors.createRoom(token).getString("_id");

    JsonObject answer = ok(api.post("livechat/visitor.status", Map.of(),
        new JsonObject().put("token", token).put("status", "away")));

    assertThat(answer).isEqualTo(new JsonObject().put("token", token).put("status", "away").put("success", true));
    assertThat(system.findOne(Collections.VISITORS, new JsonObject().put("_id", visitor.getString("_id")))
        .getString("status")).isEqualTo("away");
    system.awaitDocument(Collections.ROOMS, new JsonObject().put("_id", rid),
        room -> "away".equals(room.getJsonObject("v").getString("status")), Duration.ofSeconds(10));
    refused(api.post("livechat/visitor.status", Map.of(), new JsonObject().put("token", token)),
        plainError("Match error: Missing key 'status'"));
    refused(api.post("livechat/visitor.status", Map.of(), new JsonObject().put("token", "nope").put("status", "away")),
        meteorError(null, "invalid-token"));
  }

  @Test
  @DisplayName("custom.fields puts visitor-scope fields on the visitor and room-scope ones on its open room")
  void customFields() {
    JsonObject visitor = visitors.create();
    String token = visitor.getString("token");
    String rid = visitors.createRoom(token).getString("_id");
    JsonArray fields = new JsonArray()
        .add(new JsonObject().put("key", VISITOR_FIELD).put("value", "Main St").put("overwrite", true))
        .add(new JsonObject().put("key", ROOM_FIELD).put("value", "42").put("overwrite", true));

    JsonObject answer = ok(api.post("livechat/custom.fields", Map.of(),
        new JsonObject().put("token", token).put("customFields", fields)));

    assertThat(answer.getJsonArray("fields").getJsonObject(1))
        .isEqualTo(new JsonObject().put("Key", ROOM_FIELD).put("value", "42").put("overwrite", true));
    assertThat(system.findOne(Collections.VISITORS, new JsonObject().put("_id", visitor.getString("_id")))
        .getJsonObject("livechatData")).isEqualTo(new JsonObject().put(VISITOR_FIELD, "Main St"));
    assertThat(system.findOne(Collections.ROOMS, new JsonObject().put("_id", rid)).getJsonObject("livechatData"))
        .isEqualTo(new JsonObject().put(ROOM_FIELD, "42"));
  }

  @Test
  @DisplayName("custom.field answers the field, and refuses an unknown key, a value failing the regexp and a bad body")
  void customField() {
    String token = visitors.create().getString("token");
    JsonObject field = new JsonObject().put("token", token).put("key", VISITOR_FIELD).put("value", "Side St")
        .put("overwrite", false);

    assertThat(ok(api.post("livechat/custom.field", Map.of(), field))).isEqualTo(new JsonObject()
        .put("field", new JsonObject().put("key", VISITOR_FIELD).put("value", "Side St").put("overwrite", false))
        .put("success", true));
    refused(api.post("livechat/custom.field", Map.of(), field.copy().put("key", "nope")),
        plainError("invalid-custom-field"));
    refused(api.post("livechat/custom.field", Map.of(), field.copy().put("key", ROOM_FIELD).put("value", "x")),
        plainError("Invalid value for " + ROOM_FIELD + " field"));
    JsonObject withoutOverwrite = field.copy();
    withoutOverwrite.remove("overwrite");
    refused(api.post("livechat/custom.field", Map.of(), withoutOverwrite),
        meteorError("must have required property 'overwrite'", "invalid-params"));
  }

  @Test
  @DisplayName("transcript records the request on the visitor's room; another visitor's room and a bad email fail")
  void transcript() {
    JsonObject visitor = visitors.create();
    String token = visitor.getString("token");
    String rid = visitors.createRoom(token).getString("_id");
    JsonObject body = new JsonObject().put("token", token).put("rid", rid).put("email", "ada@example.com");

    assertThat(ok(api.post("livechat/transcript", Map.of(), body)))
        .isEqualTo(new JsonObject().put("message", "Livechat transcript sent").put("success", true));

    JsonObject request = system.findOne(Collections.ROOMS, new JsonObject().put("_id", rid))
        .getJsonObject("transcriptRequest");
    assertThat(request.getString("email")).isEqualTo("ada@example.com");
    assertThat(request.getJsonObject("requestedBy").getString("_id")).isEqualTo(visitor.getString("_id"));
    String otherToken = visitors.create().getString("token");
    refused(api.post("livechat/transcript", Map.of(), body.copy().put("token", otherToken)),
        plainError("error-invalid-room"));
    refused(api.post("livechat/transcript", Map.of(), body.copy().put("email", "test")),
        meteorError("Invalid email", "error-invalid-email"));
  }

  @Test
  @DisplayName("offline.message stores the message with ts, and answers Rocket.Chat's error with the form off")
  void offlineMessage() {
    String email = TestSystem.randomToken() + "@example.com";
    JsonObject body = new JsonObject().put("name", "Ada").put("email", email).put("message", "Call me back");

    assertThat(ok(api.post("livechat/offline.message", Map.of(), body)))
        .isEqualTo(new JsonObject().put("message", "Livechat offline message sent").put("success", true));

    JsonObject stored = system.findOne(Collections.OFFLINE_MESSAGES, new JsonObject().put("email", email));
    assertThat(stored.getString("message")).isEqualTo("Call me back");
    assertThat(stored.getJsonObject("ts").getInstant("$date")).isBefore(Instant.now().plusSeconds(1));
    system.setting("Livechat_display_offline_form", false);
    try {
      refused(api.post("livechat/offline.message", Map.of(), body),
          plainError("Error sending Livechat offline message"));
    } finally {
      system.setting("Livechat_display_offline_form", true);
    }
  }

  @Test
  @DisplayName("visitor delete is refused while the visitor has an open room and accepted once it is closed")
  void deleteVisitor() {
    JsonObject visitor = visitors.create();
    String token = visitor.getString("token");
    String rid = visitors.createRoom(token).getString("_id");

    refused(api.send(HttpMethod.DELETE, "livechat/visitor/" + token, Map.of(), null),
        meteorError("Cannot remove visitors with opened rooms", "visitor-has-open-rooms"));
    system.mongo().updateCollection(Collections.ROOMS, new JsonObject().put("_id", rid),
        new JsonObject().put("$unset", new JsonObject().put("open", ""))).await();

    JsonObject deleted = ok(api.send(HttpMethod.DELETE, "livechat/visitor/" + token, Map.of(), null))
        .getJsonObject("visitor");

    assertThat(deleted.getString("_id")).isEqualTo(visitor.getString("_id"));
    assertThat(Instant.parse(deleted.getString("ts"))).isBefore(Instant.now().plusSeconds(1));
    JsonObject stored = system.findOne(Collections.VISITORS, new JsonObject().put("_id", visitor.getString("_id")));
    assertThat(stored.getBoolean("disabled")).isTrue();
    assertThat(stored.containsKey("token")).isFalse();
    refused(api.get("livechat/visitor/" + token), meteorError(null, "invalid-token"));
  }

  @Test
  @DisplayName("visitor delete of a token no visitor has answers 400 [invalid-token] and writes nothing")
  void deleteUnknownVisitor() {
    StoreSnapshot before = StoreSnapshot.take(system);

    for (String token : new String[] {"invalid", "123"}) {
      refused(api.send(HttpMethod.DELETE, "livechat/visitor/" + token, rest.session(), null),
          meteorError(null, "invalid-token"));
    }

    assertThat(StoreSnapshot.take(system).changesSince(before)).isEmpty();
  }

  @Test
  @DisplayName("visitor delete with an open room follows header collection as set over REST: refused while off, "
      + "the visitor removed while on (GDPR)")
  void deleteWithOpenRoomFollowsHeaderCollection() {
    String setting = "Livechat_Allow_collect_and_store_HTTP_header_informations";
    JsonObject visitor = visitors.create();
    String token = visitor.getString("token");
    visitors.createRoom(token, rest.session());
    rest.setting(setting, false);
    refused(api.send(HttpMethod.DELETE, "livechat/visitor/" + token, rest.session(), null),
        meteorError("Cannot remove visitors with opened rooms", "visitor-has-open-rooms"));

    rest.setting(setting, true);
    try {
      JsonObject deleted = ok(api.send(HttpMethod.DELETE, "livechat/visitor/" + token, rest.session(), null))
          .getJsonObject("visitor");

      assertThat(deleted.getString("_id")).isEqualTo(visitor.getString("_id"));
      assertThat(system.findOne(Collections.VISITORS, new JsonObject().put("_id", visitor.getString("_id")))
          .getBoolean("disabled")).isTrue();
    } finally {
      rest.setting(setting, false);
    }
  }
}
