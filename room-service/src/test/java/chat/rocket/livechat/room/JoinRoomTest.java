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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code room.join}: Rocket.Chat's {@code livechat/room.join}. */
class JoinRoomTest extends RoomHandlerTest {

  private JsonObject room;
  private Caller manager;
  private final Caller stranger = new Caller("agent-bob", "bob", List.of("livechat-agent"));

  @BeforeEach
  void openRoom() {
    fixture.grant(Permission.VIEW_LIVECHAT_ROOMS, "livechat-manager");
    fixture.insert(Collections.USERS, new JsonObject().put("_id", "m1").put("username", "manny").put("name", "Manny")
        .put("active", true).put("roles", new JsonArray().add("user").add("livechat-manager")));
    fixture.agent("bob", "online", "available");
    manager = new Caller("m1", "manny", List.of("livechat-manager"));
    room = fixture.openRoom(fixture.visitor("Visitor"));
  }

  private Future<JsonObject> join(Caller caller, String roomId) {
    return fixture.joinRoom.handle(command(CommandType.ROOM_JOIN, caller, new JsonObject().put("roomId", roomId)));
  }

  private List<JsonObject> subscriptions() {
    return fixture.find(Collections.SUBSCRIPTIONS, new JsonObject().put("rid", room.getString("_id")));
  }

  @Test
  @DisplayName("a manager joins an open room: one subscription in Rocket.Chat's shape, usersCount + 1, a uj message")
  void joins() {
    assertThat(await(join(manager, room.getString("_id")))).isEqualTo(new JsonObject());

    List<JsonObject> subscriptions = subscriptions();
    assertThat(subscriptions).hasSize(1);
    JsonObject subscription = subscriptions.get(0);
    assertThat(subscription.getJsonObject("u").getString("_id")).isEqualTo("m1");
    assertThat(subscription.getJsonObject("u").getString("username")).isEqualTo("manny");
    assertThat(subscription.getString("t")).isEqualTo("l");
    assertThat(subscription.getBoolean("open")).isTrue();
    assertThat(subscription.getInteger("unread")).isEqualTo(1);
    assertThat(subscription.getString("fname")).isEqualTo("Visitor");
    JsonObject stored = fixture.findOne(Collections.ROOMS, new JsonObject().put("_id", room.getString("_id")));
    assertThat(stored.getInteger("usersCount")).isEqualTo(room.getInteger("usersCount") + 1);
    List<JsonObject> joined = fixture.find(Collections.MESSAGES, new JsonObject().put("t", "uj"));
    assertThat(joined).hasSize(1);
    assertThat(joined.get(0).getString("msg")).isEqualTo("manny");
    assertThat(fixture.published).extracting(published -> published.type())
        .contains(EventType.ROOM_UPDATED, EventType.MESSAGE_CREATED);
  }

  @Test
  @DisplayName("joining twice keeps one subscription and counts the user once")
  void joinsOnce() {
    await(join(manager, room.getString("_id")));
    await(join(manager, room.getString("_id")));

    assertThat(subscriptions()).hasSize(1);
    JsonObject stored = fixture.findOne(Collections.ROOMS, new JsonObject().put("_id", room.getString("_id")));
    assertThat(stored.getInteger("usersCount")).isEqualTo(room.getInteger("usersCount") + 1);
    assertThat(fixture.find(Collections.MESSAGES, new JsonObject().put("t", "uj"))).hasSize(1);
  }

  @Test
  @DisplayName("an unknown room is error-invalid-room, a closed one room-closed, and nothing is written")
  void refusesMissingAndClosed() {
    JsonObject closed = fixture.updateRoom(fixture.openRoom(fixture.visitor("Gone")),
        new JsonObject().put("open", false));

    assertThat(failure(join(manager, "invalid")).code()).isEqualTo(ErrorCode.ERROR_INVALID_ROOM);
    assertThat(failure(join(manager, closed.getString("_id"))).code()).isEqualTo(ErrorCode.ROOM_CLOSED);
    assertThat(fixture.find(Collections.SUBSCRIPTIONS, new JsonObject())).isEmpty();
  }

  @Test
  @DisplayName("an agent who may not access the room is refused with error-not-allowed and not subscribed")
  void refusesStrangers() {
    assertThat(failure(join(stranger, room.getString("_id"))).getMessage()).isEqualTo("error-not-allowed");
    assertThat(subscriptions()).isEmpty();
  }
}
