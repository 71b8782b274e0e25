package chat.rocket.livechat.standalone;

import static chat.rocket.livechat.standalone.ExpectedBodies.FORBIDDEN;
import static chat.rocket.livechat.standalone.ExpectedBodies.LOGGED_OUT;
import static chat.rocket.livechat.standalone.ExpectedBodies.error;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Topics;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code livechat/inquiries.getOne}, {@code livechat/inquiries.take} and {@code licenses.info} through the whole
 * system (issue 11; Rocket.Chat's helper {@code startANewLivechatRoomAndTakeIt} and its MAC test): their effect, their
 * refusals (401, 403, 400, nothing written) and Rocket.Chat's error bodies.
 */
class InquiriesEndpointsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private static TestSystem system;
  private static Api api;
  private static Visitors visitors;
  private static Map<String, String> admin;
  private static Map<String, String> agent;
  private static Map<String, String> plainUser;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
    api = system.api();
    visitors = new Visitors(api);
    admin = system.adminHeaders();
    agent = system.user("inquiry.agent", List.of("user", "livechat-agent"));
    plainUser = system.user("inquiry.user", List.of("user"));
    assertThat(api.post("livechat/agent.status", agent, new JsonObject().put("status", "available")).status())
        .isEqualTo(200);
    Api.Response manual = api.post("settings/Livechat_Routing_Method", admin,
        new JsonObject().put("value", "Manual_Selection"));
    assertThat(manual.status()).as(manual.body()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  /** @return a new visitor's room, left queued by Manual_Selection, and its inquiry as getOne answers it */
  private static JsonObject queuedInquiry(JsonObject visitor) {
    String rid = visitors.createRoom(visitor.getString("token")).getString("_id");
    Api.Response response = api.get("livechat/inquiries.getOne?roomId=" + rid, admin);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().getJsonObject("inquiry");
  }

  private static Api.Response take(Map<String, String> caller, JsonObject body) {
    return api.post("livechat/inquiries.take", caller, body);
  }

  @Test
  @DisplayName("an agent takes a queued inquiry: getOne shows it taken, the room is served by the agent with one "
      + "subscription, and room.agent-changed is published")
  void takesAnInquiry() {
    JsonObject visitor = visitors.create();
    JsonObject inquiry = queuedInquiry(visitor);
    String rid = inquiry.getString("rid");
    assertThat(inquiry.getString("status")).isEqualTo("queued");
    assertThat(inquiry.getJsonObject("v").getString("_id")).isEqualTo(visitor.getString("_id"));
    assertThat(inquiry.getJsonObject("source").getString("type")).isEqualTo("api");

    Api.Response taken = take(agent, new JsonObject().put("inquiryId", inquiry.getString("_id")));

    assertThat(taken.status()).as(taken.body()).isEqualTo(200);
    assertThat(taken.json()).isEqualTo(new JsonObject().put("success", true));
    assertThat(api.get("livechat/inquiries.getOne?roomId=" + rid, admin).json().getJsonObject("inquiry")
        .getString("status")).isEqualTo("taken");
    JsonObject room = api.get("channels.info?roomId=" + rid, agent).json().getJsonObject("channel");
    assertThat(room.getJsonObject("servedBy").getString("_id")).isEqualTo(agent.get("X-User-Id"));
    assertThat(room.getInteger("usersCount")).isEqualTo(2);
    assertThat(system.mongo().find(Collections.SUBSCRIPTIONS, new JsonObject().put("rid", rid)).await())
        .singleElement().satisfies(subscription ->
            assertThat(subscription.getJsonObject("u").getString("_id")).isEqualTo(agent.get("X-User-Id")));
    assertThat(Events.read(system.bootstrapServers(), Topics.ROOM_EVENTS, record -> rid.equals(record.key())
        && EventType.ROOM_AGENT_CHANGED.type().equals(Events.header(record, "ce_type")), WAIT))
        .singleElement().satisfies(record -> assertThat(new JsonObject(record.value()).getJsonObject("agent")
            .getString("username")).isEqualTo("inquiry.agent"));
  }

  @Test
  @DisplayName("a taken inquiry, an unknown inquiry and an unknown userId answer Rocket.Chat's 400s and write nothing")
  void refusals() {
    JsonObject inquiry = queuedInquiry(visitors.create());
    JsonObject byId = new JsonObject().put("inquiryId", inquiry.getString("_id"));
    assertThat(take(agent, byId).status()).isEqualTo(200);
    StoreSnapshot before = StoreSnapshot.take(system);

    Api.Response again = take(agent, byId);
    Api.Response unknown = take(agent, new JsonObject().put("inquiryId", "no-such-inquiry"));
    Api.Response invalidUser = take(admin, byId.copy().put("userId", "no-such-user"));

    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json()).isEqualTo(error("Inquiry already taken [error-inquiry-taken]", "error-inquiry-taken"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json()).isEqualTo(error("Inquiry not found [error-not-found]", "error-not-found"));
    assertThat(invalidUser.status()).isEqualTo(400);
    assertThat(invalidUser.json()).isEqualTo(new JsonObject().put("success", false)
        .put("error", "The user is invalid"));
    assertThat(StoreSnapshot.take(system).changesSince(before)).isEmpty();
  }

  @Test
  @DisplayName("a user who is no available agent cannot take: error-agent-status-service-offline, nothing written")
  void notAnAgent() {
    JsonObject inquiry = queuedInquiry(visitors.create());
    StoreSnapshot before = StoreSnapshot.take(system);

    Api.Response response = take(admin, new JsonObject().put("inquiryId", inquiry.getString("_id"))
        .put("userId", plainUser.get("X-User-Id")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(error("Agent status is offline or Omnichannel service is not active "
        + "[error-agent-status-service-offline]", "error-agent-status-service-offline"));
    assertThat(StoreSnapshot.take(system).changesSince(before)).isEmpty();
  }

  @Test
  @DisplayName("without a session 401, without view-l-room 403, on both inquiry endpoints; nothing written")
  void permissions() {
    JsonObject inquiry = queuedInquiry(visitors.create());
    String getOne = "livechat/inquiries.getOne?roomId=" + inquiry.getString("rid");
    JsonObject byId = new JsonObject().put("inquiryId", inquiry.getString("_id"));
    StoreSnapshot before = StoreSnapshot.take(system);

    Api.Response anonymousRead = api.get(getOne, Map.of());
    Api.Response anonymousTake = take(Map.of(), byId);
    assertThat(anonymousRead.status()).isEqualTo(401);
    assertThat(anonymousRead.json()).isEqualTo(LOGGED_OUT);
    assertThat(anonymousTake.status()).isEqualTo(401);
    assertThat(anonymousTake.json()).isEqualTo(LOGGED_OUT);
    Api.Response forbiddenRead = api.get(getOne, plainUser);
    Api.Response forbiddenTake = take(plainUser, byId);
    assertThat(forbiddenRead.status()).isEqualTo(403);
    assertThat(forbiddenRead.json()).isEqualTo(FORBIDDEN);
    assertThat(forbiddenTake.status()).isEqualTo(403);
    assertThat(forbiddenTake.json()).isEqualTo(FORBIDDEN);
    assertThat(StoreSnapshot.take(system).changesSince(before)).isEmpty();
  }

  @Test
  @DisplayName("a non-string inquiryId, a missing roomId and a non-boolean loadValues are 400 invalid-params")
  void validation() {
    Api.Response objectId = take(admin, new JsonObject().put("inquiryId", new JsonObject().put("$ne", "x")));
    Api.Response noRoomId = api.get("livechat/inquiries.getOne", admin);
    Api.Response badFlag = api.get("licenses.info?loadValues=maybe", admin);

    assertThat(objectId.status()).isEqualTo(400);
    assertThat(objectId.json().getString("errorType")).isEqualTo("invalid-params");
    assertThat(objectId.json().getString("error")).contains("must be string");
    assertThat(noRoomId.status()).isEqualTo(400);
    assertThat(noRoomId.json().getString("error")).contains("must have required property 'roomId'");
    assertThat(badFlag.status()).isEqualTo(400);
    assertThat(badFlag.json().getString("errorType")).isEqualTo("invalid-params");
    assertThat(api.get("licenses.info", Map.of()).status()).isEqualTo(401);
  }

  @Test
  @DisplayName("licenses.info counts a visitor an agent answered this month once, and keeps it after the visitor's "
      + "GDPR removal")
  void monthlyActiveContacts() {
    long before = macValue();
    JsonObject visitor = visitors.create();
    String rid = queuedInquiry(visitor).getString("rid");
    take(agent, new JsonObject().put("inquiryId",
        api.get("livechat/inquiries.getOne?roomId=" + rid, admin).json().getJsonObject("inquiry").getString("_id")));
    api.post("chat.sendMessage", agent, new JsonObject().put("message", new JsonObject().put("rid", rid)
        .put("msg", "hello")));
    api.post("chat.sendMessage", agent, new JsonObject().put("message", new JsonObject().put("rid", rid)
        .put("msg", "again")));
    assertThat(macValue()).isEqualTo(before + 1);

    api.post("settings/Livechat_Allow_collect_and_store_HTTP_header_informations", admin,
        new JsonObject().put("value", true));
    Api.Response removed = api.send(HttpMethod.DELETE, "livechat/visitor/" + visitor.getString("token"), admin,
        null);
    assertThat(removed.status()).as(removed.body()).isEqualTo(200);

    assertThat(macValue()).isEqualTo(before + 1);
  }

  @Test
  @DisplayName("licenses.info answers Community Edition's shape: limits unlimited, values only with loadValues, "
      + "no limits without view-privileged-setting")
  void communityEdition() {
    JsonObject withValues = api.get("licenses.info?loadValues=true", admin).json().getJsonObject("license");
    JsonObject withoutValues = api.get("licenses.info", admin).json().getJsonObject("license");
    JsonObject unprivileged = api.get("licenses.info?loadValues=true", plainUser).json().getJsonObject("license");

    assertThat(withValues.getJsonObject("limits").fieldNames()).containsExactlyInAnyOrder("activeUsers",
        "guestUsers", "privateApps", "marketplaceApps", "monthlyActiveContacts");
    assertThat(withValues.getJsonObject("limits").getJsonObject("activeUsers").getInteger("max")).isEqualTo(-1);
    assertThat(withValues.getJsonObject("limits").getJsonObject("activeUsers").getLong("value")).isPositive();
    assertThat(withoutValues.getJsonObject("limits").getJsonObject("monthlyActiveContacts"))
        .isEqualTo(new JsonObject().put("max", -1));
    assertThat(unprivileged.getJsonObject("limits")).isEqualTo(new JsonObject());
    assertThat(unprivileged.getBoolean("trial")).isFalse();
    assertThat(unprivileged.getJsonArray("activeModules")).isEmpty();
    assertThat(unprivileged.getJsonObject("preventedActions").getBoolean("monthlyActiveContacts")).isFalse();
    assertThat(unprivileged.containsKey("license")).isFalse();
  }

  private static long macValue() {
    Api.Response response = api.get("licenses.info?loadValues=true", admin);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().getJsonObject("license").getJsonObject("limits").getJsonObject("monthlyActiveContacts")
        .getLong("value");
  }
}
