package chat.rocket.livechat.room;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static chat.rocket.livechat.testkit.HandlerFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Permission;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code room.check-save-info} and {@code room.save-info} on their own (spec §5.2 steps 2-5, the room half). */
class SaveRoomInfoTest extends RoomHandlerTest {

  private static final Caller SERVING_AGENT = new Caller("agent-alice", "alice", List.of("livechat-agent"));
  private static final Caller OTHER_AGENT = new Caller("agent-bob", "bob", List.of("livechat-agent"));
  private static final Caller MANAGER = new Caller("manager", "manager", List.of("livechat-manager"));

  private JsonObject room;

  @BeforeEach
  void servedRoom() {
    fixture.grant(Permission.SAVE_OTHERS_LIVECHAT_ROOM_INFO, "livechat-manager");
    room = fixture.updateRoom(fixture.openRoom(fixture.visitor("Ada")), new JsonObject()
        .put("servedBy", new JsonObject().put("_id", SERVING_AGENT.userId()).put("username", "alice"))
        .put("tags", new JsonArray().add("old")).put("topic", "old topic").put("priorityId", "p1"));
    fixture.insert(Collections.CUSTOM_FIELDS, new JsonObject().put("_id", "intfield").put("label", "Int field")
        .put("scope", "room").put("regexp", "\\d+"));
    fixture.insert(Collections.CUSTOM_FIELDS, new JsonObject().put("_id", "address").put("label", "Address")
        .put("scope", "visitor"));
  }

  private JsonObject roomData() {
    return new JsonObject().put("_id", room.getString("_id"));
  }

  private Future<JsonObject> check(Caller caller, JsonObject roomData) {
    return fixture.saveInfo.check(command(CommandType.ROOM_CHECK_SAVE_INFO, caller,
        new JsonObject().put("roomData", roomData)));
  }

  private Future<JsonObject> save(Caller caller, JsonObject roomData) {
    return fixture.saveInfo.save(command(CommandType.ROOM_SAVE_INFO, caller,
        new JsonObject().put("roomData", roomData)));
  }

  private JsonObject storedRoom() {
    return fixture.findOne(Collections.ROOMS, new JsonObject().put("_id", room.getString("_id")));
  }

  @Test
  @DisplayName("an unknown room and a room that is not livechat fail error-invalid-room in check and save")
  void roomNotFound() {
    fixture.insert(Collections.ROOMS, new JsonObject().put("_id", "GENERAL").put("t", "c"));
    for (String rid : List.of("no-such-room", "GENERAL")) {
      JsonObject roomData = new JsonObject().put("_id", rid);
      assertThat(failure(check(MANAGER, roomData)).code()).as(rid).isEqualTo(ErrorCode.ERROR_INVALID_ROOM);
      assertThat(failure(save(MANAGER, roomData)).code()).as(rid).isEqualTo(ErrorCode.ERROR_INVALID_ROOM);
    }
    assertThat(fixture.published).isEmpty();
  }

  @Test
  @DisplayName("the serving agent passes the check, which reports the room is no SMS room")
  void servingAgentPasses() {
    assertThat(await(check(SERVING_AGENT, roomData()))).isEqualTo(new JsonObject().put("sms", false));
  }

  @Test
  @DisplayName("the check reports an SMS room, so that the guest's phone is dropped")
  void smsRoom() {
    fixture.updateRoom(room, new JsonObject().put("sms", true));
    assertThat(await(check(SERVING_AGENT, roomData())).getBoolean("sms")).isTrue();
  }

  @Test
  @DisplayName("an agent who does not serve the room and lacks save-others-livechat-room-info fails unauthorized")
  void notOwnerWithoutPermission() {
    assertThat(failure(check(OTHER_AGENT, roomData())).code()).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(failure(save(OTHER_AGENT, roomData().put("topic", "x"))).code()).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(failure(check(null, roomData())).code()).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(storedRoom().getString("topic")).isEqualTo("old topic");
  }

  @Test
  @DisplayName("a room nobody serves may be saved by a holder of save-others-livechat-room-info only")
  void unservedRoom() {
    JsonObject unserved = fixture.openRoom(fixture.visitor("Bob"));
    JsonObject roomData = new JsonObject().put("_id", unserved.getString("_id"));
    assertThat(failure(check(SERVING_AGENT, roomData)).code()).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(await(check(MANAGER, roomData)).getBoolean("sms")).isFalse();
  }

  @Test
  @DisplayName("a room custom field failing its regexp fails with Invalid value for <label> field and writes nothing")
  void customFieldInvalid() {
    JsonObject roomData = roomData().put("topic", "new").put("livechatData", new JsonObject().put("intfield", "abc"));
    LivechatException checkFailure = failure(check(SERVING_AGENT, roomData));
    assertThat(checkFailure.code()).isEqualTo(ErrorCode.INVALID_CUSTOM_FIELD_VALUE);
    assertThat(checkFailure.getMessage()).isEqualTo("Invalid value for Int field field");
    assertThat(failure(save(SERVING_AGENT, roomData)).code()).isEqualTo(ErrorCode.INVALID_CUSTOM_FIELD_VALUE);
    assertThat(storedRoom().getString("topic")).isEqualTo("old topic");
    assertThat(fixture.published).isEmpty();
  }

  @Test
  @DisplayName("a save sets the trimmed topic and the tags and publishes room.updated naming both")
  void saveTopicAndTags() {
    assertThat(await(save(SERVING_AGENT, roomData().put("topic", "  new topic  ")
        .put("tags", new JsonArray().add("tag1").add("tag2"))))).isEqualTo(new JsonObject());
    JsonObject stored = storedRoom();
    assertThat(stored.getString("topic")).isEqualTo("new topic");
    assertThat(stored.getJsonArray("tags")).containsExactly("tag1", "tag2");
    assertThat(fixture.published).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo(EventType.ROOM_UPDATED);
      assertThat(event.subject()).isEqualTo(room.getString("_id"));
      assertThat(event.changedFields()).contains("topic", "tags");
      assertThat(event.document().getString("topic")).isEqualTo("new topic");
    });
  }

  @Test
  @DisplayName("a save without tags, with a blank topic and an empty priorityId unsets all three")
  void saveUnsets() {
    await(save(MANAGER, roomData().put("topic", "   ").put("priorityId", "")));
    JsonObject stored = storedRoom();
    assertThat(stored.containsKey("tags")).isFalse();
    assertThat(stored.containsKey("topic")).isFalse();
    assertThat(stored.containsKey("priorityId")).isFalse();
  }

  @Test
  @DisplayName("a save sets other keys such as slaId as given and leaves an absent topic alone")
  void saveOtherKeys() {
    await(save(SERVING_AGENT, roomData().put("slaId", "sla-1")));
    JsonObject stored = storedRoom();
    assertThat(stored.getString("slaId")).isEqualTo("sla-1");
    assertThat(stored.getString("topic")).isEqualTo("old topic");
  }

  @Test
  @DisplayName("a save stores valid room custom fields trimmed, drops unknown keys and unsets emptied ones")
  void saveCustomFields() {
    await(save(SERVING_AGENT, roomData().put("livechatData", new JsonObject().put("intfield", " 42 ")
        .put("unknown", "x").put("address", "visitor scope"))));
    assertThat(storedRoom().getJsonObject("livechatData")).isEqualTo(new JsonObject().put("intfield", "42"));

    await(save(SERVING_AGENT, roomData().put("livechatData", new JsonObject().put("intfield", ""))));
    JsonObject livechatData = storedRoom().getJsonObject("livechatData");
    assertThat(livechatData == null || livechatData.isEmpty()).as("livechatData %s", livechatData).isTrue();
  }
}
