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
import chat.rocket.livechat.contracts.Setting;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code room.send-message}: the visitor's {@code livechat/message} and the agent's {@code chat.sendMessage}. */
class SendMessageTest extends RoomHandlerTest {

  private JsonObject visitor;
  private JsonObject room;
  private Caller agent;

  @BeforeEach
  void servedRoom() {
    JsonObject alice = fixture.agent("alice", "online", "available");
    agent = new Caller(alice.getString("_id"), "alice", List.of("livechat-agent"));
    visitor = fixture.visitor("Ada");
    room = fixture.updateRoom(fixture.openRoom(visitor), new JsonObject().put("servedBy",
        new JsonObject().put("_id", agent.userId()).put("username", "alice")));
  }

  private Future<JsonObject> fromVisitor(JsonObject body) {
    return fixture.send.handle(command(CommandType.MESSAGE_SEND, null, body));
  }

  private JsonObject visitorBody(String msg) {
    return new JsonObject().put("token", visitor.getString("token")).put("rid", room.getString("_id"))
        .put("msg", msg);
  }

  private Future<JsonObject> fromAgent(Caller caller, String msg) {
    return fixture.send.handle(command(CommandType.MESSAGE_SEND, caller,
        new JsonObject().put("rid", room.getString("_id")).put("msg", msg)));
  }

  private JsonObject storedRoom() {
    return fixture.findOne(Collections.ROOMS, new JsonObject().put("_id", room.getString("_id")));
  }

  @Test
  @DisplayName("a visitor's message is stored in Rocket.Chat's shape, counted on the room and published")
  void visitorMessage() {
    JsonObject message = await(fromVisitor(visitorBody("hello").put("_id", "client-id"))).getJsonObject("message");

    assertThat(message.getString("_id")).isEqualTo("client-id");
    assertThat(message.getString("rid")).isEqualTo(room.getString("_id"));
    assertThat(message.getString("token")).isEqualTo(visitor.getString("token"));
    assertThat(message.getString("alias")).isEqualTo("Ada");
    assertThat(message.getJsonObject("u")).isEqualTo(new JsonObject().put("_id", visitor.getString("_id"))
        .put("username", visitor.getString("username")).put("name", "Ada"));
    assertThat(message.getString("ts")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z").isEqualTo(message.getString("_updatedAt"));
    JsonObject stored = storedRoom();
    assertThat(stored.getInteger("msgs")).isEqualTo(1);
    assertThat(stored.getJsonObject("lastMessage").getString("_id")).isEqualTo("client-id");
    assertThat(stored.getJsonObject("v").getValue("lastMessageTs")).isEqualTo(stored.getValue("lm"));
    assertThat(fixture.published).hasSize(1);
    assertThat(fixture.published.get(0).type()).isEqualTo(EventType.MESSAGE_CREATED);
    assertThat(fixture.published.get(0).subject()).isEqualTo(room.getString("_id"));
    assertThat(fixture.published.get(0).document()).isEqualTo(message);
  }

  @Test
  @DisplayName("the same _id sent twice is one message, counted once, answered both times")
  void sameIdTwice() {
    JsonObject first = await(fromVisitor(visitorBody("hello").put("_id", "once")));
    JsonObject second = await(fromVisitor(visitorBody("hello again").put("_id", "once")));

    assertThat(second).isEqualTo(first);
    assertThat(fixture.find(Collections.MESSAGES, new JsonObject())).hasSize(1);
    assertThat(storedRoom().getInteger("msgs")).isEqualTo(1);
    assertThat(fixture.published).hasSize(1);
  }

  @Test
  @DisplayName("an empty _id is no _id: each such message gets its own Random.id()")
  void emptyId() {
    String first = await(fromVisitor(visitorBody("a").put("_id", ""))).getJsonObject("message").getString("_id");
    String second = await(fromVisitor(visitorBody("b").put("_id", ""))).getJsonObject("message").getString("_id");

    assertThat(first).hasSize(17).isNotEqualTo(second);
    assertThat(storedRoom().getInteger("msgs")).isEqualTo(2);
  }

  @Test
  @DisplayName("a message stored by a delivery that died before the room write is counted by the redelivery")
  void redeliveryAfterInsertCountsOnce() {
    JsonObject message = MessageDocs.userMessage("half-done", room.getString("_id"), "hi", visitor,
        visitor.getString("token"));
    fixture.insert(Collections.MESSAGES, message);

    await(fromVisitor(visitorBody("hi").put("_id", "half-done")));
    await(fromVisitor(visitorBody("hi").put("_id", "half-done")));

    assertThat(storedRoom().getInteger("msgs")).isEqualTo(1);
    assertThat(fixture.published).hasSize(1);
  }

  @Test
  @DisplayName("a visitor's message fails invalid-token, invalid-room, room-closed and over the limit, storing nothing")
  void visitorRefusals() {
    assertThat(failure(fromVisitor(visitorBody("x").put("token", "nobody"))).code())
        .isEqualTo(ErrorCode.INVALID_TOKEN);
    JsonObject otherRoom = fixture.openRoom(fixture.visitor("Bob"));
    assertThat(failure(fromVisitor(visitorBody("x").put("rid", otherRoom.getString("_id")))).code())
        .isEqualTo(ErrorCode.INVALID_ROOM);
    fixture.setting(Setting.LIVECHAT_ENABLE_MESSAGE_CHARACTER_LIMIT, true);
    fixture.setting(Setting.LIVECHAT_MESSAGE_CHARACTER_LIMIT, 3);
    assertThat(failure(fromVisitor(visitorBody("four"))).code()).isEqualTo(ErrorCode.MESSAGE_TOO_LONG);
    fixture.updateRoom(room, new JsonObject().put("open", false));
    assertThat(failure(fromVisitor(visitorBody("x"))).code()).isEqualTo(ErrorCode.ROOM_CLOSED);

    assertThat(fixture.find(Collections.MESSAGES, new JsonObject())).isEmpty();
    assertThat(fixture.published).isEmpty();
  }

  @Test
  @DisplayName("the serving agent's message is from the agent and sets responseBy, ending waitingResponse")
  void agentMessage() {
    fixture.updateRoom(room, new JsonObject().put("waitingResponse", true));

    JsonObject message = await(fromAgent(agent, "how can I help?")).getJsonObject("message");

    assertThat(message.getJsonObject("u")).isEqualTo(new JsonObject().put("_id", agent.userId())
        .put("username", "alice").put("name", "Agent alice"));
    assertThat(message.containsKey("token")).isFalse();
    JsonObject stored = storedRoom();
    assertThat(stored.containsKey("waitingResponse")).isFalse();
    assertThat(stored.getJsonObject("responseBy").getString("_id")).isEqualTo(agent.userId());
    assertThat(fixture.published).extracting(p -> p.type()).containsExactly(EventType.MESSAGE_CREATED);
  }

  @Test
  @DisplayName("an agent who may not access the room fails error-not-allowed; a holder of view-livechat-rooms may")
  void agentAccess() {
    JsonObject bob = fixture.agent("bob", "online", "available");
    Caller other = new Caller(bob.getString("_id"), "bob", List.of("livechat-agent"));
    assertThat(failure(fromAgent(other, "x")).code()).isEqualTo(ErrorCode.NOT_ALLOWED);
    assertThat(fixture.find(Collections.MESSAGES, new JsonObject())).isEmpty();

    fixture.grant(Permission.VIEW_LIVECHAT_ROOMS, "livechat-agent");
    assertThat(await(fromAgent(other, "x")).getJsonObject("message").getString("msg")).isEqualTo("x");
  }

  @Test
  @DisplayName("an agent's message to an unknown room fails error-invalid-room and to a closed room room-closed")
  void agentRefusals() {
    assertThat(failure(fixture.send.handle(command(CommandType.MESSAGE_SEND, agent,
        new JsonObject().put("rid", "no-such-room").put("msg", "x")))).code()).isEqualTo(ErrorCode.ERROR_INVALID_ROOM);
    fixture.updateRoom(room, new JsonObject().put("open", false));
    assertThat(failure(fromAgent(agent, "x")).code()).isEqualTo(ErrorCode.ROOM_CLOSED);
    assertThat(fixture.published).isEmpty();
  }
}
