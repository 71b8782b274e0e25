package chat.rocket.livechat.room;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.Permission;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code subscription.get}: Rocket.Chat's {@code subscriptions.getOne}. */
class SubscriptionByRoomTest extends RoomHandlerTest {

  private JsonObject getOne(Caller caller, String roomId) {
    return await(fixture.subscriptionByRoom.handle(command(CommandType.SUBSCRIPTION_GET, caller,
        new JsonObject().put("roomId", roomId))));
  }

  @Test
  @DisplayName("the agent a new room was routed to reads its own subscription, with ISO dates; others read null")
  void readsOwnSubscription() {
    JsonObject alice = fixture.agent("alice", "online", "available");
    fixture.agent("bob", "offline", "not-available");
    String rid = await(fixture.getOrCreate(RoomFixture.body(fixture.visitor("Visitor"))))
        .getJsonObject("room").getString("_id");
    Caller agent = new Caller(alice.getString("_id"), "alice", List.of("livechat-agent"));
    Caller other = new Caller("agent-bob", "bob", List.of("livechat-agent"));

    JsonObject subscription = getOne(agent, rid).getJsonObject("subscription");

    assertThat(subscription.getString("rid")).isEqualTo(rid);
    assertThat(subscription.getJsonObject("u").getString("_id")).isEqualTo(alice.getString("_id"));
    assertThat(subscription.getValue("ts")).isInstanceOf(String.class);
    JsonObject none = getOne(other, rid);
    assertThat(none.containsKey("subscription")).isTrue();
    assertThat(none.getValue("subscription")).isNull();
  }

  @Test
  @DisplayName("after a manager joins a room, subscriptions.getOne answers the manager's subscription")
  void readsJoinedSubscription() {
    fixture.grant(Permission.VIEW_LIVECHAT_ROOMS, "livechat-manager");
    JsonObject manager = fixture.agent("manny", "online", "not-available");
    Caller caller = new Caller(manager.getString("_id"), "manny", List.of("livechat-manager"));
    JsonObject room = fixture.openRoom(fixture.visitor("Visitor"));
    await(fixture.joinRoom.handle(command(CommandType.ROOM_JOIN, caller,
        new JsonObject().put("roomId", room.getString("_id")))));

    assertThat(getOne(caller, room.getString("_id")).getJsonObject("subscription").getString("rid"))
        .isEqualTo(room.getString("_id"));
  }
}
