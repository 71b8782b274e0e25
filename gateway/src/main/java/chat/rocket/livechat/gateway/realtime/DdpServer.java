package chat.rocket.livechat.gateway.realtime;

import chat.rocket.livechat.gateway.auth.Authenticator;
import chat.rocket.livechat.gateway.messaging.CommandSender;
import chat.rocket.livechat.platform.kafka.EventSink;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;

/**
 * The DDP endpoint of one HTTP verticle: websocket upgrades of {@code GET /websocket} (any other path: 404; over
 * {@code DDP_MAX_CONNECTIONS} open in this process: 503), each socket served by a {@link DdpSocket} and a
 * {@link DdpSession} on this verticle's event loop. The REST Router is untouched: upgrades never reach it. One timer
 * per verticle drives the heartbeat of its sockets ({@code DDP_PING_INTERVAL_MS}, {@code DDP_PING_TIMEOUT_MS}),
 * checking every quarter of the shorter of the two.
 */
public final class DdpServer {

  /** The websocket path of Meteor's DDP server (Rocket.Chat also serves SockJS under {@code /sockjs}; not here). */
  public static final String PATH = "/websocket";
  /** The websocket codec refuses (close 1009) a single frame this many times larger than the DDP limit. */
  private static final int CODEC_LIMIT_FACTOR = 2;

  private final Vertx vertx;
  private final RealtimeHub hub;
  private final RoomStreams streams;
  private final DdpMethods methods;
  private final int maxConnections;
  private final long maxBytes;
  private final long pingIntervalMs;
  private final long pingTimeoutMs;
  private final Set<DdpSocket> sockets = new HashSet<>();
  private long heartbeatTimer = -1;

  /**
   * @param config        reads the {@code DDP_*} keys
   * @param hub           this process's subscriptions and connection count
   * @param commands      sends {@code room.check-access} (this verticle's requester)
   * @param authenticator checks resume logins
   * @param activity      publishes typing as {@code room.activity} events
   */
  public DdpServer(Vertx vertx, JsonObject config, RealtimeHub hub, CommandSender commands,
                   Authenticator authenticator, EventSink activity) {
    this.vertx = vertx;
    this.hub = hub;
    this.streams = new RoomStreams(commands, hub);
    this.methods = new DdpMethods(authenticator, streams, activity);
    this.maxConnections = ConfigKey.DDP_MAX_CONNECTIONS.getInt(config);
    this.maxBytes = ConfigKey.DDP_MAX_FRAME_BYTES.getLong(config);
    this.pingIntervalMs = ConfigKey.DDP_PING_INTERVAL_MS.getLong(config);
    this.pingTimeoutMs = ConfigKey.DDP_PING_TIMEOUT_MS.getLong(config);
  }

  /**
   * @return the options with websocket frame and message limits of twice {@code DDP_MAX_FRAME_BYTES}: a message up to
   *     that size is answered with a DDP error by {@link DdpSocket}, a larger single frame refused by the codec
   */
  public static HttpServerOptions options(HttpServerOptions options, JsonObject config) {
    int codecLimit = (int) Math.min(Integer.MAX_VALUE, ConfigKey.DDP_MAX_FRAME_BYTES.getLong(config)
        * CODEC_LIMIT_FACTOR);
    return options.setMaxWebSocketFrameSize(codecLimit).setMaxWebSocketMessageSize(codecLimit);
  }

  /** Serves DDP on {@code server} (call before it listens, on the verticle's context) and starts the heartbeat. */
  public HttpServer attach(HttpServer server) {
    long tick = Math.max(10, Math.min(pingIntervalMs, pingTimeoutMs) / 4);
    heartbeatTimer = vertx.setPeriodic(tick, id -> heartbeat());
    return server.webSocketHandshakeHandler(this::handshake).webSocketHandler(this::open);
  }

  /** Stops the heartbeat and closes this verticle's sockets (going away). */
  public void stop() {
    vertx.cancelTimer(heartbeatTimer);
    new HashSet<>(sockets).forEach(socket -> socket.close(DdpSocket.GOING_AWAY, "server stopping"));
  }

  private void handshake(ServerWebSocketHandshake handshake) {
    if (!PATH.equals(handshake.path())) {
      handshake.reject(404);
    } else if (!hub.tryAcquireConnection(maxConnections)) {
      handshake.reject(503);
    } else {
      handshake.accept().onFailure(e -> hub.releaseConnection());
    }
  }

  private void open(ServerWebSocket webSocket) {
    DdpSocket socket = new DdpSocket(webSocket, Vertx.currentContext(), maxBytes);
    DdpSession session = new DdpSession(socket, streams, methods);
    sockets.add(socket);
    socket.start(session::onMessage, () -> {
      sockets.remove(socket);
      session.close();
      hub.releaseConnection();
    });
  }

  private void heartbeat() {
    long now = System.currentTimeMillis();
    new HashSet<>(sockets).forEach(socket -> socket.heartbeat(now, pingIntervalMs, pingTimeoutMs));
  }
}
