package chat.rocket.livechat.gateway.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.testkit.DdpClient;
import chat.rocket.livechat.testkit.FutureAwait;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The DDP session's state machine through a real websocket: messages in, frames out (Meteor's texts). */
class DdpProtocolTest {

  private static DdpTestServer server;

  @BeforeAll
  static void start() {
    server = new DdpTestServer(Map.of(ConfigKey.DDP_MAX_FRAME_BYTES.name(), "1024",
        ConfigKey.DDP_MAX_CONNECTIONS.name(), "3"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("connect answers connected with a 17-character session id, and ping is answered by pong with its id")
  void connectAndPing() {
    try (DdpClient client = server.open()) {
      JsonObject connected = client.connect();
      assertThat(connected.getString("msg")).isEqualTo("connected");
      assertThat(connected.getString("session")).hasSize(17);
      client.send(new JsonObject().put("msg", "ping").put("id", "p1"));
      assertThat(client.next()).isEqualTo(new JsonObject().put("msg", "pong").put("id", "p1"));
      client.send(new JsonObject().put("msg", "ping"));
      assertThat(client.next()).isEqualTo(new JsonObject().put("msg", "pong"));
    }
  }

  @Test
  @DisplayName("a message before connect is answered 'Must connect first' with the offending message")
  void mustConnectFirst() {
    try (DdpClient client = server.open()) {
      JsonObject ping = new JsonObject().put("msg", "ping");
      client.send(ping);
      assertThat(client.next()).isEqualTo(new JsonObject().put("msg", "error").put("reason", "Must connect first")
          .put("offendingMessage", ping));
    }
  }

  @Test
  @DisplayName("a connect for another DDP version is answered failed with version 1 and the socket is closed")
  void unsupportedVersion() {
    try (DdpClient client = server.open()) {
      client.send(new JsonObject().put("msg", "connect").put("version", "pre1").put("support",
          new JsonArray().add("pre1")));
      assertThat(client.next()).isEqualTo(new JsonObject().put("msg", "failed").put("version", "1"));
      client.awaitClose();
    }
  }

  @Test
  @DisplayName("malformed JSON, a JSON value that is no message and an unknown msg get DDP errors; the socket stays")
  void badFramesAreErrors() {
    try (DdpClient client = server.open()) {
      client.connect();
      client.sendText("{not json");
      assertThat(client.next()).isEqualTo(new JsonObject().put("msg", "error").put("reason", "Parse error"));
      client.sendText("[1,2]");
      assertThat(client.next()).isEqualTo(new JsonObject().put("msg", "error").put("reason", "Bad request")
          .put("offendingMessage", new JsonArray().add(1).add(2)));
      JsonObject unknown = new JsonObject().put("msg", "launch");
      client.send(unknown);
      assertThat(client.next()).isEqualTo(new JsonObject().put("msg", "error").put("reason", "Bad request")
          .put("offendingMessage", unknown));
      JsonObject malformedSub = new JsonObject().put("msg", "sub").put("id", 7).put("name", "x");
      client.send(malformedSub);
      assertThat(client.next()).isEqualTo(new JsonObject().put("msg", "error")
          .put("reason", "Malformed subscription").put("offendingMessage", malformedSub));
      client.send(new JsonObject().put("msg", "ping").put("id", "still-here"));
      assertThat(client.next().getString("id")).isEqualTo("still-here");
    }
  }

  @Test
  @DisplayName("a message over DDP_MAX_FRAME_BYTES gets 'Frame too large' and closes that socket (1009) only")
  void oversizedMessage() {
    try (DdpClient big = server.open(); DdpClient other = server.open()) {
      big.connect();
      other.connect();
      big.sendText("{\"msg\":\"ping\",\"id\":\"" + "x".repeat(1100) + "\"}");
      assertThat(big.next()).isEqualTo(new JsonObject().put("msg", "error").put("reason", "Frame too large"));
      assertThat(big.awaitClose()).isEqualTo((short) 1009);
      other.send(new JsonObject().put("msg", "ping").put("id", "fine"));
      assertThat(other.next().getString("id")).isEqualTo("fine");
    }
  }

  @Test
  @DisplayName("a silent socket gets the server's ping and is closed with 1001; one that answers stays open")
  void heartbeat() {
    try (DdpTestServer beating = new DdpTestServer(Map.of(ConfigKey.DDP_PING_INTERVAL_MS.name(), "200",
        ConfigKey.DDP_PING_TIMEOUT_MS.name(), "300"));
         DdpClient answering = beating.open(); DdpClient silent = beating.openSilent()) {
      answering.connect();
      silent.connect();
      assertThat(silent.next()).isEqualTo(new JsonObject().put("msg", "ping"));
      assertThat(silent.awaitClose()).isEqualTo((short) 1001);
      assertThat(answering.isClosed()).isFalse();
      answering.send(new JsonObject().put("msg", "ping").put("id", "alive"));
      assertThat(answering.next()).isEqualTo(new JsonObject().put("msg", "pong").put("id", "alive"));
    }
  }

  @Test
  @DisplayName("an upgrade beyond DDP_MAX_CONNECTIONS is refused with 503, another path with 404")
  void connectionLimitAndPath() {
    Awaitility.await().atMost(FutureAwait.TIMEOUT).until(() -> server.hub.connections() == 0);
    try (DdpClient a = server.open(); DdpClient b = server.open(); DdpClient c = server.open()) {
      a.connect();
      UpgradeRejectedException refused = FutureAwait.awaitFailure(server.store.vertx().createWebSocketClient()
          .connect(new WebSocketConnectOptions().setPort(server.port()).setHost("127.0.0.1").setURI("/websocket")),
          UpgradeRejectedException.class);
      assertThat(refused.getStatus()).isEqualTo(503);
    }
    UpgradeRejectedException wrongPath = FutureAwait.awaitFailure(server.store.vertx().createWebSocketClient()
        .connect(new WebSocketConnectOptions().setPort(server.port()).setHost("127.0.0.1").setURI("/sockjs")),
        UpgradeRejectedException.class);
    assertThat(wrongPath.getStatus()).isEqualTo(404);
  }
}
