package chat.rocket.livechat.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;

/**
 * One visitor's DDP connection to the gateway's {@code /websocket}, subscribed to its room's
 * {@code stream-room-messages} exactly as {@code @rocket.chat/ddp-client} 1.1.x's {@code LivechatClientImpl} does:
 * {@code {"msg":"sub","name":"stream-room-messages","params":[rid, {"useCollection":false,
 * "args":[{"token":…,"visitorToken":…}]}]}}. It answers the server's pings and hands every message pushed on the
 * stream ({@code fields.args[0]}) to the listener.
 */
final class DdpSocket {

  private static final String STREAM = "stream-room-messages";

  private final WebSocket socket;
  private final Promise<Void> subscribed = Promise.promise();

  private DdpSocket(WebSocket socket, Consumer<JsonObject> onMessage) {
    this.socket = socket;
    socket.textMessageHandler(text -> receive(new JsonObject(text), onMessage));
    socket.closeHandler(v -> subscribed.tryFail("socket closed before the subscription was ready"));
  }

  /**
   * Opens the socket, sends DDP {@code connect} and the subscription.
   *
   * @param client    the shared WebSocket client
   * @param port      the gateway's HTTP port on 127.0.0.1
   * @param rid       the room to follow
   * @param token     the room's visitor token
   * @param onMessage receives each pushed message document (dates as {@code {"$date": ms}})
   * @return the socket once the server answered {@code ready}; failed on {@code nosub}, an error or a close
   */
  static Future<DdpSocket> open(WebSocketClient client, int port, String rid, String token,
                                Consumer<JsonObject> onMessage) {
    return client.connect(port, "127.0.0.1", "/websocket")
        .compose(socket -> new DdpSocket(socket, onMessage).subscribe(rid, token));
  }

  /** @return closes the socket */
  Future<Void> close() {
    return socket.close();
  }

  private Future<DdpSocket> subscribe(String rid, String token) {
    JsonObject credentials = new JsonObject().put("token", token).put("visitorToken", token);
    socket.writeTextMessage(new JsonObject().put("msg", "connect").put("version", "1")
        .put("support", new JsonArray().add("1")).encode());
    socket.writeTextMessage(new JsonObject().put("msg", "sub").put("id", "sub-" + rid).put("name", STREAM)
        .put("params", new JsonArray().add(rid).add(new JsonObject().put("useCollection", false)
            .put("args", new JsonArray().add(credentials)))).encode());
    return subscribed.future().map(this);
  }

  private void receive(JsonObject frame, Consumer<JsonObject> onMessage) {
    switch (frame.getString("msg", "")) {
      case "ping" -> socket.writeTextMessage(pong(frame));
      case "ready" -> subscribed.tryComplete();
      case "nosub", "error" -> subscribed.tryFail("subscription refused: " + frame.encode());
      case "changed" -> {
        JsonObject fields = frame.getJsonObject("fields", new JsonObject());
        JsonArray args = fields.getJsonArray("args", new JsonArray());
        if (STREAM.equals(frame.getString("collection")) && !args.isEmpty()) {
          onMessage.accept(args.getJsonObject(0));
        }
      }
      default -> {
      }
    }
  }

  private static String pong(JsonObject ping) {
    JsonObject pong = new JsonObject().put("msg", "pong");
    if (ping.containsKey("id")) {
      pong.put("id", ping.getValue("id"));
    }
    return pong.encode();
  }
}
