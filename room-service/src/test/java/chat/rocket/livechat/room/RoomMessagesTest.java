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
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code room.messages}: Rocket.Chat's {@code livechat/:rid/messages}. */
class RoomMessagesTest extends RoomHandlerTest {

  private final Caller manager = new Caller("m1", "manny", List.of("livechat-manager"));
  private JsonObject room;

  @BeforeEach
  void roomWithMessages() {
    fixture.grant(Permission.VIEW_LIVECHAT_ROOMS, "livechat-manager");
    JsonObject visitor = fixture.visitor("Visitor");
    room = fixture.openRoom(visitor);
    message("a", null, "Hello", 1);
    message("b", null, "Random (a.*) text", 2);
    message("c", "uj", "manny", 3);
    message("d", "livechat-close", "Closed: random reasons", 4);
  }

  private void message(String id, String type, String msg, long second) {
    JsonObject message = new JsonObject().put("_id", id).put("rid", room.getString("_id")).put("msg", msg)
        .put("ts", MongoDocs.date(Instant.ofEpochSecond(second)))
        .put("u", new JsonObject().put("_id", "u").put("username", "u"));
    fixture.insert(Collections.MESSAGES, type == null ? message : message.put("t", type));
  }

  private Future<JsonObject> messages(Caller caller, JsonObject body) {
    return fixture.roomMessages.handle(command(CommandType.ROOM_MESSAGES, caller,
        body.put("offset", body.getInteger("offset", 0)).put("count", body.getInteger("count", 50))));
  }

  private static List<Object> ids(JsonObject answer) {
    return answer.getJsonArray("messages").stream().map(m -> ((JsonObject) m).getValue("_id")).toList();
  }

  @Test
  @DisplayName("the room's messages without type and its livechat-close messages come newest first, ISO dates")
  void readsMessages() {
    JsonObject answer = await(messages(manager, new JsonObject().put("rid", room.getString("_id"))));

    assertThat(ids(answer)).containsExactly("d", "b", "a");
    assertThat(answer.getLong("total")).isEqualTo(3L);
    assertThat(answer.getInteger("count")).isEqualTo(50);
    assertThat(answer.getJsonArray("messages").getJsonObject(0).getValue("ts")).isInstanceOf(String.class);
  }

  @Test
  @DisplayName("searchTerm matches part of the text, case-insensitive and literally (regex characters are text)")
  void searches() {
    String rid = room.getString("_id");

    assertThat(ids(await(messages(manager, new JsonObject().put("rid", rid).put("searchTerm", "ndo")))))
        .containsExactly("d", "b");
    assertThat(ids(await(messages(manager, new JsonObject().put("rid", rid).put("searchTerm", "(a.*)")))))
        .containsExactly("b");
    assertThat(await(messages(manager, new JsonObject().put("rid", rid).put("searchTerm", "x+"))).getLong("total"))
        .isZero();
    assertThat(await(messages(manager, new JsonObject().put("rid", rid).put("searchTerm", ""))).getLong("total"))
        .isEqualTo(3L);
  }

  @Test
  @DisplayName("sort, offset and count page the matches while total counts them all")
  void pages() {
    JsonObject answer = await(messages(manager, new JsonObject().put("rid", room.getString("_id"))
        .put("sort", new JsonObject().put("ts", 1)).put("offset", 1).put("count", 1)));

    assertThat(ids(answer)).containsExactly("b");
    assertThat(answer.getLong("total")).isEqualTo(3L);
    assertThat(answer.getInteger("offset")).isEqualTo(1);
  }

  @Test
  @DisplayName("an unknown room is invalid-room; an agent who may not access the room is not-allowed")
  void refuses() {
    Caller stranger = new Caller("agent-bob", "bob", List.of("livechat-agent"));

    assertThat(failure(messages(manager, new JsonObject().put("rid", "test"))).code())
        .isEqualTo(ErrorCode.INVALID_ROOM);
    assertThat(failure(messages(stranger, new JsonObject().put("rid", room.getString("_id")))).getMessage())
        .isEqualTo("not-allowed");
  }
}
