package chat.rocket.livechat.gateway.realtime;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport of one DDP websocket: reassembles a message from its frames (text, or binary read as UTF-8), refuses
 * one over {@code DDP_MAX_FRAME_BYTES} ({@code {"msg":"error","reason":"Frame too large"}}, then close 1009), parses
 * it ({@code Parse error} when it is not JSON, {@code Bad request} when it is not an object with a string
 * {@code msg}; the socket stays open) and hands the object to its session. It also keeps the heartbeat's clock: the
 * time of the last message received and of the last server ping. Its state is touched only on the socket's event
 * loop; {@link #pushFromAnyThread} hops there.
 */
final class DdpSocket {

  private static final Logger LOG = LoggerFactory.getLogger(DdpSocket.class);
  /** Close status of a message over the size limit (RFC 6455: message too big). */
  static final short TOO_BIG = 1009;
  /** Close status of a socket that did not answer the server's ping (RFC 6455: going away). */
  static final short GOING_AWAY = 1001;

  private final ServerWebSocket socket;
  private final Context context;
  private final long maxBytes;
  private Buffer partial;
  private long lastReceived = System.currentTimeMillis();
  private long pingSentAt;
  private boolean closed;

  /**
   * @param socket   the accepted websocket
   * @param context  the event loop the socket belongs to
   * @param maxBytes the largest message accepted, in bytes
   */
  DdpSocket(ServerWebSocket socket, Context context, long maxBytes) {
    this.socket = socket;
    this.context = context;
    this.maxBytes = maxBytes;
  }

  /**
   * Starts reading.
   *
   * @param messages receives each DDP message (a JSON object with a string {@code msg})
   * @param onClose  runs once when the socket closed, whoever closed it
   */
  void start(Consumer<JsonObject> messages, Runnable onClose) {
    socket.frameHandler(frame -> onFrame(frame, messages));
    socket.exceptionHandler(e -> LOG.debug("websocket {}: {}", socket.remoteAddress(), e.getMessage()));
    socket.closeHandler(v -> {
      closed = true;
      onClose.run();
    });
  }

  /** Writes one frame; nothing once the socket is closed. */
  void send(JsonObject message) {
    if (!closed) {
      socket.writeTextMessage(message.encode());
    }
  }

  /** Writes one encoded frame from any thread, on the socket's event loop. */
  void pushFromAnyThread(String frame) {
    context.runOnContext(v -> {
      if (!closed) {
        socket.writeTextMessage(frame);
      }
    });
  }

  /** Closes the socket with a status and reason. */
  void close(short status, String reason) {
    if (!closed) {
      closed = true;
      socket.close(status, reason);
    }
  }

  /**
   * One heartbeat check (on the socket's event loop): a socket silent for {@code intervalMs} gets a ping; one that
   * sent nothing within {@code timeoutMs} of that ping is closed with 1001.
   *
   * @param now epoch ms
   */
  void heartbeat(long now, long intervalMs, long timeoutMs) {
    if (pingSentAt > 0 && lastReceived < pingSentAt) {
      if (now - pingSentAt >= timeoutMs) {
        LOG.info("closing websocket {}: no answer to ping within {} ms", socket.remoteAddress(), timeoutMs);
        close(GOING_AWAY, "ping timeout");
      }
    } else if (now - lastReceived >= intervalMs) {
      pingSentAt = now;
      send(Ddp.ping());
    }
  }

  private void onFrame(WebSocketFrame frame, Consumer<JsonObject> messages) {
    if (closed || !(frame.isText() || frame.isBinary() || frame.isContinuation())) {
      return;
    }
    lastReceived = System.currentTimeMillis();
    Buffer data = frame.binaryData();
    partial = frame.isContinuation() && partial != null ? partial.appendBuffer(data) : data;
    if (partial.length() > maxBytes) {
      partial = null;
      send(Ddp.error(Ddp.FRAME_TOO_LARGE, null));
      close(TOO_BIG, Ddp.FRAME_TOO_LARGE);
      return;
    }
    if (frame.isFinal()) {
      String text = partial.toString(StandardCharsets.UTF_8);
      partial = null;
      parse(text, messages);
    }
  }

  private void parse(String text, Consumer<JsonObject> messages) {
    Object value;
    try {
      value = Json.decodeValue(text);
    } catch (DecodeException e) {
      send(Ddp.error(Ddp.PARSE_ERROR, null));
      return;
    }
    if (value instanceof JsonObject message && message.getValue(Ddp.MSG) instanceof String) {
      messages.accept(message);
    } else {
      send(Ddp.error(Ddp.BAD_REQUEST, value));
    }
  }
}
