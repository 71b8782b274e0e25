package chat.rocket.livechat.room;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static chat.rocket.livechat.testkit.HandlerFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
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

/** {@code room.message-history}, {@code room.get|update|delete-message} and {@code room.page-visited}. */
class VisitorMessagesTest extends RoomHandlerTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.000Z");

  private JsonObject visitor;
  private JsonObject room;

  @BeforeEach
  void roomWithThreeMessages() {
    visitor = fixture.visitor("Ada");
    room = fixture.openRoom(visitor);
    for (int i = 1; i <= 3; i++) {
      fixture.insert(Collections.MESSAGES, new JsonObject().put("_id", "m" + i).put("rid", rid())
          .put("msg", "message " + i).put("ts", MongoDocs.date(T0.plusSeconds(i)))
          .put("u", new JsonObject().put("_id", visitor.getString("_id")).put("username", "ada")));
    }
    fixture.insert(Collections.MESSAGES, new JsonObject().put("_id", "hidden").put("rid", rid()).put("msg", "nav")
        .put("ts", MongoDocs.date(T0.plusSeconds(4))).put("_hidden", true));
    room = fixture.updateRoom(room, new JsonObject().put("lastMessage", new JsonObject().put("_id", "m3")));
  }

  private String rid() {
    return room.getString("_id");
  }

  private JsonObject body(String id) {
    return new JsonObject().put("_id", id).put("rid", rid()).put("token", visitor.getString("token"));
  }

  private List<String> history(JsonObject query) {
    JsonArray messages = await(fixture.history.handle(command(CommandType.MESSAGE_HISTORY, null,
        query.put("rid", rid())))).getJsonArray("messages");
    return messages.stream().map(m -> ((JsonObject) m).getString("_id")).toList();
  }

  private Future<JsonObject> update(String id, String msg) {
    return fixture.edit.update(command(CommandType.MESSAGE_UPDATE, null, body(id).put("msg", msg)));
  }

  private Future<JsonObject> delete(String id) {
    return fixture.edit.delete(command(CommandType.MESSAGE_DELETE, null, body(id)));
  }

  @Test
  @DisplayName("the history is the visible messages newest first, paged by limit and offset, cut at end")
  void history() {
    JsonObject token = new JsonObject().put("token", visitor.getString("token"));
    assertThat(history(token.copy())).containsExactly("m3", "m2", "m1");
    assertThat(history(token.copy().put("limit", "2"))).containsExactly("m3", "m2");
    assertThat(history(token.copy().put("offset", "1"))).containsExactly("m2", "m1");
    assertThat(history(token.copy().put("end", MongoDocs.iso(T0.plusSeconds(3))))).containsExactly("m2", "m1");
  }

  @Test
  @DisplayName("the history needs the token, a visitor and the visitor's room")
  void historyRefusals() {
    assertThat(failure(fixture.history.handle(command(CommandType.MESSAGE_HISTORY, null,
        new JsonObject().put("rid", rid()).put("token", "")))).code()).isEqualTo(ErrorCode.TOKEN_PARAM_NOT_PROVIDED);
    assertThat(failure(fixture.history.handle(command(CommandType.MESSAGE_HISTORY, null,
        new JsonObject().put("rid", rid()).put("token", "nobody")))).code()).isEqualTo(ErrorCode.INVALID_TOKEN);
    assertThat(failure(fixture.history.handle(command(CommandType.MESSAGE_HISTORY, null,
        new JsonObject().put("rid", "other").put("token", visitor.getString("token"))))).code())
        .isEqualTo(ErrorCode.INVALID_ROOM);
  }

  @Test
  @DisplayName("a visitor reads one message of its room; another room's or an unknown one is invalid-message")
  void getMessage() {
    JsonObject message = await(fixture.edit.get(command(CommandType.MESSAGE_GET, null, body("m1"))));
    assertThat(message.getJsonObject("message").getString("msg")).isEqualTo("message 1");
    fixture.insert(Collections.MESSAGES, new JsonObject().put("_id", "elsewhere").put("rid", "other-room"));
    for (String id : List.of("elsewhere", "unknown")) {
      assertThat(failure(fixture.edit.get(command(CommandType.MESSAGE_GET, null, body(id)))).code())
          .isEqualTo(ErrorCode.INVALID_MESSAGE);
    }
  }

  @Test
  @DisplayName("an edit sets msg, editedAt, editedBy, refreshes the room's lastMessage, publishes message.updated")
  void edit() {
    JsonObject edited = await(update("m3", "corrected")).getJsonObject("message");

    assertThat(edited.getString("msg")).isEqualTo("corrected");
    assertThat(edited.getJsonObject("editedBy").getString("_id")).isEqualTo(visitor.getString("_id"));
    assertThat(edited.getString("editedAt")).isNotNull();
    assertThat(fixture.findOne(Collections.MESSAGES, new JsonObject().put("_id", "m3")).getString("msg"))
        .isEqualTo("corrected");
    JsonObject stored = fixture.findOne(Collections.ROOMS, new JsonObject().put("_id", rid()));
    assertThat(stored.getJsonObject("lastMessage").getString("msg")).isEqualTo("corrected");
    assertThat(fixture.published).extracting(p -> p.type()).containsExactly(EventType.MESSAGE_UPDATED);
    assertThat(fixture.published.get(0).document()).isEqualTo(edited);
  }

  @Test
  @DisplayName("editing or deleting another's message, or with the setting off, is error-action-not-allowed")
  void notAllowed() {
    fixture.insert(Collections.MESSAGES, new JsonObject().put("_id", "agents").put("rid", rid()).put("msg", "hi")
        .put("u", new JsonObject().put("_id", "agent-alice")));
    assertThat(failure(update("agents", "x")).code()).isEqualTo(ErrorCode.ACTION_NOT_ALLOWED);
    assertThat(failure(delete("agents")).code()).isEqualTo(ErrorCode.ACTION_NOT_ALLOWED);
    fixture.setting(Setting.MESSAGE_ALLOW_EDITING, false);
    fixture.setting(Setting.MESSAGE_ALLOW_DELETING, false);
    assertThat(failure(update("m1", "x")).code()).isEqualTo(ErrorCode.ACTION_NOT_ALLOWED);
    assertThat(failure(delete("m1")).code()).isEqualTo(ErrorCode.ACTION_NOT_ALLOWED);
    assertThat(fixture.findOne(Collections.MESSAGES, new JsonObject().put("_id", "m1")).getString("msg"))
        .isEqualTo("message 1");
    assertThat(fixture.published).isEmpty();
  }

  @Test
  @DisplayName("a delete removes the message, moves lastMessage to the previous one and publishes message.deleted")
  void delete() {
    JsonObject reply = await(delete("m3"));

    assertThat(reply.getJsonObject("message").getString("_id")).isEqualTo("m3");
    assertThat(fixture.findOne(Collections.MESSAGES, new JsonObject().put("_id", "m3"))).isNull();
    JsonObject stored = fixture.findOne(Collections.ROOMS, new JsonObject().put("_id", rid()));
    assertThat(stored.getJsonObject("lastMessage").getString("_id")).isEqualTo("m2");
    assertThat(fixture.published).extracting(p -> p.type()).containsExactly(EventType.MESSAGE_DELETED);
    assertThat(fixture.published.get(0).document())
        .isEqualTo(new JsonObject().put("_id", "m3").put("rid", rid()));
    assertThat(failure(delete("m3")).code()).isEqualTo(ErrorCode.INVALID_MESSAGE);
  }

  @Test
  @DisplayName("a page visit of type url is a hidden navigation message of the room; other changes store nothing")
  void pageVisited() {
    JsonObject pageInfo = new JsonObject().put("change", "url").put("title", "Pricing")
        .put("location", new JsonObject().put("href", "https://example.com/pricing"));
    JsonObject reply = await(fixture.pageVisited.handle(command(CommandType.ROOM_PAGE_VISITED, null,
        new JsonObject().put("token", visitor.getString("token")).put("rid", rid()).put("pageInfo", pageInfo))));

    assertThat(reply.getJsonObject("page")).isEqualTo(new JsonObject()
        .put("msg", "Pricing - https://example.com/pricing")
        .put("navigation", new JsonObject().put("page", pageInfo).put("token", visitor.getString("token"))));
    JsonObject stored = fixture.findOne(Collections.MESSAGES, new JsonObject().put("t", "livechat_navigation_history"));
    assertThat(stored.getString("rid")).isEqualTo(rid());
    assertThat(stored.getBoolean("_hidden")).isTrue();
    assertThat(stored.getJsonObject("u").getString("username")).isEqualTo("rocket.cat");
    assertThat(fixture.published).isEmpty();

    JsonObject title = await(fixture.pageVisited.handle(command(CommandType.ROOM_PAGE_VISITED, null,
        new JsonObject().put("token", visitor.getString("token"))
            .put("pageInfo", pageInfo.copy().put("change", "title")))));
    assertThat(title).isEqualTo(new JsonObject());
  }
}
