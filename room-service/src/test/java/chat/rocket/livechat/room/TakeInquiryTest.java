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
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.testkit.HandlerFixture;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code inquiry.take}: Rocket.Chat's {@code livechat/inquiries.take} and {@code RoutingManager.takeInquiry}. */
class TakeInquiryTest extends RoomHandlerTest {

  private Caller alice;
  private Caller bob;
  private String rid;
  private String inquiryId;

  @BeforeEach
  void queuedInquiry() {
    fixture.setting(Setting.LIVECHAT_ROUTING_METHOD, "Manual_Selection");
    alice = caller(fixture.agent("alice", "online", "available"));
    bob = caller(fixture.agent("bob", "online", "available"));
    rid = await(fixture.getOrCreate(RoomFixture.body(fixture.visitor("Visitor")))).getJsonObject("room")
        .getString("_id");
    inquiryId = inquiry().getString("_id");
    fixture.published.clear();
  }

  private static Caller caller(JsonObject user) {
    return new Caller(user.getString("_id"), user.getString("username"), List.of("livechat-agent"));
  }

  private Future<JsonObject> take(Caller caller, JsonObject body) {
    return fixture.takeInquiry.handle(command(CommandType.INQUIRY_TAKE, caller, body));
  }

  /** @return the code the take fails with */
  private ErrorCode refusal(Caller caller, JsonObject body) {
    return failure(take(caller, body)).code();
  }

  private JsonObject ofInquiry() {
    return new JsonObject().put("inquiryId", inquiryId);
  }

  private JsonObject inquiry() {
    return fixture.findOne(Collections.INQUIRIES, new JsonObject().put("rid", rid));
  }

  private JsonObject room() {
    return fixture.findOne(Collections.ROOMS, new JsonObject().put("_id", rid));
  }

  private List<JsonObject> subscriptions() {
    return fixture.find(Collections.SUBSCRIPTIONS, new JsonObject().put("rid", rid));
  }

  @Test
  @DisplayName("the caller takes a queued inquiry: inquiry taken, room served, one subscription, two room events")
  void takes() {
    assertThat(await(take(alice, ofInquiry()))).isEqualTo(new JsonObject());

    assertThat(inquiry().getString("status")).isEqualTo("taken");
    assertThat(inquiry().getValue("takenAt")).isNotNull();
    assertThat(inquiry().getJsonObject("defaultAgent"))
        .isEqualTo(new JsonObject().put("agentId", alice.userId()).put("username", "alice"));
    assertThat(room().getJsonObject("servedBy").getString("_id")).isEqualTo(alice.userId());
    assertThat(room().getJsonObject("servedBy").getString("username")).isEqualTo("alice");
    assertThat(room().getInteger("usersCount")).isEqualTo(2);
    assertThat(subscriptions()).singleElement().satisfies(subscription -> {
      assertThat(subscription.getJsonObject("u").getString("_id")).isEqualTo(alice.userId());
      assertThat(subscription.getString("t")).isEqualTo("l");
      assertThat(subscription.getBoolean("open")).isTrue();
    });
    assertThat(fixture.published).extracting(HandlerFixture.Published::type)
        .containsExactly(EventType.ROOM_UPDATED, EventType.ROOM_AGENT_CHANGED);
    assertThat(fixture.published.get(1).document().getJsonObject("servedBy").getString("_id"))
        .isEqualTo(alice.userId());
  }

  @Test
  @DisplayName("a userId names the agent who takes it, whoever calls")
  void takesForAnotherAgent() {
    await(take(bob, ofInquiry().put("userId", alice.userId())));

    assertThat(room().getJsonObject("servedBy").getString("_id")).isEqualTo(alice.userId());
  }

  @Test
  @DisplayName("a userId naming no user is 'The user is invalid' and writes nothing")
  void unknownUser() {
    assertThat(refusal(alice, ofInquiry().put("userId", "nobody"))).isEqualTo(ErrorCode.INQUIRY_USER_INVALID);

    assertThat(inquiry().getString("status")).isEqualTo("queued");
    assertThat(room().containsKey("servedBy")).isFalse();
  }

  @Test
  @DisplayName("an unknown inquiry is error-not-found")
  void unknownInquiry() {
    assertThat(refusal(alice, new JsonObject().put("inquiryId", "nope"))).isEqualTo(ErrorCode.INQUIRY_NOT_FOUND);
  }

  @Test
  @DisplayName("an agent who is not available, or offline, gets error-agent-status-service-offline; nothing written")
  void unavailableAgent() {
    Caller away = caller(fixture.agent("carol", "online", "not-available"));
    Caller offline = caller(fixture.agent("dave", "offline", "available"));

    assertThat(refusal(away, ofInquiry())).isEqualTo(ErrorCode.AGENT_OFFLINE);
    assertThat(refusal(offline, ofInquiry())).isEqualTo(ErrorCode.AGENT_OFFLINE);
    assertThat(inquiry().getString("status")).isEqualTo("queued");
    assertThat(subscriptions()).isEmpty();
  }

  @Test
  @DisplayName("a taken inquiry cannot be taken again, by another agent or by the same one: still one subscription")
  void alreadyTaken() {
    await(take(alice, ofInquiry()));

    assertThat(refusal(bob, ofInquiry())).isEqualTo(ErrorCode.INQUIRY_TAKEN);
    assertThat(refusal(alice, ofInquiry())).isEqualTo(ErrorCode.INQUIRY_TAKEN);
    assertThat(subscriptions()).hasSize(1);
    assertThat(room().getInteger("usersCount")).isEqualTo(2);
    assertThat(room().getJsonObject("servedBy").getString("_id")).isEqualTo(alice.userId());
  }

  @Test
  @DisplayName("a redelivered take after only the inquiry was claimed finishes the assignment once")
  void redeliveryFinishes() {
    JsonObject claimedOnly = new JsonObject().put("status", "taken")
        .put("defaultAgent", new JsonObject().put("agentId", alice.userId()).put("username", "alice"));
    await(fixture.mongo.updateCollection(Collections.INQUIRIES, new JsonObject().put("_id", inquiryId),
        new JsonObject().put("$set", claimedOnly)));

    await(take(alice, ofInquiry()));
    assertThat(refusal(alice, ofInquiry())).isEqualTo(ErrorCode.INQUIRY_TAKEN);

    assertThat(room().getJsonObject("servedBy").getString("_id")).isEqualTo(alice.userId());
    assertThat(room().getInteger("usersCount")).isEqualTo(2);
    assertThat(subscriptions()).hasSize(1);
  }

  @Test
  @DisplayName("an inquiry whose room is gone is error-mac-limit-reached")
  void roomGone() {
    await(fixture.mongo.removeDocument(Collections.ROOMS, new JsonObject().put("_id", rid)));

    assertThat(refusal(alice, ofInquiry())).isEqualTo(ErrorCode.MAC_LIMIT_REACHED);
    assertThat(inquiry().getString("status")).isEqualTo("queued");
  }
}
