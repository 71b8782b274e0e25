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
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code room.pages-visited}, {@code room.chat-history}, {@code room.search-chats}: the livechat/visitors views. */
class VisitorChatsTest extends RoomHandlerTest {

  private final Caller manager = new Caller("m1", "manny", List.of("livechat-manager"));
  private final Caller stranger = new Caller("agent-bob", "bob", List.of("livechat-agent"));
  private JsonObject visitor;
  private JsonObject open;
  private JsonObject closed;
  private JsonObject closedServed;

  @BeforeEach
  void threeRooms() {
    fixture.grant(Permission.VIEW_LIVECHAT_ROOMS, "livechat-manager");
    visitor = fixture.visitor("Visitor");
    closed = fixture.updateRoom(fixture.openRoom(visitor), new JsonObject().put("open", false)
        .put("closedAt", MongoDocs.date(Instant.ofEpochSecond(10))).put("ts", MongoDocs.date(Instant.ofEpochSecond(1)))
        .put("source", new JsonObject().put("type", "widget")));
    closedServed = fixture.updateRoom(fixture.openRoom(visitor), new JsonObject().put("open", false)
        .put("closedAt", MongoDocs.date(Instant.ofEpochSecond(20))).put("ts", MongoDocs.date(Instant.ofEpochSecond(2)))
        .put("servedBy", new JsonObject().put("_id", "agent-alice"))
        .put("source", new JsonObject().put("type", "api")));
    open = fixture.updateRoom(fixture.openRoom(visitor), new JsonObject()
        .put("ts", MongoDocs.date(Instant.ofEpochSecond(3))).put("source", new JsonObject().put("type", "api")));
    fixture.openRoom(fixture.visitor("Somebody else"));
    message(open, "m1", null, "the invoice number");
    message(open, "m2", "livechat_navigation_history", "Pricing - https://example.com/pricing");
  }

  private void message(JsonObject room, String id, String type, String msg) {
    JsonObject message = new JsonObject().put("_id", id).put("rid", room.getString("_id")).put("msg", msg)
        .put("ts", MongoDocs.now()).put("u", new JsonObject().put("_id", "u").put("username", "u"));
    fixture.insert(Collections.MESSAGES, type == null ? message : message.put("t", type));
  }

  private JsonObject body(JsonObject room) {
    return new JsonObject().put("roomId", room.getString("_id")).put("visitorId", visitor.getString("_id"))
        .put("offset", 0).put("count", 50);
  }

  private JsonObject search(JsonObject filters) {
    JsonObject body = body(open);
    filters.forEach(filter -> body.put(filter.getKey(), filter.getValue()));
    return await(fixture.visitorChats.searchChats(command(CommandType.ROOM_SEARCH_CHATS, manager, body)));
  }

  private static List<Object> ids(JsonObject answer, String name) {
    return answer.getJsonArray(name).stream().map(document -> ((JsonObject) document).getValue("_id")).toList();
  }

  @Test
  @DisplayName("pagesVisited answers the room's navigation messages only, with the page fields")
  void pagesVisited() {
    JsonObject answer = await(fixture.visitorChats.pagesVisited(command(CommandType.ROOM_PAGES_VISITED, manager,
        body(open))));

    assertThat(ids(answer, "pages")).containsExactly("m2");
    assertThat(answer.getInteger("count")).isEqualTo(1);
    assertThat(answer.getLong("total")).isEqualTo(1L);
    assertThat(answer.getInteger("offset")).isZero();
  }

  @Test
  @DisplayName("chatHistory answers every livechat room of the visitor, newest first, and nobody else's")
  void chatHistory() {
    JsonObject answer = await(fixture.visitorChats.chatHistory(command(CommandType.ROOM_CHAT_HISTORY, manager,
        body(closed))));

    assertThat(ids(answer, "history")).containsExactly(open.getString("_id"), closedServed.getString("_id"),
        closed.getString("_id"));
    assertThat(answer.getLong("total")).isEqualTo(3L);
  }

  @Test
  @DisplayName("searchChats filters closed rooms, served rooms, the source and a message text, literally")
  void searchChats() {
    assertThat(ids(search(new JsonObject().put("closedOnly", true)), "history"))
        .containsExactly(closedServed.getString("_id"), closed.getString("_id"));
    assertThat(ids(search(new JsonObject().put("closedOnly", true).put("servedOnly", true)), "history"))
        .containsExactly(closedServed.getString("_id"));
    assertThat(ids(search(new JsonObject().put("source", "API")), "history"))
        .containsExactly(open.getString("_id"), closedServed.getString("_id"));
    assertThat(ids(search(new JsonObject().put("searchText", "INVOICE")), "history"))
        .containsExactly(open.getString("_id"));
    assertThat(search(new JsonObject().put("searchText", ".*")).getLong("total")).isZero();
    assertThat(search(new JsonObject()).getLong("total")).isEqualTo(3L);
  }

  @Test
  @DisplayName("an unknown room is invalid-room on all three; history and search refuse a caller without access")
  void refusals() {
    JsonObject unknown = body(open).put("roomId", "invalid");

    assertThat(failure(fixture.visitorChats.pagesVisited(command(CommandType.ROOM_PAGES_VISITED, manager, unknown)))
        .code()).isEqualTo(ErrorCode.INVALID_ROOM);
    assertThat(failure(fixture.visitorChats.chatHistory(command(CommandType.ROOM_CHAT_HISTORY, manager, unknown)))
        .code()).isEqualTo(ErrorCode.INVALID_ROOM);
    assertThat(failure(fixture.visitorChats.searchChats(command(CommandType.ROOM_SEARCH_CHATS, manager, unknown)))
        .code()).isEqualTo(ErrorCode.INVALID_ROOM);
    assertThat(failure(fixture.visitorChats.chatHistory(command(CommandType.ROOM_CHAT_HISTORY, stranger,
        body(open)))).code()).isEqualTo(ErrorCode.NOT_ALLOWED);
    assertThat(failure(fixture.visitorChats.searchChats(command(CommandType.ROOM_SEARCH_CHATS, stranger,
        body(open)))).code()).isEqualTo(ErrorCode.NOT_ALLOWED);
  }
}
