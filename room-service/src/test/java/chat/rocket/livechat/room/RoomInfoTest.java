package chat.rocket.livechat.room;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static chat.rocket.livechat.testkit.HandlerFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.Permission;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code room.info}: Rocket.Chat's {@code channels.info} for a livechat room. */
class RoomInfoTest extends RoomHandlerTest {

  private JsonObject room;
  private Caller servingAgent;
  private final Caller manager = new Caller("m1", "manager", List.of("livechat-manager"));
  private final Caller otherAgent = new Caller("o1", "other", List.of("livechat-agent"));

  @BeforeEach
  void servedRoom() {
    fixture.grant(Permission.VIEW_LIVECHAT_ROOMS, "livechat-manager");
    JsonObject alice = fixture.agent("alice", "online", "available");
    servingAgent = new Caller(alice.getString("_id"), "alice", List.of("livechat-agent"));
    room = fixture.updateRoom(fixture.openRoom(fixture.visitor("Visitor")), new JsonObject().put("topic", "billing")
        .put("servedBy", new JsonObject().put("_id", servingAgent.userId()).put("username", "alice")));
  }

  private Future<JsonObject> info(Caller caller, JsonObject body) {
    return fixture.roomInfo.handle(command(CommandType.ROOM_INFO, caller, body));
  }

  @Test
  @DisplayName("the serving agent and a holder of view-livechat-rooms read the room as stored, with ISO dates")
  void readsTheRoom() {
    JsonObject byAgent = await(info(servingAgent, new JsonObject().put("roomId", room.getString("_id"))));
    JsonObject byManager = await(info(manager, new JsonObject().put("roomId", room.getString("_id"))));

    assertThat(byAgent.getJsonObject("channel").getString("topic")).isEqualTo("billing");
    assertThat(byAgent.getJsonObject("channel").getString("t")).isEqualTo("l");
    assertThat(byAgent.getJsonObject("channel").getValue("ts")).isInstanceOf(String.class);
    assertThat(byManager.getJsonObject("channel").getString("_id")).isEqualTo(room.getString("_id"));
  }

  @Test
  @DisplayName("an agent who neither serves the room nor may view all rooms is refused with unauthorized")
  void refusesOthers() {
    assertThat(failure(info(otherAgent, new JsonObject().put("roomId", room.getString("_id")))).code())
        .isEqualTo(ErrorCode.UNAUTHORIZED);
  }

  @Test
  @DisplayName("an unknown room and a room that is not livechat, by id or by name, are not found")
  void notFound() {
    fixture.insert(Collections.ROOMS, new JsonObject().put("_id", "c1").put("t", "c").put("name", "general"));

    assertThat(failure(info(manager, new JsonObject().put("roomId", "nope"))).code())
        .isEqualTo(ErrorCode.CHANNEL_NOT_FOUND);
    assertThat(failure(info(manager, new JsonObject().put("roomName", "general"))).code())
        .isEqualTo(ErrorCode.CHANNEL_NOT_FOUND);
    assertThat(failure(info(manager, new JsonObject().put("roomId", "c1"))).getMessage())
        .isEqualTo("The required \"roomId\" or \"roomName\" param provided does not match any channel");
  }
}
