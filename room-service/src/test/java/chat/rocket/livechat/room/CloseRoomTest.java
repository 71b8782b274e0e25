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
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code room.close}: the visitor's {@code livechat/room.close} and the agent's {@code livechat/room.closeByUser}. */
class CloseRoomTest extends RoomHandlerTest {

  private static final Caller ALICE = new Caller("agent-alice", "alice", List.of("livechat-agent"));
  private static final Caller BOB = new Caller("agent-bob", "bob", List.of("livechat-agent"));

  private JsonObject visitor;
  private JsonObject room;

  @BeforeEach
  void servedRoom() {
    visitor = fixture.visitor("Ada");
    room = fixture.updateRoom(fixture.openRoom(visitor), new JsonObject()
        .put("ts", MongoDocs.date(Instant.now().minusSeconds(60)))
        .put("servedBy", new JsonObject().put("_id", ALICE.userId()).put("username", "alice")
            .put("ts", MongoDocs.date(Instant.now().minusSeconds(30)))));
    fixture.insert(Collections.SUBSCRIPTIONS, new JsonObject().put("_id", "sub-1").put("rid", rid())
        .put("u", new JsonObject().put("_id", ALICE.userId()).put("username", "alice")));
    fixture.insert(Collections.INQUIRIES, new JsonObject().put("_id", "inq-1").put("rid", rid()));
  }

  private String rid() {
    return room.getString("_id");
  }

  private Future<JsonObject> byVisitor(String token) {
    return fixture.close.handle(command(CommandType.ROOM_CLOSE, null,
        new JsonObject().put("rid", rid()).put("token", token)));
  }

  private Future<JsonObject> byAgent(Caller caller, String comment) {
    return fixture.close.handle(command(CommandType.ROOM_CLOSE, caller,
        new JsonObject().put("rid", rid()).put("comment", comment)));
  }

  private JsonObject storedRoom() {
    return fixture.findOne(Collections.ROOMS, new JsonObject().put("_id", rid()));
  }

  @Test
  @DisplayName("the visitor's close writes the closing fields, the livechat-close message and publishes both events")
  void visitorCloses() {
    JsonObject reply = await(byVisitor(visitor.getString("token")));

    assertThat(reply).isEqualTo(new JsonObject().put("rid", rid()).put("comment", CloseRoom.CLOSED_BY_VISITOR));
    JsonObject closed = storedRoom();
    assertThat(closed.containsKey("open")).isFalse();
    assertThat(closed.getString("closer")).isEqualTo("visitor");
    assertThat(closed.getJsonObject("closedBy")).isEqualTo(new JsonObject().put("_id", visitor.getString("_id"))
        .put("username", visitor.getString("username")));
    assertThat(closed.getJsonObject("closedAt")).isNotNull();
    assertThat(closed.getJsonObject("metrics").getDouble("chatDuration")).isBetween(59.0, 120.0);
    assertThat(closed.getJsonObject("metrics").getDouble("serviceTimeDuration")).isBetween(29.0, 90.0);
    assertThat(closed.getJsonObject("v").getString("status")).isEqualTo("offline");
    JsonObject message = fixture.findOne(Collections.MESSAGES, new JsonObject().put("rid", rid()));
    assertThat(message.getString("t")).isEqualTo("livechat-close");
    assertThat(message.getString("msg")).isEqualTo("Closed by visitor");
    assertThat(message.getString("token")).isEqualTo(visitor.getString("token"));
    assertThat(message.getJsonObject("u").getString("_id")).isEqualTo(visitor.getString("_id"));
    assertThat(fixture.find(Collections.INQUIRIES, new JsonObject().put("rid", rid()))).isEmpty();
    assertThat(fixture.find(Collections.SUBSCRIPTIONS, new JsonObject().put("rid", rid()))).isEmpty();
    assertThat(fixture.published).extracting(p -> p.type())
        .containsExactly(EventType.MESSAGE_CREATED, EventType.ROOM_CLOSED);
    assertThat(fixture.published.get(0).document().getString("t")).isEqualTo("livechat-close");
    assertThat(fixture.published.get(1).document().containsKey("open")).isFalse();
  }

  @Test
  @DisplayName("a second close by the visitor fails room-closed and adds no second close message")
  void visitorClosesTwice() {
    await(byVisitor(visitor.getString("token")));
    assertThat(failure(byVisitor(visitor.getString("token"))).code()).isEqualTo(ErrorCode.ROOM_CLOSED);
    assertThat(fixture.find(Collections.MESSAGES, new JsonObject())).hasSize(1);
    assertThat(fixture.published).hasSize(2);
  }

  @Test
  @DisplayName("the visitor may not close with the setting off, with an unknown token or another visitor's room")
  void visitorRefusals() {
    assertThat(failure(byVisitor("nobody")).code()).isEqualTo(ErrorCode.INVALID_TOKEN);
    assertThat(failure(byVisitor(fixture.visitor("Bob").getString("token"))).code())
        .isEqualTo(ErrorCode.INVALID_ROOM);
    fixture.setting(Setting.OMNICHANNEL_ALLOW_VISITORS_TO_CLOSE_CONVERSATION, false);
    assertThat(failure(byVisitor(visitor.getString("token"))).code())
        .isEqualTo(ErrorCode.NOT_ALLOWED_TO_CLOSE_CONVERSATION);
    assertThat(storedRoom().getBoolean("open")).isTrue();
    assertThat(fixture.published).isEmpty();
  }

  @Test
  @DisplayName("the subscribed agent closes with its comment as the close message; closer user")
  void agentCloses() {
    assertThat(await(byAgent(ALICE, "resolved")).getString("comment")).isEqualTo("resolved");

    assertThat(storedRoom().getString("closer")).isEqualTo("user");
    assertThat(storedRoom().getJsonObject("closedBy").getString("username")).isEqualTo("alice");
    JsonObject message = fixture.findOne(Collections.MESSAGES, new JsonObject().put("rid", rid()));
    assertThat(message.getString("msg")).isEqualTo("resolved");
    assertThat(message.containsKey("token")).isFalse();
  }

  @Test
  @DisplayName("an agent without subscription needs close-others-livechat-room, else error-not-authorized")
  void otherAgent() {
    assertThat(failure(byAgent(BOB, "done")).code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
    assertThat(storedRoom().getBoolean("open")).isTrue();

    fixture.grant(Permission.CLOSE_OTHERS_LIVECHAT_ROOM, "livechat-agent");
    await(byAgent(BOB, "done"));
    assertThat(storedRoom().getJsonObject("closedBy").getString("username")).isEqualTo("bob");
  }

  @Test
  @DisplayName("an agent closing a closed room gets error-room-already-closed, and an unknown room error-invalid-room")
  void agentRefusals() {
    await(byVisitor(visitor.getString("token")));
    fixture.grant(Permission.CLOSE_OTHERS_LIVECHAT_ROOM, "livechat-agent");
    assertThat(failure(byAgent(ALICE, "late")).code()).isEqualTo(ErrorCode.ROOM_ALREADY_CLOSED);
    assertThat(failure(fixture.close.handle(command(CommandType.ROOM_CLOSE, ALICE,
        new JsonObject().put("rid", "no-such-room")))).code()).isEqualTo(ErrorCode.ERROR_INVALID_ROOM);
  }

  @Test
  @DisplayName("the closed room's subscriptions are gone, so its former agent needs close-others-livechat-room")
  void closedRoomChecksPermissionFirst() {
    await(byVisitor(visitor.getString("token")));
    assertThat(failure(byAgent(ALICE, "late")).code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
  }

  @Test
  @DisplayName("an agent closing without a comment or with a blank one fails error-comment-is-required, writes nothing")
  void commentRequired() {
    assertThat(failure(byAgent(ALICE, null)).code()).isEqualTo(ErrorCode.COMMENT_IS_REQUIRED);
    assertThat(failure(byAgent(ALICE, " \t ")).code()).isEqualTo(ErrorCode.COMMENT_IS_REQUIRED);

    assertThat(storedRoom().getBoolean("open")).isTrue();
    assertThat(fixture.find(Collections.MESSAGES, new JsonObject())).isEmpty();
    assertThat(fixture.find(Collections.INQUIRIES, new JsonObject().put("rid", rid()))).hasSize(1);
    assertThat(fixture.published).isEmpty();
  }

  @Test
  @DisplayName("with Livechat_request_comment_when_closing_conversation off an agent closes without comment")
  void commentOptional() {
    fixture.setting(Setting.LIVECHAT_REQUEST_COMMENT_WHEN_CLOSING_CONVERSATION, false);

    await(byAgent(ALICE, null));

    assertThat(storedRoom().containsKey("open")).isFalse();
    assertThat(fixture.findOne(Collections.MESSAGES, new JsonObject().put("rid", rid())).getString("msg")).isEmpty();
  }

  @Test
  @DisplayName("the request's tags are stored on the closed room before the room's own, without repeats")
  void tags() {
    fixture.updateRoom(room, new JsonObject().put("tags", new JsonArray().add("vip").add("sales")));

    await(fixture.close.handle(command(CommandType.ROOM_CLOSE, ALICE, new JsonObject().put("rid", rid())
        .put("comment", "done").put("tags", new JsonArray().add("billing").add("vip")))));

    assertThat(storedRoom().getJsonArray("tags")).isEqualTo(new JsonArray().add("billing").add("vip").add("sales"));
  }

  @Test
  @DisplayName("forceClose closes a closed room again only while Omnichannel_allow_force_close_conversations is on")
  void forceClose() {
    await(byAgent(ALICE, "first"));
    fixture.grant(Permission.CLOSE_OTHERS_LIVECHAT_ROOM, "livechat-agent");
    assertThat(failure(forced(BOB)).code()).isEqualTo(ErrorCode.ROOM_ALREADY_CLOSED);

    fixture.setting(Setting.OMNICHANNEL_ALLOW_FORCE_CLOSE_CONVERSATIONS, true);
    await(forced(BOB));

    assertThat(storedRoom().getJsonObject("closedBy").getString("username")).isEqualTo("bob");
    assertThat(fixture.find(Collections.MESSAGES, new JsonObject().put("t", "livechat-close")))
        .extracting(message -> message.getString("msg")).containsExactlyInAnyOrder("first", "again");
    assertThat(fixture.published).extracting(p -> p.type()).containsExactly(EventType.MESSAGE_CREATED,
        EventType.ROOM_CLOSED, EventType.MESSAGE_CREATED, EventType.ROOM_CLOSED);
  }

  private Future<JsonObject> forced(Caller caller) {
    return fixture.close.handle(command(CommandType.ROOM_CLOSE, caller, new JsonObject().put("rid", rid())
        .put("comment", "again").put("forceClose", true)));
  }

  @Test
  @DisplayName("a close accepted before the room's closedAt lost a race: error-room-cannot-be-closed-try-again")
  void lostRace() {
    long before = Instant.now().minusSeconds(5).toEpochMilli();
    await(byAgent(ALICE, "won"));

    assertThat(failure(fixture.close.handle(command(CommandType.ROOM_CLOSE, ALICE, new JsonObject()
        .put("rid", rid()).put("comment", "lost").put("requestedAt", before)))).code())
        .isEqualTo(ErrorCode.ROOM_CANNOT_BE_CLOSED_TRY_AGAIN);
    assertThat(failure(fixture.close.handle(command(CommandType.ROOM_CLOSE, null, new JsonObject()
        .put("rid", rid()).put("token", visitor.getString("token")).put("requestedAt", before)))).code())
        .isEqualTo(ErrorCode.ROOM_CANNOT_BE_CLOSED_TRY_AGAIN);
    assertThat(fixture.find(Collections.MESSAGES, new JsonObject())).hasSize(1);
  }

  @Test
  @DisplayName("a close accepted after the room's closedAt is late: error-room-already-closed, or room-closed")
  void lateClose() {
    await(byAgent(ALICE, "won"));
    long after = Instant.now().plusSeconds(5).toEpochMilli();
    fixture.grant(Permission.CLOSE_OTHERS_LIVECHAT_ROOM, "livechat-agent");

    assertThat(failure(fixture.close.handle(command(CommandType.ROOM_CLOSE, ALICE, new JsonObject()
        .put("rid", rid()).put("comment", "late").put("requestedAt", after)))).code())
        .isEqualTo(ErrorCode.ROOM_ALREADY_CLOSED);
    assertThat(failure(fixture.close.handle(command(CommandType.ROOM_CLOSE, null, new JsonObject()
        .put("rid", rid()).put("token", visitor.getString("token")).put("requestedAt", after)))).code())
        .isEqualTo(ErrorCode.ROOM_CLOSED);
  }
}
