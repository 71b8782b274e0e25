package chat.rocket.livechat.room;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.CommandType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code room.list} and {@code room.filters}: Rocket.Chat's {@code livechat/rooms} and its source filter. */
class RoomListTest extends RoomHandlerTest {

  private JsonObject served;
  private JsonObject queued;
  private JsonObject closed;

  @BeforeEach
  void rooms() {
    served = fixture.updateRoom(fixture.openRoom(fixture.visitor("Mary Served")), new JsonObject()
        .put("servedBy", new JsonObject().put("_id", "agent-1").put("username", "a1"))
        .put("tags", new JsonArray().add("billing")).put("source", new JsonObject().put("type", "widget"))
        .put("livechatData", new JsonObject().put("plan", "Gold Plus")));
    queued = fixture.updateRoom(fixture.openRoom(fixture.visitor("Mary Queued")),
        new JsonObject().put("source", new JsonObject().put("type", "api")));
    closed = fixture.updateRoom(fixture.openRoom(fixture.visitor("Bob Closed")), new JsonObject()
        .put("servedBy", new JsonObject().put("_id", "agent-2").put("username", "a2"))
        .put("closedAt", new JsonObject().put("$date", "2020-01-02T00:00:00Z")));
    await(fixture.mongo.updateCollection("rocketchat_room", new JsonObject().put("_id", closed.getString("_id")),
        new JsonObject().put("$unset", new JsonObject().put("open", ""))));
  }

  private List<String> ids(JsonObject body) {
    JsonObject page = await(fixture.roomList.list(command(CommandType.ROOM_LIST, null,
        body.put("offset", 0).put("count", 50))));
    return page.getJsonArray("rooms").stream().map(room -> ((JsonObject) room).getString("_id")).sorted().toList();
  }

  private static List<String> sorted(JsonObject... rooms) {
    return Arrays.stream(rooms).map(room -> room.getString("_id")).sorted().toList();
  }

  @Test
  @DisplayName("open gives served open rooms, queued the unserved ones, open false the closed ones, none all three")
  void filtersByStatus() {
    assertThat(ids(new JsonObject().put("open", true))).isEqualTo(sorted(served));
    assertThat(ids(new JsonObject().put("queued", true))).isEqualTo(sorted(queued));
    assertThat(ids(new JsonObject().put("open", false))).isEqualTo(sorted(closed));
    assertThat(ids(new JsonObject())).isEqualTo(sorted(served, queued, closed));
  }

  @Test
  @DisplayName("roomName matches any part case-insensitively, or the whole name in double quotes, taken literally")
  void filtersByName() {
    assertThat(ids(new JsonObject().put("roomName", "mary"))).isEqualTo(sorted(served, queued));
    assertThat(ids(new JsonObject().put("roomName", "\"mary served\""))).isEqualTo(sorted(served));
    assertThat(ids(new JsonObject().put("roomName", "\"Mary\""))).isEmpty();
    assertThat(ids(new JsonObject().put("roomName", ".*"))).isEmpty();
  }

  @Test
  @DisplayName("agents, tags, custom fields and a closedAt range select the matching rooms")
  void filtersByAgentsTagsFieldsAndDates() {
    assertThat(ids(new JsonObject().put("agents", new JsonArray().add("agent-2")))).isEqualTo(sorted(closed));
    assertThat(ids(new JsonObject().put("tags", new JsonArray().add("billing")))).isEqualTo(sorted(served));
    assertThat(ids(new JsonObject().put("customFields", new JsonObject().put("plan", "gold"))))
        .isEqualTo(sorted(served));
    assertThat(ids(new JsonObject().put("closedAt", new JsonObject().put("start", "2020-01-01T00:00:00Z")
        .put("end", "2020-01-03T00:00:00Z")))).isEqualTo(sorted(closed));
    assertThat(ids(new JsonObject().put("closedAt", new JsonObject().put("start", "2021-01-01T00:00:00Z"))))
        .isEmpty();
  }

  @Test
  @DisplayName("a page counts its own rooms, total counts every match, sort and fields apply")
  void pagesSortsAndProjects() {
    JsonObject page = await(fixture.roomList.list(command(CommandType.ROOM_LIST, null, new JsonObject()
        .put("offset", 1).put("count", 1).put("sort", new JsonObject().put("fname", 1))
        .put("fields", new JsonObject().put("fname", 1)))));

    assertThat(page.getInteger("total")).isEqualTo(3);
    assertThat(page.getInteger("count")).isEqualTo(1);
    assertThat(page.getInteger("offset")).isEqualTo(1);
    assertThat(page.getJsonArray("rooms").getJsonObject(0).getString("fname")).isEqualTo("Mary Queued");
    assertThat(page.getJsonArray("rooms").getJsonObject(0).containsKey("v")).isFalse();
  }

  @Test
  @DisplayName("filters lists each source type of the stored rooms once")
  void listsSourceTypes() {
    JsonObject filters = await(fixture.roomList.filters(command(CommandType.ROOM_FILTERS, null, new JsonObject())));

    assertThat(filters.getJsonArray("filters").stream().map(f -> ((JsonObject) f).getString("type")).sorted())
        .containsExactly("api", "widget");
  }
}
