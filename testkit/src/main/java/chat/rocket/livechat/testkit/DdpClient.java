package chat.rocket.livechat.testkit;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A DDP client for tests over a real Vert.x websocket, speaking the frames a Rocket.Chat client sends (plain JSON text,
 * no SockJS) and keeping every frame it receives in order. Like a real client it answers the server's {@code ping}
 * with a {@code pong} by itself (those pings are not kept); one opened with {@link #openSilent} does not, so a test
 * can play a client that stopped answering. {@link #connect()} sends {@code connect} and waits for
 * {@code connected}. Blocking waits for test threads only, each bounded by {@link FutureAwait#TIMEOUT}.
 */
public final class DdpClient implements AutoCloseable {

  private final WebSocketClient client;
  private final WebSocket socket;
  private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
  private final CompletableFuture<Short> closed = new CompletableFuture<>();
  private int ids;

  private DdpClient(WebSocketClient client, WebSocket socket, boolean answerPings) {
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(text -> {
      JsonObject frame = new JsonObject(text);
      if (answerPings && "ping".equals(frame.getValue("msg")) && !frame.containsKey("id")) {
        socket.writeTextMessage(new JsonObject().put("msg", "pong").encode());
      } else {
        received.add(frame);
      }
    });
    socket.closeHandler(v -> closed.complete(socket.closeStatusCode()));
  }

  /**
   * Opens a websocket to {@code ws://127.0.0.1:<port>/websocket} (no DDP message sent yet) that answers the server's
   * pings.
   *
   * @return the client; fails the test when the upgrade is refused
   */
  public static DdpClient open(Vertx vertx, int port) {
    return open(vertx, port, true);
  }

  /** @return like {@link #open}, but a client that never answers the server's pings (it keeps them as frames) */
  public static DdpClient openSilent(Vertx vertx, int port) {
    return open(vertx, port, false);
  }

  private static DdpClient open(Vertx vertx, int port, boolean answerPings) {
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocket socket = FutureAwait.await(client.connect(new WebSocketConnectOptions().setPort(port)
        .setHost("127.0.0.1").setURI("/websocket")));
    return new DdpClient(client, socket, answerPings);
  }

  /** @return the {@code connected} frame, after sending {@code {"msg":"connect","version":"1","support":["1"]}} */
  public JsonObject connect() {
    send(new JsonObject().put("msg", "connect").put("version", "1").put("support", new JsonArray().add("1")));
    return next();
  }

  /** Sends one message as a text frame. */
  public void send(JsonObject message) {
    sendText(message.encode());
  }

  /** Sends raw text as one text frame (malformed JSON, oversized frames). */
  public void sendText(String text) {
    FutureAwait.await(socket.writeTextMessage(text));
  }

  /**
   * Sends {@code {"msg":"sub","id":<new id>,"name":<name>,"params":<params>}}.
   *
   * @return the subscription id
   */
  public String sub(String name, JsonArray params) {
    String id = "sub-" + (++ids);
    send(new JsonObject().put("msg", "sub").put("id", id).put("name", name).put("params", params));
    return id;
  }

  /**
   * Sends {@code {"msg":"method","id":<new id>,"method":<name>,"params":<params>}}.
   *
   * @return the call id
   */
  public String method(String name, JsonArray params) {
    String id = "call-" + (++ids);
    send(new JsonObject().put("msg", "method").put("id", id).put("method", name).put("params", params));
    return id;
  }

  /** @return the next frame received; fails the test when none arrives within the timeout */
  public JsonObject next() {
    try {
      JsonObject frame = received.poll(FutureAwait.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (frame == null) {
        throw new AssertionError("no DDP frame within " + FutureAwait.TIMEOUT);
      }
      return frame;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for a DDP frame", e);
    }
  }

  /** @return the next frame that matches, skipping the others; fails the test when none arrives in time */
  public JsonObject next(Predicate<JsonObject> matches) {
    long deadline = System.currentTimeMillis() + FutureAwait.TIMEOUT.toMillis();
    while (System.currentTimeMillis() < deadline) {
      JsonObject frame = next();
      if (matches.test(frame)) {
        return frame;
      }
    }
    throw new AssertionError("no matching DDP frame within " + FutureAwait.TIMEOUT);
  }

  /** @return the frames received and not yet read by {@link #next()} */
  public int pending() {
    return received.size();
  }

  /** @return the close status the server sent; fails the test when the socket is still open after the timeout */
  public short awaitClose() {
    try {
      return closed.get(FutureAwait.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the close", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("the websocket is still open after " + FutureAwait.TIMEOUT, e);
    }
  }

  /** @return true once the socket is closed */
  public boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    if (!closed.isDone()) {
      FutureAwait.await(socket.close());
    }
    FutureAwait.await(client.close());
  }
}
