package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Routing on room creation (DECISIONS.md, Data; spec §3.2 step 3d, §3.4 routing suites): who serves a new room, and
 * when no room is made at all. Every test leaves the admin available, the routing settings at their defaults and no
 * extra agents or load rooms behind ({@link #restore()}), so the tests do not depend on their order.
 */
class RoomRoutingTest {

  private static final String LOAD_TOKEN_PREFIX = "load-";
  private static final String EXTRA_AGENT_PREFIX = "agent-";

  private static TestSystem system;
  private static Api api;
  private static Visitors visitors;
  private static String adminId;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
    api = system.api();
    visitors = new Visitors(api);
    adminId = system.findOne(Collections.USERS, new JsonObject().put("username", TestSystem.ADMIN))
        .getString("_id");
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @AfterEach
  void restore() {
    adminAvailability("available");
    system.setting("Livechat_accept_chats_with_no_agents", false);
    system.setting("Livechat_Routing_Method", "Auto_Selection");
    system.mongo().removeDocuments(Collections.USERS,
        new JsonObject().put("_id", new JsonObject().put("$regex", "^" + EXTRA_AGENT_PREFIX))).await();
    system.mongo().removeDocuments(Collections.ROOMS,
        new JsonObject().put("v.token", new JsonObject().put("$regex", "^" + LOAD_TOKEN_PREFIX))).await();
  }

  private static void adminAvailability(String statusLivechat) {
    system.mongo().updateCollection(Collections.USERS, new JsonObject().put("_id", adminId),
        new JsonObject().put("$set", new JsonObject().put("statusLivechat", statusLivechat))).await();
  }

  /** Inserts a Rocket.Chat-shaped agent user. */
  private static JsonObject agent(String status, String statusLivechat) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    JsonObject agent = new JsonObject().put("_id", EXTRA_AGENT_PREFIX + suffix)
        .put("createdAt", new JsonObject().put("$date", "2024-01-01T00:00:00.000Z"))
        .put("username", "zz.agent." + suffix).put("name", "Agent " + suffix).put("type", "user")
        .put("active", true).put("status", status).put("statusConnection", status).put("utcOffset", 0)
        .put("statusLivechat", statusLivechat).put("roles", new JsonArray().add("user").add("livechat-agent"))
        .put("emails", new JsonArray().add(new JsonObject().put("address", suffix + "@rocket.chat")
            .put("verified", true)))
        .put("_updatedAt", new JsonObject().put("$date", "2024-01-01T00:00:00.000Z"));
    system.mongo().insert(Collections.USERS, agent).await();
    return agent;
  }

  /** Inserts {@code count} open livechat rooms served by the agent, to give it load. */
  private static void giveLoad(JsonObject agent, int count) {
    for (int i = 0; i < count; i++) {
      String token = LOAD_TOKEN_PREFIX + UUID.randomUUID();
      system.mongo().insert(Collections.ROOMS, new JsonObject().put("_id", "load" + UUID.randomUUID())
          .put("t", "l").put("open", true).put("fname", "Load").put("usersCount", 2).put("msgs", 0)
          .put("ts", new JsonObject().put("$date", "2024-01-01T00:00:00.000Z"))
          .put("v", new JsonObject().put("_id", "visitor-" + token).put("username", "guest-load")
              .put("token", token).put("status", "online"))
          .put("servedBy", new JsonObject().put("_id", agent.getString("_id"))
              .put("username", agent.getString("username")))).await();
    }
  }

  private static long openRoomsServedBy(String agentId) {
    return system.mongo().count(Collections.ROOMS, new JsonObject().put("t", "l").put("open", true)
        .put("servedBy._id", agentId)).await();
  }

  private static JsonObject admin() {
    return system.findOne(Collections.USERS, new JsonObject().put("_id", adminId));
  }

  private static JsonObject inquiryOf(String rid) {
    return system.findOne(Collections.INQUIRIES, new JsonObject().put("rid", rid));
  }

  private static long subscriptionsOf(String rid) {
    return system.mongo().count(Collections.SUBSCRIPTIONS, new JsonObject().put("rid", rid)).await();
  }

  @Test
  @DisplayName("with no available agent a new room is refused with no-agent-online and nothing is written")
  void noAgentOnlineRefusesRoom() {
    String token = visitors.create().getString("token");
    adminAvailability("not-available");

    Api.Response response = api.get("livechat/room?token=" + token);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.json()).isEqualTo(new JsonObject().put("success", false)
        .put("error", "Sorry, no online agents [no-agent-online]").put("errorType", "no-agent-online"));
    assertThat(system.mongo().count(Collections.ROOMS, new JsonObject().put("v.token", token)).await()).isZero();
    assertThat(system.mongo().count(Collections.INQUIRIES, new JsonObject().put("v.token", token)).await())
        .isZero();
  }

  @Test
  @DisplayName("an available agent whose status is offline does not count as online")
  void offlineAgentIsNotOnline() {
    String token = visitors.create().getString("token");
    adminAvailability("not-available");
    agent("offline", "available");

    Api.Response response = api.get("livechat/room?token=" + token);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().getString("errorType")).isEqualTo("no-agent-online");
    assertThat(system.mongo().count(Collections.ROOMS, new JsonObject().put("v.token", token)).await()).isZero();
  }

  @Test
  @DisplayName("with Livechat_accept_chats_with_no_agents a room is created unserved and its inquiry stays ready")
  void acceptWithoutAgentsCreatesUnservedRoom() {
    String token = visitors.create().getString("token");
    adminAvailability("not-available");
    system.setting("Livechat_accept_chats_with_no_agents", true);

    Api.Response response = api.get("livechat/room?token=" + token);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().getBoolean("newRoom")).isTrue();
    JsonObject room = response.json().getJsonObject("room");
    assertThat(room.containsKey("servedBy")).isFalse();
    assertThat(room.getInteger("usersCount")).isEqualTo(1);
    String rid = room.getString("_id");
    assertThat(system.findOne(Collections.ROOMS, new JsonObject().put("_id", rid)).containsKey("servedBy")).isFalse();
    assertThat(inquiryOf(rid).getString("status")).isEqualTo("ready");
    assertThat(subscriptionsOf(rid)).isZero();
  }

  @Test
  @DisplayName("with Manual_Selection a room is created unserved and its inquiry is queued")
  void manualSelectionQueuesInquiry() {
    String token = visitors.create().getString("token");
    system.setting("Livechat_Routing_Method", "Manual_Selection");

    Api.Response response = api.get("livechat/room?token=" + token);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonObject room = response.json().getJsonObject("room");
    assertThat(room.containsKey("servedBy")).isFalse();
    assertThat(room.getInteger("usersCount")).isEqualTo(1);
    String rid = room.getString("_id");
    assertThat(system.findOne(Collections.ROOMS, new JsonObject().put("_id", rid)).containsKey("servedBy")).isFalse();
    assertThat(inquiryOf(rid).getString("status")).isEqualTo("queued");
    assertThat(subscriptionsOf(rid)).isZero();
  }

  @Test
  @DisplayName("with Auto_Selection and one available agent the room is served by it and the inquiry taken")
  void autoSelectionAssignsTheAgent() {
    String token = visitors.create().getString("token");

    JsonObject room = visitors.createRoom(token);

    assertThat(room.getJsonObject("servedBy").getString("_id")).isEqualTo(adminId);
    assertThat(room.getJsonObject("servedBy").getString("username")).isEqualTo(TestSystem.ADMIN);
    assertThat(room.getInteger("usersCount")).isEqualTo(2);
    assertThat(inquiryOf(room.getString("_id")).getString("status")).isEqualTo("taken");
  }

  @Test
  @DisplayName("with two available agents a new room goes to the one serving fewer open rooms")
  void leastLoadedAgentIsChosen() {
    JsonObject second = agent("online", "available");
    giveLoad(admin(), 1);
    assertThat(openRoomsServedBy(adminId)).isGreaterThan(openRoomsServedBy(second.getString("_id")));

    JsonObject toSecond = visitors.createRoom(visitors.create().getString("token"));

    assertThat(toSecond.getJsonObject("servedBy").getString("_id")).isEqualTo(second.getString("_id"));
    assertThat(toSecond.getJsonObject("servedBy").getString("username")).isEqualTo(second.getString("username"));
    JsonObject subscription = system.findOne(Collections.SUBSCRIPTIONS,
        new JsonObject().put("rid", toSecond.getString("_id")));
    assertThat(subscription.getJsonObject("u").getString("_id")).isEqualTo(second.getString("_id"));

    giveLoad(second, (int) (openRoomsServedBy(adminId) + 1));
    assertThat(openRoomsServedBy(second.getString("_id"))).isGreaterThan(openRoomsServedBy(adminId));

    JsonObject toAdmin = visitors.createRoom(visitors.create().getString("token"));

    assertThat(toAdmin.getJsonObject("servedBy").getString("_id")).isEqualTo(adminId);
  }

  @Test
  @DisplayName("an agentId of an available agent is honoured even when that agent serves more rooms")
  void requestedAgentIsHonoured() {
    JsonObject second = agent("online", "available");
    giveLoad(second, (int) (openRoomsServedBy(adminId) + 2));
    String token = visitors.create().getString("token");

    Api.Response response = api.get("livechat/room?token=" + token + "&agentId=" + second.getString("_id"));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonObject room = response.json().getJsonObject("room");
    assertThat(room.getJsonObject("servedBy").getString("_id")).isEqualTo(second.getString("_id"));
    assertThat(inquiryOf(room.getString("_id")).getString("status")).isEqualTo("taken");
  }

  @Test
  @DisplayName("a not-available agent is never chosen, even with the lighter load")
  void unavailableAgentIsNotChosen() {
    agent("online", "not-available");
    giveLoad(admin(), 3);

    JsonObject room = visitors.createRoom(visitors.create().getString("token"));

    assertThat(room.getJsonObject("servedBy").getString("_id")).isEqualTo(adminId);
  }
  @Test
  @DisplayName("an agentId that names no user is ignored and the room is routed as usual")
  void unknownAgentIdIsIgnored() {
    String token = visitors.create().getString("token");

    Api.Response response = api.get("livechat/room?token=" + token + "&agentId=no-such-user");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonObject room = response.json().getJsonObject("room");
    assertThat(room.getJsonObject("servedBy").getString("_id")).isEqualTo(adminId);
    assertThat(inquiryOf(room.getString("_id")).getString("status")).isEqualTo("taken");
  }
}
