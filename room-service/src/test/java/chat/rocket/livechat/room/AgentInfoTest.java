package chat.rocket.livechat.room;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static chat.rocket.livechat.testkit.HandlerFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.Setting;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code room.agent-info} and {@code room.next-agent} (Rocket.Chat's {@code agent.ts}). */
class AgentInfoTest extends RoomHandlerTest {

  private JsonObject alice;
  private JsonObject visitor;

  @BeforeEach
  void agentAndVisitor() {
    alice = fixture.agent("alice", "online", "available");
    visitor = fixture.visitor("Ada");
  }

  private Future<JsonObject> info(String rid, String token) {
    return fixture.agentInfo.ofRoom(command(CommandType.ROOM_AGENT_INFO, null,
        new JsonObject().put("rid", rid).put("token", token)));
  }

  private Future<JsonObject> next(String token) {
    return fixture.agentInfo.next(command(CommandType.ROOM_NEXT_AGENT, null, new JsonObject().put("token", token)));
  }

  private JsonObject servedRoom() {
    return fixture.updateRoom(fixture.openRoom(visitor), new JsonObject()
        .put("servedBy", new JsonObject().put("_id", alice.getString("_id")).put("username", "alice")));
  }

  @Test
  @DisplayName("agent.info answers the serving agent's public fields, its emails only with Livechat_show_agent_email")
  void servingAgent() {
    JsonObject room = servedRoom();
    JsonObject expected = new JsonObject().put("_id", alice.getString("_id")).put("username", "alice")
        .put("name", "Agent alice").put("status", "online");

    assertThat(await(info(room.getString("_id"), visitor.getString("token"))))
        .isEqualTo(new JsonObject().put("agent", expected));

    fixture.setting(Setting.LIVECHAT_SHOW_AGENT_EMAIL, true);
    JsonArray emails = new JsonArray().add(new JsonObject().put("address", "alice@example.com"));
    await(fixture.mongo.updateCollection(Collections.USERS, new JsonObject().put("_id", alice.getString("_id")),
        new JsonObject().put("$set", new JsonObject().put("emails", emails))));
    assertThat(await(info(room.getString("_id"), visitor.getString("token"))).getJsonObject("agent")
        .getJsonArray("emails")).isEqualTo(emails);
  }

  @Test
  @DisplayName("agent.info hides the agent behind {hiddenInfo: true} while Livechat_show_agent_info is off")
  void hiddenAgent() {
    JsonObject room = servedRoom();
    fixture.setting(Setting.LIVECHAT_SHOW_AGENT_INFO, false);

    assertThat(await(info(room.getString("_id"), visitor.getString("token"))))
        .isEqualTo(new JsonObject().put("agent", new JsonObject().put("hiddenInfo", true)));
  }

  @Test
  @DisplayName("agent.info fails invalid-token, invalid-room (another visitor's room) and invalid-agent (unserved)")
  void agentInfoErrors() {
    JsonObject served = servedRoom();
    JsonObject other = fixture.visitor("Bob");
    JsonObject unserved = fixture.openRoom(other);

    assertThat(failure(info(served.getString("_id"), "no-such-token")).code()).isEqualTo(ErrorCode.INVALID_TOKEN);
    assertThat(failure(info(served.getString("_id"), other.getString("token"))).code())
        .isEqualTo(ErrorCode.INVALID_ROOM);
    assertThat(failure(info("no-such-room", visitor.getString("token"))).code()).isEqualTo(ErrorCode.INVALID_ROOM);
    assertThat(failure(info(unserved.getString("_id"), other.getString("token"))).code())
        .isEqualTo(ErrorCode.INVALID_AGENT);
  }

  @Test
  @DisplayName("agent.info still answers for a closed room of the visitor")
  void closedRoom() {
    JsonObject room = servedRoom();
    fixture.updateRoom(room, new JsonObject().put("open", false));

    assertThat(await(info(room.getString("_id"), visitor.getString("token"))).getJsonObject("agent")
        .getString("username")).isEqualTo("alice");
  }

  @Test
  @DisplayName("agent.next answers the available agent for a visitor without open room, and {} with one")
  void nextAgent() {
    fixture.agent("bob", "online", "not-available");

    assertThat(await(next(visitor.getString("token"))).getJsonObject("agent").getString("username"))
        .isEqualTo("alice");

    servedRoom();
    assertThat(await(next(visitor.getString("token")))).isEqualTo(new JsonObject());
  }

  @Test
  @DisplayName("agent.next fails agent-not-found without an available agent and under Manual_Selection")
  void noNextAgent() {
    fixture.setting(Setting.LIVECHAT_ROUTING_METHOD, "Manual_Selection");
    assertThat(failure(next(visitor.getString("token"))).code()).isEqualTo(ErrorCode.AGENT_NOT_FOUND);

    fixture.setting(Setting.LIVECHAT_ROUTING_METHOD, "Auto_Selection");
    await(fixture.mongo.updateCollection(Collections.USERS, new JsonObject().put("_id", alice.getString("_id")),
        new JsonObject().put("$set", new JsonObject().put("statusLivechat", "not-available"))));
    assertThat(failure(next(visitor.getString("token"))).code()).isEqualTo(ErrorCode.AGENT_NOT_FOUND);
  }
}
