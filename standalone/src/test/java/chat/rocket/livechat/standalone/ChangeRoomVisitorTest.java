package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.contracts.Topics;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code PUT livechat/room.visitor} (spec §4.3 and DECISIONS.md improvement 4), through the whole system. Order of
 * checks: authentication 401, ajv 400, {@code view-l-room} 403, then the room-service's errors.
 */
class ChangeRoomVisitorTest {

  private static final String PATH = "livechat/room.visitor";
  private static final String PERMISSION_TEXT =
      "User does not have the permissions required for this action [error-unauthorized]";

  private static TestSystem system;
  private static Api api;
  private static Visitors visitors;
  private static Map<String, String> admin;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
    api = system.api();
    visitors = new Visitors(api);
    admin = system.adminHeaders();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  @DisplayName("an empty body answers 400 must have required property 'rid'")
  void emptyBodyIsRejected() {
    Api.Response response = api.put(PATH, admin, new JsonObject());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.json()).isEqualTo(invalidParams("must have required property 'rid'"));
  }

  @Test
  @DisplayName("without view-l-room an empty body still answers 400: validation comes before the permission")
  void validationComesBeforePermission() {
    system.permission(Permission.VIEW_L_ROOM.id(), List.of());
    try {
      Api.Response response = api.put(PATH, admin, new JsonObject());

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json()).isEqualTo(invalidParams("must have required property 'rid'"));
    } finally {
      system.permission(Permission.VIEW_L_ROOM.id(), Permission.VIEW_L_ROOM.defaultRoles());
    }
  }

  @Test
  @DisplayName("a body with only rid answers 400 must have required property 'oldVisitorId'")
  void missingOldVisitorIdIsRejected() {
    Api.Response response = api.put(PATH, admin, new JsonObject().put("rid", "GENERAL"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(invalidParams("must have required property 'oldVisitorId'"));
  }

  @Test
  @DisplayName("a body without newVisitorId answers 400 must have required property 'newVisitorId'")
  void missingNewVisitorIdIsRejected() {
    Api.Response response = api.put(PATH, admin, new JsonObject().put("rid", "GENERAL").put("oldVisitorId", "GENERAL"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(invalidParams("must have required property 'newVisitorId'"));
  }

  @Test
  @DisplayName("an extra body field answers 400 must NOT have additional properties")
  void extraFieldIsRejected() {
    Api.Response response = api.put(PATH, admin, body("GENERAL", "GENERAL", "GENERAL").put("extra", "x"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(invalidParams("must NOT have additional properties"));
  }

  @Test
  @DisplayName("a newVisitorId that is no visitor answers 400 visitor-not-found")
  void unknownNewVisitorIsRejected() {
    Api.Response response = api.put(PATH, admin, body("GENERAL", "GENERAL", "GENERAL"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(failure("visitor-not-found"));
  }

  @Test
  @DisplayName("a channel room that is not a livechat room answers 400 invalid-room-visitor")
  void channelRoomIsRejected() {
    system.mongo().save(Collections.ROOMS,
        new JsonObject().put("_id", "GENERAL").put("t", "c").put("name", "general")).await();
    String visitor1 = visitors.create().getString("_id");
    String visitor2 = visitors.create().getString("_id");

    Api.Response response = api.put(PATH, admin, body("GENERAL", visitor1, visitor2));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(failure("invalid-room-visitor"));
    assertThat(room("GENERAL").containsKey("v")).isFalse();
  }

  @Test
  @DisplayName("an oldVisitorId that is not the room's visitor answers 400 invalid-room-visitor and changes nothing")
  void otherVisitorsRoomIsRejected() {
    JsonObject visitor1 = visitors.create();
    JsonObject visitor2 = visitors.create();
    String rid = visitors.createRoom(visitor1.getString("token")).getString("_id");
    JsonObject before = room(rid);

    Api.Response response = api.put(PATH, admin,
        body(rid, visitor2.getString("_id"), visitor2.getString("_id")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(failure("invalid-room-visitor"));
    assertThat(room(rid)).isEqualTo(before);
  }

  @Test
  @DisplayName("the serving agent moves the room to the new visitor: only v._id, v.username and v.token change")
  void servingAgentChangesVisitor() {
    JsonObject visitor1 = visitors.create();
    JsonObject visitor2 = visitors.create();
    String rid = visitors.createRoom(visitor1.getString("token")).getString("_id");
    JsonObject before = room(rid);

    Api.Response response = api.put(PATH, admin,
        body(rid, visitor1.getString("_id"), visitor2.getString("_id")));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("x-deprecation-type")).isEqualTo("endpoint-deprecation");
    assertThat(response.headers().get("x-deprecation-version")).isEqualTo("7.0.0");
    JsonObject body = response.json();
    assertThat(body.getBoolean("success")).isTrue();
    assertThat(body.getJsonObject("room").getString("_id")).isEqualTo(rid);
    assertThat(body.getJsonObject("room").getJsonObject("v").getString("_id")).isEqualTo(visitor2.getString("_id"));

    JsonObject after = room(rid);
    JsonObject v = after.getJsonObject("v");
    assertThat(v.getString("_id")).isEqualTo(visitor2.getString("_id"));
    assertThat(v.getString("username")).isEqualTo(visitor2.getString("username"));
    assertThat(v.getString("token")).isEqualTo(visitor2.getString("token"));
    assertThat(v.getString("status")).isEqualTo(before.getJsonObject("v").getString("status"));
    assertThat(after.getString("fname")).isEqualTo(visitor1.getString("name"));
    assertThat(withoutVisitorIdentity(after)).isEqualTo(withoutVisitorIdentity(before));
  }

  @Test
  @DisplayName("a visitor change publishes a room.visitor-changed event keyed by rid")
  void visitorChangeIsPublished() {
    JsonObject visitor1 = visitors.create();
    JsonObject visitor2 = visitors.create();
    String rid = visitors.createRoom(visitor1.getString("token")).getString("_id");

    assertThat(api.put(PATH, admin, body(rid, visitor1.getString("_id"), visitor2.getString("_id"))).status())
        .isEqualTo(200);
    List<ConsumerRecord<String, String>> events = Events.read(system.bootstrapServers(), Topics.ROOM_EVENTS,
        record -> rid.equals(record.key())
            && EventType.ROOM_VISITOR_CHANGED.type().equals(Events.header(record, "ce_type")),
        Duration.ofSeconds(10));

    assertThat(events).hasSize(1);
    ConsumerRecord<String, String> event = events.get(0);
    assertThat(Events.header(event, "ce_subject")).isEqualTo(rid);
    JsonObject data = new JsonObject(event.value());
    assertThat(data.getJsonObject("room").getJsonObject("v").getString("_id")).isEqualTo(visitor2.getString("_id"));
    assertThat(data.getJsonArray("changedFields").getList()).contains("v._id", "v.username", "v.token");
  }

  @Test
  @DisplayName("without credentials the call answers 401 with Restivus's body")
  void withoutCredentialsIsUnauthenticated() {
    Api.Response response = api.put(PATH, Map.of(), body("GENERAL", "GENERAL", "GENERAL"));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json()).isEqualTo(new JsonObject().put("status", "error")
        .put("message", "You must be logged in to do this."));
  }

  @Test
  @DisplayName("without view-l-room a valid body answers 403 with the permission text")
  void withoutViewLRoomIsForbidden() {
    JsonObject visitor1 = visitors.create();
    JsonObject visitor2 = visitors.create();
    String rid = visitors.createRoom(visitor1.getString("token")).getString("_id");
    JsonObject before = room(rid);
    system.permission(Permission.VIEW_L_ROOM.id(), List.of());
    try {
      Api.Response response = api.put(PATH, admin,
          body(rid, visitor1.getString("_id"), visitor2.getString("_id")));

      assertThat(response.status()).isEqualTo(403);
      assertThat(response.json()).isEqualTo(failure(PERMISSION_TEXT));
      assertThat(room(rid)).isEqualTo(before);
    } finally {
      system.permission(Permission.VIEW_L_ROOM.id(), Permission.VIEW_L_ROOM.defaultRoles());
    }
  }

  @Test
  @DisplayName("an agent who cannot access the room answers 400 error-not-allowed and the room is unchanged")
  void agentWithoutRoomAccessIsNotAllowed() {
    JsonObject visitor1 = visitors.create();
    JsonObject visitor2 = visitors.create();
    String rid = visitors.createRoom(visitor1.getString("token")).getString("_id");
    JsonObject before = room(rid);
    Map<String, String> otherAgent = system.user("agent." + System.nanoTime(), List.of("livechat-agent"));

    Api.Response response = api.put(PATH, otherAgent,
        body(rid, visitor1.getString("_id"), visitor2.getString("_id")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(failure("error-not-allowed"));
    assertThat(room(rid)).isEqualTo(before);
  }

  private static JsonObject body(String rid, String oldVisitorId, String newVisitorId) {
    return new JsonObject().put("rid", rid).put("oldVisitorId", oldVisitorId).put("newVisitorId", newVisitorId);
  }

  private static JsonObject invalidParams(String message) {
    return new JsonObject().put("success", false).put("error", message + " [invalid-params]")
        .put("errorType", "invalid-params");
  }

  private static JsonObject failure(String error) {
    return new JsonObject().put("success", false).put("error", error);
  }

  private static JsonObject room(String rid) {
    return system.findOne(Collections.ROOMS, new JsonObject().put("_id", rid));
  }

  /** @return the room without the fields a visitor change may touch: v._id, v.username, v.token, _updatedAt */
  private static JsonObject withoutVisitorIdentity(JsonObject room) {
    JsonObject copy = room.copy();
    copy.remove("_updatedAt");
    JsonObject v = copy.getJsonObject("v");
    v.remove("_id");
    v.remove("username");
    v.remove("token");
    return copy;
  }
}
