package chat.rocket.livechat.standalone;

import static chat.rocket.livechat.standalone.Visitors.array;
import static chat.rocket.livechat.standalone.Visitors.saveInfo;
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
 * {@code POST livechat/room.saveInfo} (spec §5.3 and DECISIONS.md improvements 2, 3 and 5), through the whole
 * system. Rooms are created with {@code Auto_Selection}, so the seeded admin serves them. The system is prepared as
 * Rocket.Chat's {@code LIVECHAT - rooms} hooks prepare theirs, and permissions and settings change as in their
 * {@code livechat/room.saveInfo} cases: over REST ({@link Admin}).
 */
class SaveRoomInfoTest {

  private static final String PATH = "livechat/room.saveInfo";
  private static final String INT_FIELD = "intfield";

  private static TestSystem system;
  private static Api api;
  private static Visitors visitors;
  private static Map<String, String> admin;
  private static Admin rest;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
    api = system.api();
    visitors = new Visitors(api);
    admin = system.adminHeaders();
    rest = new Admin(api, admin);
    rest.makeAvailableAgent();
    rest.setting("Omnichannel_enable_department_removal", true);
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  @DisplayName("a call without a body answers 400 JSON: guestData is the first required property")
  void noBodyIsRejected() {
    Api.Response response = api.post(PATH, admin, null);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.json()).isEqualTo(invalidParams("must have required property 'guestData'"));
  }

  @Test
  @DisplayName("with view-l-room granted to no role through permissions.update the call answers 403 with the "
      + "permission text")
  void withoutViewLRoomIsForbidden() {
    rest.permission(Permission.VIEW_L_ROOM.id(), List.of());
    try {
      Api.Response response = api.post(PATH, admin,
          saveInfo(new JsonObject().put("_id", "invalid-guest-id"), new JsonObject().put("_id", "invalid-room-id")));

      assertThat(response.status()).isEqualTo(403);
      assertThat(response.json()).isEqualTo(new JsonObject().put("success", false)
          .put("error", "User does not have the permissions required for this action [error-unauthorized]"));
    } finally {
      rest.permission(Permission.VIEW_L_ROOM.id(), Permission.VIEW_L_ROOM.defaultRoles());
    }
  }

  @Test
  @DisplayName("with view-l-room for admin alone, save-others-livechat-room-info for no role and Manual_Selection "
      + "routing, all set over REST, an admin who does not serve the room gets 403 unauthorized and writes nothing")
  void notServingWithoutSaveOthersIsUnauthorized() {
    JsonObject visitor = visitors.create();
    rest.permission(Permission.VIEW_L_ROOM.id(), List.of("admin"));
    rest.permission(Permission.SAVE_OTHERS_LIVECHAT_ROOM_INFO.id(), List.of());
    rest.setting("Livechat_Routing_Method", "Manual_Selection");
    try {
      String rid = visitors.createRoom(visitor.getString("token")).getString("_id");
      JsonObject before = room(rid);
      assertThat(before.containsKey("servedBy")).as("a manually routed room is not served").isFalse();

      Api.Response response = api.post(PATH, admin, saveInfo(guest(visitor).put("name", "Not allowed"),
          new JsonObject().put("_id", rid).put("topic", "not allowed")));

      assertThat(response.status()).isEqualTo(403);
      assertThat(response.json()).isEqualTo(new JsonObject().put("success", false).put("error", "unauthorized"));
      assertThat(room(rid)).isEqualTo(before);
      assertThat(visitor(visitor.getString("_id")).getString("name")).isEqualTo(visitor.getString("name"));
    } finally {
      rest.permission(Permission.VIEW_L_ROOM.id(), Permission.VIEW_L_ROOM.defaultRoles());
      rest.permission(Permission.SAVE_OTHERS_LIVECHAT_ROOM_INFO.id(),
          Permission.SAVE_OTHERS_LIVECHAT_ROOM_INFO.defaultRoles());
      rest.setting("Livechat_Routing_Method", "Auto_Selection");
    }
  }

  @Test
  @DisplayName("a body without roomData answers 400 must have required property 'roomData'")
  void missingRoomDataIsRejected() {
    Api.Response response = api.post(PATH, admin,
        new JsonObject().put("guestData", new JsonObject().put("_id", "invalid-guest-id")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(invalidParams("must have required property 'roomData'"));
  }

  @Test
  @DisplayName("a body without guestData answers 400 must have required property 'guestData'")
  void missingGuestDataIsRejected() {
    Api.Response response = api.post(PATH, admin,
        new JsonObject().put("roomData", new JsonObject().put("_id", "invalid-room-id")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(invalidParams("must have required property 'guestData'"));
  }

  @Test
  @DisplayName("a roomData that is not an object answers 400 must be object")
  void roomDataOfWrongTypeIsRejected() {
    Api.Response response = api.post(PATH, admin, new JsonObject()
        .put("guestData", new JsonObject().put("_id", "invalid-guest-id")).put("roomData", "invalid-room-data"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(invalidParams("must be object"));
  }

  @Test
  @DisplayName("a guestData that is not an object answers 400 must be object")
  void guestDataOfWrongTypeIsRejected() {
    Api.Response response = api.post(PATH, admin, new JsonObject()
        .put("guestData", "invalid-guest-data").put("roomData", new JsonObject().put("_id", "invalid-room-id")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(invalidParams("must be object"));
  }

  @Test
  @DisplayName("the serving agent, with view-l-room granted to admin alone, updates topic and tags of the room, "
      + "which channels.info then shows, and the visitor's name")
  void servingAgentUpdatesRoomAndGuest() {
    JsonObject visitor = visitors.create();
    String rid = visitors.createRoom(visitor.getString("token"), admin).getString("_id");
    rest.permission(Permission.VIEW_L_ROOM.id(), List.of("admin"));
    try {
      Api.Response response = api.post(PATH, admin, saveInfo(guest(visitor).put("name", "  Renamed Visitor "),
          new JsonObject().put("_id", rid).put("topic", "new topic").put("tags", array("tag1", "tag2"))));

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.json()).isEqualTo(new JsonObject().put("success", true));
      JsonObject read = rest.room(rid);
      assertThat(read.getString("topic")).isEqualTo("new topic");
      assertThat(read.getJsonArray("tags")).isEqualTo(array("tag1", "tag2"));
    } finally {
      rest.permission(Permission.VIEW_L_ROOM.id(), Permission.VIEW_L_ROOM.defaultRoles());
    }
    JsonObject room = room(rid);
    assertThat(room.getString("topic")).isEqualTo("new topic");
    assertThat(room.getJsonArray("tags")).isEqualTo(array("tag1", "tag2"));
    assertThat(room.getString("fname")).as("saveInfo does not touch fname").isEqualTo(visitor.getString("name"));
    assertThat(visitor(visitor.getString("_id")).getString("name")).isEqualTo("Renamed Visitor");
  }

  @Test
  @DisplayName("an empty livechatData leaves the room without a livechatData property")
  void emptyLivechatDataStoresNothing() {
    JsonObject visitor = visitors.create();
    String rid = visitors.createRoom(visitor.getString("token")).getString("_id");

    Api.Response response = api.post(PATH, admin, saveInfo(guest(visitor),
        new JsonObject().put("_id", rid).put("topic", "topic").put("livechatData", new JsonObject())));

    assertThat(response.status()).isEqualTo(200);
    JsonObject room = room(rid);
    assertThat(room.getString("topic")).isEqualTo("topic");
    assertThat(room.containsKey("livechatData")).isFalse();
  }

  @Test
  @DisplayName("a room custom field value failing its regexp answers 400 Invalid value for intfield field")
  void invalidRoomCustomFieldIsRejected() {
    defineIntField();
    JsonObject visitor = visitors.create();
    String rid = visitors.createRoom(visitor.getString("token")).getString("_id");
    JsonObject before = room(rid);

    Api.Response response = api.post(PATH, admin, saveInfo(guest(visitor).put("name", "Should stay unsaved"),
        new JsonObject().put("_id", rid).put("livechatData", new JsonObject().put(INT_FIELD, "asdasd"))));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(new JsonObject().put("success", false)
        .put("error", "Invalid value for intfield field"));
    assertThat(room(rid)).isEqualTo(before);
    assertThat(visitor(visitor.getString("_id")).getString("name"))
        .as("no partial write: the valid guest half is not saved either").isEqualTo(visitor.getString("name"));
  }

  @Test
  @DisplayName("a room custom field value matching its regexp is stored in the room's livechatData")
  void validRoomCustomFieldIsStored() {
    defineIntField();
    JsonObject visitor = visitors.create();
    String rid = visitors.createRoom(visitor.getString("token")).getString("_id");

    Api.Response response = api.post(PATH, admin, saveInfo(guest(visitor),
        new JsonObject().put("_id", rid).put("livechatData", new JsonObject().put(INT_FIELD, "1"))));

    assertThat(response.status()).isEqualTo(200);
    assertThat(room(rid).getJsonObject("livechatData")).isEqualTo(new JsonObject().put(INT_FIELD, "1"));
  }

  @Test
  @DisplayName("an unknown room id answers 400 error-invalid-room")
  void unknownRoomIsRejected() {
    JsonObject visitor = visitors.create();

    Api.Response response = api.post(PATH, admin, saveInfo(guest(visitor).put("name", "Should stay unsaved"),
        new JsonObject().put("_id", "invalid-room-id").put("livechatData",
            new JsonObject().put("key", new JsonObject().put("value", "invalid")))));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(new JsonObject().put("success", false).put("error", "error-invalid-room"));
    assertThat(visitor(visitor.getString("_id")).getString("name")).isEqualTo(visitor.getString("name"));
  }

  @Test
  @DisplayName("a valid room with an unknown guest answers 400 error-invalid-visitor and writes nothing to the room")
  void unknownGuestWritesNothing() {
    JsonObject visitor = visitors.create();
    String rid = visitors.createRoom(visitor.getString("token")).getString("_id");
    assertThat(api.post(PATH, admin, saveInfo(guest(visitor),
        new JsonObject().put("_id", rid).put("topic", "original topic").put("tags", array("kept"))))
        .status()).isEqualTo(200);
    JsonObject before = room(rid);

    Api.Response response = api.post(PATH, admin, saveInfo(new JsonObject().put("_id", "invalid-guest-id"),
        new JsonObject().put("_id", rid).put("topic", "changed topic")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(new JsonObject().put("success", false)
        .put("error", "error-invalid-visitor"));
    assertThat(room(rid)).isEqualTo(before);
    assertThat(room(rid).getString("topic")).isEqualTo("original topic");
  }

  @Test
  @DisplayName("a saveInfo without tags removes the room's existing tags")
  void omittedTagsAreRemoved() {
    JsonObject visitor = visitors.create();
    String rid = visitors.createRoom(visitor.getString("token")).getString("_id");
    api.post(PATH, admin, saveInfo(guest(visitor), new JsonObject().put("_id", rid).put("tags", array("a", "b"))));
    assertThat(room(rid).getJsonArray("tags")).isEqualTo(array("a", "b"));

    Api.Response response = api.post(PATH, admin, saveInfo(guest(visitor),
        new JsonObject().put("_id", rid).put("topic", "no tags any more")));

    assertThat(response.status()).isEqualTo(200);
    JsonObject room = room(rid);
    assertThat(room.containsKey("tags")).isFalse();
    assertThat(room.getString("topic")).isEqualTo("no tags any more");
  }

  @Test
  @DisplayName("a saveInfo publishes a room.updated event keyed by rid that names topic among the changed fields")
  void saveInfoPublishesRoomUpdated() {
    JsonObject visitor = visitors.create();
    String rid = visitors.createRoom(visitor.getString("token")).getString("_id");

    api.post(PATH, admin, saveInfo(guest(visitor), new JsonObject().put("_id", rid).put("topic", "evented topic")));

    List<ConsumerRecord<String, String>> events = Events.read(system.bootstrapServers(), Topics.ROOM_EVENTS,
        record -> rid.equals(record.key())
            && EventType.ROOM_UPDATED.type().equals(Events.header(record, "ce_type")),
        Duration.ofSeconds(10));

    assertThat(events).hasSize(1);
    ConsumerRecord<String, String> event = events.get(0);
    assertThat(Events.header(event, "ce_subject")).isEqualTo(rid);
    JsonObject data = new JsonObject(event.value());
    assertThat(data.getJsonArray("changedFields").getList()).contains("topic");
    assertThat(data.getJsonObject("room").getString("_id")).isEqualTo(rid);
    assertThat(data.getJsonObject("room").getString("topic")).isEqualTo("evented topic");
  }

  @Test
  @DisplayName("a Mongo operator where a string is expected answers 400 must be string and changes nothing")
  void operatorInsteadOfStringIsRejected() {
    JsonObject visitor = visitors.create();
    String rid = visitors.createRoom(visitor.getString("token")).getString("_id");
    JsonObject before = room(rid);

    Api.Response response = api.post(PATH, admin, saveInfo(guest(visitor).put("name", "Injected"),
        new JsonObject().put("_id", new JsonObject().put("$ne", null)).put("topic", "injected topic")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(invalidParams("must be string"));
    assertThat(room(rid)).isEqualTo(before);
    assertThat(system.mongo().count(Collections.ROOMS, new JsonObject().put("topic", "injected topic")).await())
        .isZero();
    assertThat(visitor(visitor.getString("_id")).getString("name")).isEqualTo(visitor.getString("name"));
  }

  private static JsonObject invalidParams(String message) {
    return new JsonObject().put("success", false).put("error", message + " [invalid-params]")
        .put("errorType", "invalid-params");
  }

  private static JsonObject guest(JsonObject visitor) {
    return new JsonObject().put("_id", visitor.getString("_id"));
  }

  private static JsonObject room(String rid) {
    return system.findOne(Collections.ROOMS, new JsonObject().put("_id", rid));
  }

  private static JsonObject visitor(String id) {
    return system.findOne(Collections.VISITORS, new JsonObject().put("_id", id));
  }

  /** The room custom field of Rocket.Chat's test, as {@code livechat:saveCustomField} stores it (upserted). */
  private static void defineIntField() {
    system.mongo().save(Collections.CUSTOM_FIELDS, new JsonObject().put("_id", INT_FIELD).put("label", INT_FIELD)
        .put("scope", "room").put("regexp", "\\d+").put("visibility", "visible")).await();
  }
}
