package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.kafka.EventPublisher;
import chat.rocket.livechat.platform.kafka.KafkaClients;
import chat.rocket.livechat.platform.rocketchat.Ids;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.platform.runtime.Meters;
import chat.rocket.livechat.testkit.DdpClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.producer.KafkaProducer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Realtime over DDP through the whole system (DESIGN.md, Conversation and realtime): websockets on the gateway, room
 * events and typing through Kafka, access through {@code room.check-access} in the room-service, and a second gateway
 * whose sockets get the same events. Message events are published here as the room-service publishes them (a
 * {@code message.created} CloudEvent keyed by rid with the stored message, ISO dates).
 */
class RealtimeTest {

  private static TestSystem system;
  private static Vertx vertx;
  private static EventPublisher events;
  private static SecondGateway second;
  private JsonObject visitor;
  private String rid;

  @BeforeAll
  static void start() {
    system = TestSystem.start(Map.of(ConfigKey.DDP_PING_INTERVAL_MS.env(), "300",
        ConfigKey.DDP_PING_TIMEOUT_MS.env(), "300", ConfigKey.DDP_MAX_FRAME_BYTES.env(), "4096"));
    vertx = Vertx.vertx();
    events = new EventPublisher(KafkaProducer.create(vertx, KafkaClients.producer(system.config())),
        Meters.registry(vertx));
    second = new SecondGateway(system);
  }

  @AfterAll
  static void stop() {
    second.close();
    vertx.close().await();
    system.close();
  }

  @BeforeEach
  void visitorWithRoom() {
    Visitors visitors = new Visitors(system.api());
    visitor = visitors.create();
    rid = visitors.createRoom(visitor.getString("token")).getString("_id");
  }

  private DdpClient open() {
    DdpClient client = DdpClient.open(vertx, ConfigKey.PORT.getInt(system.config()));
    client.connect();
    return client;
  }

  private DdpClient openOnSecond() {
    DdpClient client = DdpClient.open(vertx, second.port());
    client.connect();
    return client;
  }

  /** The params {@code @rocket.chat/ddp-client} subscribes with. */
  private static JsonArray params(String eventName, String token) {
    JsonObject extra = new JsonObject().put("token", token).put("visitorToken", token);
    return new JsonArray().add(eventName).add(new JsonObject().put("useCollection", false)
        .put("args", new JsonArray().add(extra)));
  }

  private static void subscribed(DdpClient client, String name, JsonArray params) {
    String id = client.sub(name, params);
    assertThat(client.next()).isEqualTo(new JsonObject().put("msg", "ready").put("subs", new JsonArray().add(id)));
  }

  /** Logs the seeded admin (the agent serving every room) in over DDP with the token of a REST login. */
  private static void loginAgent(DdpClient client) {
    String token = system.adminHeaders().get("X-Auth-Token");
    String call = client.method("login", new JsonArray().add(new JsonObject().put("resume", token)));
    JsonObject result = client.next(frame -> "result".equals(frame.getString("msg")));
    assertThat(result.getString("id")).isEqualTo(call);
    assertThat(result.getJsonObject("result").getString("type")).isEqualTo("resume");
    assertThat(result.getJsonObject("result").getJsonObject("tokenExpires").getLong("$date"))
        .isGreaterThan(System.currentTimeMillis());
  }

  /** @return the message, as a {@code message.created} event published on {@code livechat.room.events} */
  private JsonObject publishMessage(String text) {
    JsonObject message = new JsonObject().put("_id", Ids.randomId()).put("rid", rid).put("msg", text)
        .put("ts", "2026-03-04T05:06:07.089Z").put("u", new JsonObject().put("_id", "agent").put("username", "a"))
        .put("_updatedAt", "2026-03-04T05:06:07.089Z");
    events.publish(EventType.MESSAGE_CREATED, UUID.randomUUID().toString(), OffsetDateTime.now(), rid,
        Buffer.buffer(new JsonObject().put("message", message).encode())).await();
    return message;
  }

  private static JsonObject changedMessage(JsonObject frame) {
    assertThat(frame.getString("msg")).isEqualTo("changed");
    assertThat(frame.getString("collection")).isEqualTo("stream-room-messages");
    return frame.getJsonObject("fields").getJsonArray("args").getJsonObject(0);
  }

  @Test
  @DisplayName("the visitor's token subscribes to its room's messages and a message event arrives with $date dates")
  void visitorReceivesMessageEvents() {
    try (DdpClient client = open()) {
      client.send(new JsonObject().put("msg", "ping").put("id", "1"));
      assertThat(client.next()).isEqualTo(new JsonObject().put("msg", "pong").put("id", "1"));
      subscribed(client, "stream-room-messages", params(rid, visitor.getString("token")));
      JsonObject message = publishMessage("hello");
      JsonObject received = changedMessage(client.next());
      assertThat(received).isEqualTo(message.copy().put("ts", new JsonObject().put("$date", 1772600767089L))
          .put("_updatedAt", new JsonObject().put("$date", 1772600767089L)));
      Scrape metrics = Scrape.of(system.api());
      assertThat(metrics.value("livechat_ddp_connections").orElseThrow()).isPositive();
      assertThat(metrics.value("livechat_ddp_frames_pushed_total").orElseThrow()).isPositive();
    }
  }

  @Test
  @DisplayName("another token is refused with nosub not-allowed, as Rocket.Chat's streamer answers")
  void wrongTokenIsRefused() {
    try (DdpClient client = open()) {
      String id = client.sub("stream-room-messages", params(rid, TestSystem.randomToken()));
      assertThat(client.next()).isEqualTo(new JsonObject().put("msg", "nosub").put("id", id).put("error",
          new JsonObject().put("isClientSafe", true).put("error", "not-allowed").put("message", "[not-allowed]")
              .put("errorType", "Meteor.Error")));
    }
  }

  @Test
  @DisplayName("typing goes from the visitor to the agent through the short-lived activity topic, never stored")
  void typingIsRelayedNotStored() throws Exception {
    try (DdpClient visitorSocket = open(); DdpClient agent = open()) {
      loginAgent(agent);
      subscribed(agent, "stream-notify-room", new JsonArray().add(rid + "/user-activity").add(false));
      subscribed(agent, "stream-notify-room", new JsonArray().add(rid + "/typing").add(false));
      String token = visitor.getString("token");
      subscribed(visitorSocket, "stream-notify-room", params(rid + "/user-activity", token));
      String username = visitor.getString("username");
      visitorSocket.method("stream-notify-room", new JsonArray().add(rid + "/user-activity").add(username)
          .add(new JsonArray().add("user-typing")).add(new JsonObject().put("token", token)));
      List<JsonObject> fields = List.of(agent.next().getJsonObject("fields"), agent.next().getJsonObject("fields"));
      assertThat(fields).containsExactlyInAnyOrder(
          new JsonObject().put("eventName", rid + "/user-activity").put("args", new JsonArray().add(username)
              .add(new JsonArray().add("user-typing")).add(new JsonObject())),
          new JsonObject().put("eventName", rid + "/typing").put("args", new JsonArray().add(username).add(true)));
      assertThat(visitorSocket.next().getString("msg")).isEqualTo("updated");
      assertThat(visitorSocket.next().getString("msg")).isEqualTo("result");
      visitorSocket.send(new JsonObject().put("msg", "ping").put("id", "no-echo"));
      assertThat(visitorSocket.next()).isEqualTo(new JsonObject().put("msg", "pong").put("id", "no-echo"));
    }
    assertThat(system.findOne(Collections.MESSAGES, new JsonObject().put("rid", rid))).isNull();
    assertThat(activityRetention()).isEqualTo(Long.toString(Topics.ACTIVITY_RETENTION_MS));
  }

  @Test
  @DisplayName("oversized, malformed and unknown frames get DDP errors while another socket keeps its events")
  void badFramesHurtNoOtherSocket() {
    try (DdpClient hostile = open(); DdpClient visitorSocket = open()) {
      subscribed(visitorSocket, "stream-room-messages", params(rid, visitor.getString("token")));
      hostile.sendText("{\"msg\":");
      assertThat(hostile.next().getString("reason")).isEqualTo("Parse error");
      hostile.send(new JsonObject().put("msg", "explode"));
      assertThat(hostile.next().getString("reason")).isEqualTo("Bad request");
      hostile.sendText("{\"msg\":\"ping\",\"id\":\"" + "x".repeat(5000) + "\"}");
      assertThat(hostile.next().getString("reason")).isEqualTo("Frame too large");
      assertThat(hostile.awaitClose()).isEqualTo((short) 1009);
      JsonObject message = publishMessage("still here");
      assertThat(changedMessage(visitorSocket.next()).getString("_id")).isEqualTo(message.getString("_id"));
    }
  }

  @Test
  @DisplayName("a socket that stops answering the gateway's pings is closed")
  void silentSocketIsClosed() {
    try (DdpClient silent = DdpClient.openSilent(vertx, ConfigKey.PORT.getInt(system.config()))) {
      silent.connect();
      assertThat(silent.next()).isEqualTo(new JsonObject().put("msg", "ping"));
      assertThat(silent.awaitClose()).isEqualTo((short) 1001);
    }
  }

  @Test
  @DisplayName("an event published once reaches the sockets of both gateways, and typing crosses gateways too")
  void twoGateways() {
    try (DdpClient visitorSocket = open(); DdpClient agent = openOnSecond()) {
      subscribed(visitorSocket, "stream-room-messages", params(rid, visitor.getString("token")));
      loginAgent(agent);
      subscribed(agent, "stream-room-messages", new JsonArray().add(rid).add(false));
      subscribed(agent, "stream-notify-room", new JsonArray().add(rid + "/typing").add(false));
      JsonObject message = publishMessage("to both");
      assertThat(changedMessage(visitorSocket.next()).getString("_id")).isEqualTo(message.getString("_id"));
      assertThat(changedMessage(agent.next()).getString("_id")).isEqualTo(message.getString("_id"));
      visitorSocket.method("stream-notify-room", new JsonArray().add(rid + "/typing")
          .add(visitor.getString("username")).add(true).add(new JsonObject().put("token", visitor.getString("token"))));
      assertThat(agent.next().getJsonObject("fields")).isEqualTo(new JsonObject().put("eventName", rid + "/typing")
          .put("args", new JsonArray().add(visitor.getString("username")).add(true)));
    }
  }

  private static String activityRetention() throws Exception {
    Properties settings = new Properties();
    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers());
    try (Admin admin = Admin.create(settings)) {
      ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ROOM_ACTIVITY);
      return admin.describeConfigs(List.of(topic)).all().get(Duration.ofSeconds(10).toMillis(),
          java.util.concurrent.TimeUnit.MILLISECONDS).get(topic).get(TopicConfig.RETENTION_MS_CONFIG).value();
    }
  }
}
