package chat.rocket.livechat.gateway.realtime;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.platform.rocketchat.Ids;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * The DDP v1 state machine of one websocket (Meteor's {@code livedata_server}): before {@code connect} only
 * {@code connect} is served ({@code Must connect first}); {@code connect} with version 1 among its {@code support}
 * answers {@code {"msg":"connected","session":<17-char id>}}, any other version {@code {"msg":"failed",
 * "version":"1"}} and a close. Then {@code ping} → {@code pong} (same id), {@code pong} is noted,
 * {@code sub} → {@code ready} or {@code nosub} with a Meteor error ({@link RoomStreams}; a repeated id is ignored),
 * {@code unsub} → {@code nosub}, {@code method} → {@code updated} then {@code result} ({@link DdpMethods}); anything
 * else is {@code {"msg":"error","reason":"Bad request","offendingMessage":..}}. It remembers the visitor token of
 * {@code livechat:setUpConnection} and the user of a resume {@code login}; closing drops its subscriptions.
 */
final class DdpSession implements StreamSubscription.Target {

  private final String id = Ids.randomId();
  private final DdpSocket socket;
  private final RoomStreams streams;
  private final DdpMethods methods;
  private final Map<String, StreamSubscription> subscriptions = new HashMap<>();
  private final Map<String, Future<Void>> grants = new HashMap<>();
  private boolean connected;
  private boolean closed;
  private String visitorToken;
  private Caller user;

  DdpSession(DdpSocket socket, RoomStreams streams, DdpMethods methods) {
    this.socket = socket;
    this.streams = streams;
    this.methods = methods;
  }

  @Override
  public String sessionId() {
    return id;
  }

  @Override
  public void push(String frame) {
    socket.pushFromAnyThread(frame);
  }

  /** Handles one message of the client (a JSON object with a string {@code msg}). */
  void onMessage(JsonObject message) {
    String type = message.getString(Ddp.MSG);
    if (Ddp.CONNECT.equals(type)) {
      connect(message);
    } else if (!connected) {
      socket.send(Ddp.error(Ddp.MUST_CONNECT_FIRST, message));
    } else {
      switch (type) {
        case Ddp.PING -> socket.send(Ddp.pong(message.getValue("id")));
        case Ddp.PONG -> { }
        case Ddp.SUB -> subscribe(message);
        case Ddp.UNSUB -> unsubscribe(message);
        case Ddp.METHOD -> call(message);
        default -> socket.send(Ddp.error(Ddp.BAD_REQUEST, message));
      }
    }
  }

  /** Drops every subscription of this session from the hub (the socket closed). */
  void close() {
    closed = true;
    subscriptions.values().forEach(streams::unsubscribe);
    subscriptions.clear();
  }

  /** @return the visitor token of {@code livechat:setUpConnection}, or null */
  String visitorToken() {
    return visitorToken;
  }

  /** Remembers the visitor token of {@code livechat:setUpConnection} (the first one stays, as in Rocket.Chat). */
  void visitorToken(String token) {
    if (visitorToken == null) {
      visitorToken = token;
    }
  }

  /** @return the user of a resume {@code login}, or null */
  Caller user() {
    return user;
  }

  /** Sets (or with null clears) the logged-in user. */
  void user(Caller caller) {
    user = caller;
    grants.clear();
  }

  /** @return this session's room authorizations by {@code rid + token}, each asked once ({@link RoomStreams}) */
  Map<String, Future<Void>> grants() {
    return grants;
  }

  private void connect(JsonObject message) {
    if (connected) {
      socket.send(Ddp.error(Ddp.ALREADY_CONNECTED, message));
      return;
    }
    JsonArray support = message.getValue("support") instanceof JsonArray array ? array : new JsonArray();
    if (!Ddp.VERSION.equals(message.getValue("version")) || !support.contains(Ddp.VERSION)) {
      socket.send(Ddp.failed());
      socket.close((short) 1000, "unsupported DDP version");
      return;
    }
    connected = true;
    socket.send(Ddp.connected(id));
  }

  private void subscribe(JsonObject message) {
    if (!(message.getValue("id") instanceof String subId) || !(message.getValue("name") instanceof String name)
        || !(message.getValue("params", new JsonArray()) instanceof JsonArray params)) {
      socket.send(Ddp.error(Ddp.MALFORMED_SUBSCRIPTION, message));
      return;
    }
    if (subscriptions.containsKey(subId)) {
      return;
    }
    streams.subscribe(this, subId, name, params)
        .onSuccess(subscription -> {
          if (!closed) {
            streams.register(subscription);
            subscriptions.put(subId, subscription);
            socket.send(Ddp.ready(subId));
          }
        })
        .onFailure(e -> socket.send(Ddp.nosub(subId, MeteorError.of(e))));
  }

  private void unsubscribe(JsonObject message) {
    if (!(message.getValue("id") instanceof String subId)) {
      socket.send(Ddp.error(Ddp.BAD_REQUEST, message));
      return;
    }
    StreamSubscription subscription = subscriptions.remove(subId);
    if (subscription != null) {
      streams.unsubscribe(subscription);
    }
    socket.send(Ddp.nosub(subId, null));
  }

  private void call(JsonObject message) {
    if (!(message.getValue("id") instanceof String callId) || !(message.getValue("method") instanceof String name)
        || !(message.getValue("params", new JsonArray()) instanceof JsonArray params)) {
      socket.send(Ddp.error(Ddp.MALFORMED_METHOD, message));
      return;
    }
    methods.call(this, name, params)
        .onComplete(done -> {
          socket.send(Ddp.updated(callId));
          socket.send(done.succeeded() ? Ddp.result(callId, done.result())
              : Ddp.result(callId, MeteorError.of(done.cause())));
        });
  }
}
