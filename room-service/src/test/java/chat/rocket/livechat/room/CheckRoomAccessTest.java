package chat.rocket.livechat.room;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static chat.rocket.livechat.testkit.HandlerFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.Permission;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code room.check-access}: who may read a room's DDP streams (Rocket.Chat's streamer read rules). */
class CheckRoomAccessTest extends RoomHandlerTest {

  private JsonObject visitor;
  private JsonObject room;
  private Caller servingAgent;

  @BeforeEach
  void servedRoom() {
    fixture.grant(Permission.VIEW_L_ROOM, "livechat-agent");
    JsonObject alice = fixture.agent("alice", "online", "available");
    servingAgent = new Caller(alice.getString("_id"), "alice", List.of());
    visitor = fixture.visitor("Visitor");
    room = fixture.updateRoom(fixture.openRoom(visitor), new JsonObject().put("servedBy",
        new JsonObject().put("_id", servingAgent.userId()).put("username", "alice")));
  }

  private Future<JsonObject> check(Caller caller, JsonObject body) {
    return fixture.checkAccess.handle(command(CommandType.ROOM_CHECK_ACCESS, caller, body));
  }

  private JsonObject withToken(Object token) {
    return new JsonObject().put("rid", room.getString("_id")).put("token", token);
  }

  @Test
  @DisplayName("the visitor's own token may read its room; another token may not")
  void visitorToken() {
    assertThat(await(check(null, withToken(visitor.getString("token"))))).isEqualTo(new JsonObject());
    assertThat(failure(check(null, withToken("someone-else"))).code()).isEqualTo(ErrorCode.NOT_ALLOWED);
  }

  @Test
  @DisplayName("a token that is an object, a missing rid, an unknown room and no credential are refused alike")
  void malformedOrMissing() {
    assertThat(failure(check(null, withToken(new JsonObject().put("$ne", "")))).code())
        .isEqualTo(ErrorCode.NOT_ALLOWED);
    assertThat(failure(check(null, new JsonObject().put("token", visitor.getString("token")))).code())
        .isEqualTo(ErrorCode.NOT_ALLOWED);
    assertThat(failure(check(servingAgent, new JsonObject().put("rid", "no-such-room"))).code())
        .isEqualTo(ErrorCode.NOT_ALLOWED);
    assertThat(failure(check(null, new JsonObject().put("rid", room.getString("_id")))).code())
        .isEqualTo(ErrorCode.NOT_ALLOWED);
  }

  @Test
  @DisplayName("the serving agent may read the room; another user only with view-l-room")
  void users() {
    JsonObject rid = new JsonObject().put("rid", room.getString("_id"));
    assertThat(await(check(servingAgent, rid))).isEqualTo(new JsonObject());
    Caller stranger = new Caller("stranger", "stranger", List.of("user"));
    assertThat(failure(check(stranger, rid)).code()).isEqualTo(ErrorCode.NOT_ALLOWED);
    Caller otherAgent = new Caller("bob", "bob", List.of("livechat-agent"));
    assertThat(await(check(otherAgent, rid))).isEqualTo(new JsonObject());
  }
}
