package chat.rocket.livechat.room;

import static chat.rocket.livechat.room.RoomFixture.body;
import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Setting;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code room.get-or-create} on its own, the creating half (spec §3.2 steps 3b-3e, §2.2-2.4): settings, preferred
 * agent, department and routing of a visitor's new room.
 */
class RoomCreationTest extends RoomHandlerTest {

  @Test
  @DisplayName("under Auto_Selection a new room is served by the available agent, inquiry taken, subscription made")
  void newRoomRouted() {
    JsonObject agent = fixture.agent("alice", "online", "available");
    JsonObject visitor = fixture.visitor("Ada");
    JsonObject result = await(fixture.getOrCreate(body(visitor)));

    assertThat(result.getBoolean("newRoom")).isTrue();
    JsonObject room = result.getJsonObject("room");
    String rid = room.getString("_id");
    assertThat(room.getString("t")).isEqualTo("l");
    assertThat(room.getBoolean("open")).isTrue();
    assertThat(room.getString("fname")).isEqualTo("Ada");
    assertThat(room.getJsonObject("v").getString("token")).isEqualTo(visitor.getString("token"));
    assertThat(room.getJsonObject("source").getString("type")).isEqualTo("api");
    assertThat(room.getInteger("priorityWeight")).isEqualTo(99);
    assertThat(room.getInteger("estimatedWaitingTimeQueue")).isEqualTo(9999999);
    assertThat(room.getJsonObject("servedBy").getString("_id")).isEqualTo(agent.getString("_id"));
    assertThat(room.getInteger("usersCount")).isEqualTo(2);
    assertThat(room.getValue("ts")).isInstanceOf(String.class);
    JsonObject byRid = new JsonObject().put("rid", rid);
    assertThat(fixture.findOne(Collections.INQUIRIES, byRid).getString("status")).isEqualTo("taken");
    JsonObject subscription = fixture.findOne(Collections.SUBSCRIPTIONS, byRid);
    assertThat(subscription.getJsonObject("u").getString("_id")).isEqualTo(agent.getString("_id"));
    assertThat(subscription.getInteger("unread")).isEqualTo(1);
    assertThat(fixture.published).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo(EventType.ROOM_CREATED);
      assertThat(event.subject()).isEqualTo(rid);
      assertThat(event.document().getJsonObject("servedBy").getString("_id")).isEqualTo(agent.getString("_id"));
    });
  }

  @Test
  @DisplayName("a visitor without a name gets a room named after its username")
  void fnameFromUsername() {
    fixture.agent("alice", "online", "available");
    JsonObject visitor = fixture.visitor(null);
    assertThat(await(fixture.getOrCreate(body(visitor))).getJsonObject("room").getString("fname"))
        .isEqualTo(visitor.getString("username"));
  }

  @Test
  @DisplayName("under Manual_Selection a new room is created unserved and its inquiry stays queued")
  void manualSelection() {
    fixture.agent("alice", "online", "available");
    fixture.setting(Setting.LIVECHAT_ROUTING_METHOD, "Manual_Selection");
    JsonObject room = await(fixture.getOrCreate(body(fixture.visitor("Ada")))).getJsonObject("room");
    assertThat(room.containsKey("servedBy")).isFalse();
    JsonObject byRid = new JsonObject().put("rid", room.getString("_id"));
    assertThat(fixture.findOne(Collections.INQUIRIES, byRid).getString("status")).isEqualTo("queued");
    assertThat(fixture.find(Collections.SUBSCRIPTIONS, byRid)).isEmpty();
  }

  @Test
  @DisplayName("with no agent online a new room is refused with no-agent-online and nothing is written or published")
  void noAgentOnline() {
    fixture.agent("away", "offline", "available");
    fixture.agent("busy", "online", "not-available");
    assertThat(failure(fixture.getOrCreate(body(fixture.visitor("Ada")))).code()).isEqualTo(ErrorCode.NO_AGENT_ONLINE);
    assertThat(fixture.rooms()).isZero();
    assertThat(fixture.find(Collections.INQUIRIES, new JsonObject())).isEmpty();
    assertThat(fixture.published).isEmpty();
  }

  @Test
  @DisplayName("with no agent online and Livechat_accept_chats_with_no_agents a room is made unserved, inquiry ready")
  void noAgentOnlineAccepted() {
    fixture.setting(Setting.LIVECHAT_ACCEPT_CHATS_WITH_NO_AGENTS, true);
    JsonObject result = await(fixture.getOrCreate(body(fixture.visitor("Ada"))));
    assertThat(result.getBoolean("newRoom")).isTrue();
    JsonObject room = result.getJsonObject("room");
    assertThat(room.containsKey("servedBy")).isFalse();
    assertThat(fixture.findOne(Collections.INQUIRIES, new JsonObject().put("rid", room.getString("_id")))
        .getString("status")).isEqualTo("ready");
    assertThat(fixture.published).extracting(RoomFixture.Published::type).containsExactly(EventType.ROOM_CREATED);
  }

  @Test
  @DisplayName("with Livechat_enabled false a new room is refused with error-omnichannel-is-disabled")
  void livechatDisabled() {
    fixture.agent("alice", "online", "available");
    fixture.setting(Setting.LIVECHAT_ENABLED, false);
    assertThat(failure(fixture.getOrCreate(body(fixture.visitor("Ada")))).code())
        .isEqualTo(ErrorCode.OMNICHANNEL_DISABLED);
    assertThat(fixture.rooms()).isZero();
  }

  @Test
  @DisplayName("an agentId of an available agent is honoured over the less loaded agent")
  void preferredAgent() {
    fixture.agent("alice", "online", "available");
    JsonObject zed = fixture.agent("zed", "online", "available");
    fixture.updateRoom(fixture.openRoom(fixture.visitor("Load")), new JsonObject()
        .put("servedBy", new JsonObject().put("_id", zed.getString("_id")).put("username", "zed")));
    JsonObject room = await(fixture.getOrCreate(body(fixture.visitor("Ada")).put("agentId", zed.getString("_id"))))
        .getJsonObject("room");
    assertThat(room.getJsonObject("servedBy").getString("username")).isEqualTo("zed");
  }

  @Test
  @DisplayName("an agentId that names no user is ignored and the room is routed as usual")
  void unknownPreferredAgent() {
    fixture.agent("alice", "online", "available");
    JsonObject room = await(fixture.getOrCreate(body(fixture.visitor("Ada")).put("agentId", "no-such-user")))
        .getJsonObject("room");
    assertThat(room.getJsonObject("servedBy").getString("username")).isEqualTo("alice");
  }

  @Test
  @DisplayName("with Livechat_show_agent_info off an unknown agentId stays requested, so the room is refused")
  void unknownPreferredAgentKeptWithoutAgentInfo() {
    fixture.agent("alice", "online", "available");
    fixture.setting(Setting.LIVECHAT_SHOW_AGENT_INFO, false);
    assertThat(failure(fixture.getOrCreate(body(fixture.visitor("Ada")).put("agentId", "no-such-user"))).code())
        .isEqualTo(ErrorCode.NO_AGENT_ONLINE);
  }

  @Test
  @DisplayName("a requested agent who is not available refuses the room even though another agent is online")
  void preferredAgentOffline() {
    fixture.agent("alice", "online", "available");
    JsonObject busy = fixture.agent("busy", "online", "not-available");
    assertThat(failure(fixture.getOrCreate(body(fixture.visitor("Ada")).put("agentId", busy.getString("_id")))).code())
        .isEqualTo(ErrorCode.NO_AGENT_ONLINE);
  }

  @Test
  @DisplayName("the visitor's enabled department is set on the room, the inquiry and the subscription")
  void department() {
    fixture.agent("alice", "online", "available");
    fixture.insert(Collections.DEPARTMENTS, new JsonObject().put("_id", "sales").put("name", "Sales")
        .put("enabled", true));
    JsonObject visitor = fixture.visitor("Ada");
    fixture.insert(Collections.VISITORS, visitor.copy().put("_id", "with-department").put("token", "dep-token")
        .put("department", "sales"));
    JsonObject room = await(fixture.getOrCreate(new JsonObject().put("token", "dep-token"))).getJsonObject("room");
    assertThat(room.getString("departmentId")).isEqualTo("sales");
    JsonObject byRid = new JsonObject().put("rid", room.getString("_id"));
    assertThat(fixture.findOne(Collections.INQUIRIES, byRid).getString("department")).isEqualTo("sales");
    assertThat(fixture.findOne(Collections.SUBSCRIPTIONS, byRid).getString("department")).isEqualTo("sales");
  }

  @Test
  @DisplayName("a disabled or unknown department refuses the room; accepting chats without agents drops the department")
  void invalidDepartment() {
    fixture.agent("alice", "online", "available");
    fixture.insert(Collections.DEPARTMENTS, new JsonObject().put("_id", "closed").put("enabled", false));
    fixture.insert(Collections.VISITORS, new JsonObject().put("_id", "v1").put("token", "t1").put("username", "g1")
        .put("department", "closed"));
    fixture.insert(Collections.VISITORS, new JsonObject().put("_id", "v2").put("token", "t2").put("username", "g2")
        .put("department", "gone"));
    assertThat(failure(fixture.getOrCreate(new JsonObject().put("token", "t1"))).code())
        .isEqualTo(ErrorCode.NO_AGENT_ONLINE);
    assertThat(failure(fixture.getOrCreate(new JsonObject().put("token", "t2"))).code())
        .isEqualTo(ErrorCode.NO_AGENT_ONLINE);

    fixture.setting(Setting.LIVECHAT_ACCEPT_CHATS_WITH_NO_AGENTS, true);
    JsonObject room = await(fixture.getOrCreate(new JsonObject().put("token", "t1"))).getJsonObject("room");
    assertThat(room.containsKey("departmentId")).isFalse();
  }

  @Test
  @DisplayName("a room created without a source gets source type api")
  void defaultSource() {
    fixture.agent("alice", "online", "available");
    JsonObject visitor = fixture.visitor("Ada");
    JsonObject room = await(fixture.getOrCreate(new JsonObject().put("token", visitor.getString("token"))))
        .getJsonObject("room");
    assertThat(room.getJsonObject("source").getString("type")).isEqualTo("api");
  }
}
