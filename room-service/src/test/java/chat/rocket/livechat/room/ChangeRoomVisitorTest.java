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
import chat.rocket.livechat.contracts.Permission;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code room.change-visitor} on its own (spec §4.2, late 6.x order of checks and access rule). */
class ChangeRoomVisitorTest extends RoomHandlerTest {

  private JsonObject oldVisitor;
  private JsonObject newVisitor;
  private JsonObject room;
  private Caller servingAgent;
  private Caller otherAgent;

  @BeforeEach
  void roomOfOldVisitor() {
    fixture.grant(Permission.VIEW_LIVECHAT_ROOMS, "livechat-manager");
    fixture.grant(Permission.VIEW_LIVECHAT_ROOM_CLOSED_BY_ANOTHER_AGENT, "livechat-monitor");
    servingAgent = caller(fixture.agent("alice", "online", "available"));
    otherAgent = caller(fixture.agent("bob", "online", "available"));
    oldVisitor = fixture.visitor("Old");
    newVisitor = fixture.visitor("New");
    room = fixture.updateRoom(fixture.openRoom(oldVisitor), new JsonObject().put("servedBy",
        new JsonObject().put("_id", servingAgent.userId()).put("username", servingAgent.username())));
  }

  private static Caller caller(JsonObject user, String... roles) {
    return new Caller(user.getString("_id"), user.getString("username"), List.of(roles));
  }

  private Future<JsonObject> change(Caller caller, String rid, String oldVisitorId, String newVisitorId) {
    return fixture.changeVisitor.handle(command(CommandType.ROOM_CHANGE_VISITOR, caller, new JsonObject()
        .put("rid", rid).put("oldVisitorId", oldVisitorId).put("newVisitorId", newVisitorId)));
  }

  private Future<JsonObject> change(Caller caller) {
    return change(caller, room.getString("_id"), oldVisitor.getString("_id"), newVisitor.getString("_id"));
  }

  private static String visitorIdOf(JsonObject result) {
    return result.getJsonObject("room").getJsonObject("v").getString("_id");
  }

  private void assertUnchanged() {
    JsonObject stored = fixture.findOne(Collections.ROOMS, new JsonObject().put("_id", room.getString("_id")));
    assertThat(stored.getJsonObject("v").getString("_id")).isEqualTo(oldVisitor.getString("_id"));
    assertThat(fixture.published).isEmpty();
  }

  @Test
  @DisplayName("the moved open room becomes the new visitor's open room, and the old visitor gets a new room")
  void movedRoomIsTheNewVisitorsOpenRoom() {
    await(change(servingAgent));

    JsonObject forNew = await(fixture.getOrCreate(RoomFixture.body(newVisitor)));
    JsonObject forOld = await(fixture.getOrCreate(RoomFixture.body(oldVisitor)));

    assertThat(forNew.getBoolean("newRoom")).isFalse();
    assertThat(forNew.getJsonObject("room").getString("_id")).isEqualTo(room.getString("_id"));
    assertThat(forOld.getBoolean("newRoom")).isTrue();
    assertThat(forOld.getJsonObject("room").getString("_id")).isNotEqualTo(room.getString("_id"));
  }

  @Test
  @DisplayName("a newVisitorId that is no visitor, or a disabled one, fails visitor-not-found")
  void newVisitorNotFound() {
    fixture.insert(Collections.VISITORS, new JsonObject().put("_id", "disabled").put("disabled", true));
    String rid = room.getString("_id");
    assertThat(failure(change(servingAgent, rid, oldVisitor.getString("_id"), "nobody")).code())
        .isEqualTo(ErrorCode.VISITOR_NOT_FOUND);
    assertThat(failure(change(servingAgent, rid, oldVisitor.getString("_id"), "disabled")).code())
        .isEqualTo(ErrorCode.VISITOR_NOT_FOUND);
    assertUnchanged();
  }

  @Test
  @DisplayName("an unknown rid fails invalid-room")
  void roomNotFound() {
    assertThat(failure(change(servingAgent, "no-such-room", oldVisitor.getString("_id"), newVisitor.getString("_id")))
        .code()).isEqualTo(ErrorCode.INVALID_ROOM);
  }

  @Test
  @DisplayName("an oldVisitorId that is not the room's visitor, or a room without visitor, fails invalid-room-visitor")
  void wrongOldVisitor() {
    fixture.insert(Collections.ROOMS, new JsonObject().put("_id", "GENERAL").put("t", "c"));
    assertThat(failure(change(servingAgent, room.getString("_id"), newVisitor.getString("_id"),
        newVisitor.getString("_id"))).code()).isEqualTo(ErrorCode.INVALID_ROOM_VISITOR);
    assertThat(failure(change(servingAgent, "GENERAL", oldVisitor.getString("_id"), newVisitor.getString("_id")))
        .code()).isEqualTo(ErrorCode.INVALID_ROOM_VISITOR);
    assertUnchanged();
  }

  @Test
  @DisplayName("a caller whose user is gone, or no caller, fails error-user-not-found")
  void callerNotFound() {
    assertThat(failure(change(new Caller("ghost", "ghost", List.of("admin")))).code())
        .isEqualTo(ErrorCode.USER_NOT_FOUND);
    assertThat(failure(change(null)).code()).isEqualTo(ErrorCode.USER_NOT_FOUND);
    assertUnchanged();
  }

  @Test
  @DisplayName("an agent who neither serves, subscribes to nor may view the room fails error-not-allowed")
  void notAllowed() {
    assertThat(failure(change(otherAgent)).code()).isEqualTo(ErrorCode.NOT_ALLOWED);
    assertUnchanged();
  }

  @Test
  @DisplayName("the serving agent moves the room to the new visitor: only v._id, v.username and v.token change")
  void servingAgentChangesVisitor() {
    JsonObject result = await(change(servingAgent)).getJsonObject("room");
    JsonObject v = result.getJsonObject("v");
    assertThat(v.getString("_id")).isEqualTo(newVisitor.getString("_id"));
    assertThat(v.getString("username")).isEqualTo(newVisitor.getString("username"));
    assertThat(v.getString("token")).isEqualTo(newVisitor.getString("token"));
    assertThat(v.getString("status")).isEqualTo("online");
    assertThat(result.getString("fname")).isEqualTo("Old");
    assertThat(result.getValue("_updatedAt")).isInstanceOf(String.class);
    assertThat(fixture.published).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo(EventType.ROOM_VISITOR_CHANGED);
      assertThat(event.subject()).isEqualTo(room.getString("_id"));
      assertThat(event.changedFields()).containsExactly("v._id", "v.username", "v.token");
    });
  }

  @Test
  @DisplayName("a holder of view-livechat-rooms, a subscriber and rocket.cat may change the visitor")
  void otherWaysIn() {
    JsonObject manager = fixture.agent("manager", "online", "not-available");
    assertThat(visitorIdOf(await(change(caller(manager, "livechat-manager"))))).isEqualTo(newVisitor.getString("_id"));

    fixture.insert(Collections.SUBSCRIPTIONS, new JsonObject().put("_id", "sub").put("rid", room.getString("_id"))
        .put("u", new JsonObject().put("_id", otherAgent.userId())));
    assertThat(visitorIdOf(await(change(otherAgent, room.getString("_id"), newVisitor.getString("_id"),
        oldVisitor.getString("_id"))))).isEqualTo(oldVisitor.getString("_id"));

    fixture.insert(Collections.USERS, new JsonObject().put("_id", "rocket.cat").put("username", "rocket.cat"));
    assertThat(visitorIdOf(await(change(new Caller("rocket.cat", "rocket.cat", List.of("bot"))))))
        .isEqualTo(newVisitor.getString("_id"));
  }

  @Test
  @DisplayName("a closed room may be changed by a holder of view-livechat-room-closed-by-another-agent only")
  void closedRoom() {
    fixture.updateRoom(room, new JsonObject().put("open", false));
    assertThat(failure(change(otherAgent)).code()).isEqualTo(ErrorCode.NOT_ALLOWED);
    JsonObject monitor = fixture.agent("monitor", "online", "not-available");
    assertThat(visitorIdOf(await(change(caller(monitor, "livechat-monitor"))))).isEqualTo(newVisitor.getString("_id"));
  }
}
