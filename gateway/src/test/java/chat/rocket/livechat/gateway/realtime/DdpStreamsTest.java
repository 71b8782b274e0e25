package chat.rocket.livechat.gateway.realtime;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.gateway.auth.Authenticator;
import chat.rocket.livechat.testkit.DdpClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Subscriptions, methods and delivery of the DDP session, through a real websocket. */
class DdpStreamsTest {

  private static final String RID = DdpTestServer.RID;
  private static DdpTestServer server;

  @BeforeAll
  static void start() {
    server = new DdpTestServer(Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The params {@code @rocket.chat/ddp-client} sends: {@code [eventName, {useCollection: false, args: [{..}]}]}. */
  private static JsonArray params(String eventName, String token) {
    JsonObject extra = new JsonObject().put("token", token).put("visitorToken", token);
    return new JsonArray().add(eventName).add(new JsonObject().put("useCollection", false)
        .put("args", new JsonArray().add(extra)));
  }

  private static JsonObject notAllowed(String id) {
    return new JsonObject().put("msg", "nosub").put("id", id).put("error", new JsonObject().put("isClientSafe", true)
        .put("error", "not-allowed").put("message", "[not-allowed]").put("errorType", "Meteor.Error"));
  }

  @Test
  @DisplayName("a visitor with the room's token subscribes once per room and receives its messages with $date dates")
  void visitorReceivesMessages() {
    try (DdpClient client = server.open()) {
      client.connect();
      int checks = server.accessChecks.size();
      String messages = client.sub("stream-room-messages", params(RID, DdpTestServer.VISITOR_TOKEN));
      assertThat(client.next()).isEqualTo(new JsonObject().put("msg", "ready").put("subs", new JsonArray()
          .add(messages)));
      String deletes = client.sub("stream-notify-room", params(RID + "/deleteMessage", DdpTestServer.VISITOR_TOKEN));
      assertThat(client.next().getJsonArray("subs")).containsExactly(deletes);
      assertThat(server.accessChecks.subList(checks, server.accessChecks.size())).containsExactly(new JsonObject()
          .put("rid", RID).put("token", DdpTestServer.VISITOR_TOKEN).put("type", "room.check-access").put("key", RID)
          .putNull("caller"));
      JsonObject message = new JsonObject().put("_id", "m1").put("rid", RID).put("msg", "2026-01-01T00:00:00.000Z")
          .put("ts", "2026-01-02T03:04:05.006Z");
      server.hub.deliver(RID, StreamEvents.frames(EventType.MESSAGE_CREATED, RID, new JsonObject()
          .put("message", message)), null);
      JsonObject changed = client.next();
      assertThat(changed).isEqualTo(new JsonObject().put("msg", "changed").put("collection", "stream-room-messages")
          .put("id", "id").put("fields", new JsonObject().put("eventName", RID).put("args", new JsonArray()
              .add(message.copy().put("ts", new JsonObject().put("$date", 1767323045006L))))));
    }
  }

  @Test
  @DisplayName("a wrong token, a token that is an object and an unknown stream are refused with Meteor's errors")
  void refusals() {
    try (DdpClient client = server.open()) {
      client.connect();
      String wrong = client.sub("stream-room-messages", params(RID, "someone-else"));
      assertThat(client.next()).isEqualTo(notAllowed(wrong));
      int checks = server.accessChecks.size();
      JsonArray objectToken = new JsonArray().add(RID).add(new JsonObject().put("args", new JsonArray()
          .add(new JsonObject().put("token", new JsonObject().put("$ne", "")))));
      String injected = client.sub("stream-room-messages", objectToken);
      assertThat(client.next()).isEqualTo(notAllowed(injected));
      assertThat(server.accessChecks).hasSize(checks);
      String unknown = client.sub("meteor_autoupdate_clientVersions", new JsonArray());
      assertThat(client.next()).isEqualTo(new JsonObject().put("msg", "nosub").put("id", unknown).put("error",
          new JsonObject().put("isClientSafe", true).put("error", 404)
              .put("reason", "Subscription 'meteor_autoupdate_clientVersions' not found")
              .put("message", "Subscription 'meteor_autoupdate_clientVersions' not found [404]")
              .put("errorType", "Meteor.Error")));
    }
  }

  @Test
  @DisplayName("unsub answers nosub and the room's events stop reaching that socket")
  void unsubscribeStopsDelivery() {
    try (DdpClient client = server.open()) {
      client.connect();
      String id = client.sub("stream-room-messages", params(RID, DdpTestServer.VISITOR_TOKEN));
      client.next();
      client.send(new JsonObject().put("msg", "unsub").put("id", id));
      assertThat(client.next()).isEqualTo(new JsonObject().put("msg", "nosub").put("id", id));
      int pushed = server.hub.deliver(RID, StreamEvents.frames(EventType.MESSAGE_CREATED, RID, new JsonObject()
          .put("message", new JsonObject().put("_id", "m2"))), null);
      assertThat(pushed).isZero();
      client.send(new JsonObject().put("msg", "ping").put("id", "after"));
      assertThat(client.next()).isEqualTo(new JsonObject().put("msg", "pong").put("id", "after"));
    }
  }

  @Test
  @DisplayName("livechat:setUpConnection lends its token to later subscriptions; an unknown method is a 404")
  void setUpConnectionAndUnknownMethod() {
    try (DdpClient client = server.open()) {
      client.connect();
      String setUp = client.method("livechat:setUpConnection", new JsonArray().add(new JsonObject()
          .put("token", DdpTestServer.VISITOR_TOKEN)));
      assertThat(client.next()).isEqualTo(new JsonObject().put("msg", "updated").put("methods", new JsonArray()
          .add(setUp)));
      assertThat(client.next()).isEqualTo(new JsonObject().put("msg", "result").put("id", setUp));
      String sub = client.sub("stream-livechat-room", new JsonArray().add(RID).add(false));
      assertThat(client.next().getJsonArray("subs")).containsExactly(sub);
      String unknown = client.method("sendMessage", new JsonArray());
      client.next();
      assertThat(client.next()).isEqualTo(new JsonObject().put("msg", "result").put("id", unknown).put("error",
          new JsonObject().put("isClientSafe", true).put("error", 404).put("reason", "Method 'sendMessage' not found")
              .put("message", "Method 'sendMessage' not found [404]").put("errorType", "Meteor.Error")));
    }
  }

  @Test
  @DisplayName("typing is published as a room.activity event without the token and never comes back to its sender")
  void typingIsPublishedAndNotEchoed() {
    try (DdpClient visitor = server.open(); DdpClient agent = server.open()) {
      String session = visitor.connect().getString("session");
      agent.connect();
      String token = agentToken();
      agent.method("login", new JsonArray().add(new JsonObject().put("resume", token)));
      JsonObject login = agent.next(frame -> "result".equals(frame.getString("msg"))).getJsonObject("result");
      assertThat(login.getString("token")).isEqualTo(token);
      assertThat(login.getString("type")).isEqualTo("resume");
      assertThat(login.getJsonObject("tokenExpires").getLong("$date"))
          .isGreaterThan(System.currentTimeMillis() + Duration.ofDays(89).toMillis());
      String typingSub = agent.sub("stream-notify-room", new JsonArray().add(RID + "/typing").add(false));
      assertThat(agent.next().getJsonArray("subs")).containsExactly(typingSub);
      visitor.sub("stream-notify-room", params(RID + "/typing", DdpTestServer.VISITOR_TOKEN));
      visitor.next();
      int published = server.activity.size();
      String call = visitor.method("stream-notify-room", new JsonArray().add(RID + "/typing").add("guest-1")
          .add(true).add(new JsonObject().put("token", DdpTestServer.VISITOR_TOKEN)));
      assertThat(visitor.next(frame -> "result".equals(frame.getString("msg")))).isEqualTo(new JsonObject()
          .put("msg", "result").put("id", call));
      JsonObject event = server.activity.get(published);
      assertThat(event).isEqualTo(StreamEvents.activity(RID, "guest-1", new JsonArray().add("user-typing"),
          new JsonObject(), session).put("subject", RID).put("type", EventType.ROOM_ACTIVITY.type()));
      server.hub.deliver(RID, StreamEvents.frames(EventType.ROOM_ACTIVITY, RID, event), session);
      assertThat(agent.next().getJsonObject("fields")).isEqualTo(new JsonObject().put("eventName", RID + "/typing")
          .put("args", new JsonArray().add("guest-1").add(true)));
      visitor.send(new JsonObject().put("msg", "ping").put("id", "no-echo"));
      assertThat(visitor.next()).isEqualTo(new JsonObject().put("msg", "pong").put("id", "no-echo"));
    }
  }

  @Test
  @DisplayName("a resume login with an unknown token is refused with Meteor's 403")
  void unknownResumeToken() {
    try (DdpClient client = server.open()) {
      client.connect();
      String call = client.method("login", new JsonArray().add(new JsonObject().put("resume", "nobody")));
      client.next();
      assertThat(client.next().getJsonObject("error")).isEqualTo(new JsonObject().put("isClientSafe", true)
          .put("error", 403).put("reason", "You've been logged out by the server. Please log in again.")
          .put("message", "You've been logged out by the server. Please log in again. [403]")
          .put("errorType", "Meteor.Error"));
      assertThat(call).isNotEmpty();
    }
  }

  /** @return the login token of a new agent in the store */
  private static String agentToken() {
    String token = "agent-token-" + System.nanoTime();
    JsonObject user = new JsonObject().put("_id", "agent-" + token).put("username", "agent")
        .put("roles", new JsonArray().add("livechat-agent")).put("services", new JsonObject().put("resume",
            new JsonObject().put("loginTokens", new JsonArray().add(new JsonObject()
                .put("hashedToken", Authenticator.hashLoginToken(token))))));
    await(server.mongo.insert(Collections.USERS, user));
    return token;
  }
}
