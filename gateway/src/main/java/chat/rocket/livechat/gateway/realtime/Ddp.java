package chat.rocket.livechat.gateway.realtime;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The Meteor DDP v1 vocabulary this server speaks, and the server's frames (Meteor's {@code livedata_server}; the
 * reasons of {@code {"msg":"error"}} are Meteor's texts). Every frame is one JSON object in one websocket text
 * message.
 */
final class Ddp {

  /** The only protocol version served ({@code connect.version}); {@code failed} names it otherwise. */
  static final String VERSION = "1";
  /** Field naming a message's type. */
  static final String MSG = "msg";
  /** Client: open the session, {@code {msg, version, support: [versions]}}. */
  static final String CONNECT = "connect";
  /** Both ways: {@code {msg, id?}}; answered by {@code pong} with the same {@code id}. */
  static final String PING = "ping";
  /** Both ways: the answer to a {@code ping}. */
  static final String PONG = "pong";
  /** Client: {@code {msg, id, name, params: [eventName, {useCollection, args: [extraData]}]}}. */
  static final String SUB = "sub";
  /** Client: {@code {msg, id}}; answered by {@code nosub}. */
  static final String UNSUB = "unsub";
  /** Client: {@code {msg, id, method, params: [...]}}; answered by {@code updated} and {@code result}. */
  static final String METHOD = "method";
  /** Reason of a frame that is not JSON. */
  static final String PARSE_ERROR = "Parse error";
  /** Reason of a JSON frame that is no DDP message (no {@code msg}, or an unknown one). */
  static final String BAD_REQUEST = "Bad request";
  /** Reason of a message other than {@code connect} before the session is open. */
  static final String MUST_CONNECT_FIRST = "Must connect first";
  /** Reason of a second {@code connect}. */
  static final String ALREADY_CONNECTED = "Already connected";
  /** Reason of a {@code sub} without string {@code id} and {@code name} or with non-array {@code params}. */
  static final String MALFORMED_SUBSCRIPTION = "Malformed subscription";
  /** Reason of a {@code method} without string {@code id} and {@code method} or with non-array {@code params}. */
  static final String MALFORMED_METHOD = "Malformed method invocation";
  /** Reason of a message over {@code DDP_MAX_FRAME_BYTES}; the socket is closed after it. */
  static final String FRAME_TOO_LARGE = "Frame too large";

  private Ddp() {
  }

  /** @return {@code {"msg":"connected","session":<id>}} */
  static JsonObject connected(String session) {
    return message("connected").put("session", session);
  }

  /** @return {@code {"msg":"failed","version":"1"}}: the client asked for a version this server does not speak */
  static JsonObject failed() {
    return message("failed").put("version", VERSION);
  }

  /** @return {@code {"msg":"pong","id"?:<id>}}, echoing the ping's id when it had one */
  static JsonObject pong(Object id) {
    JsonObject pong = message(PONG);
    return id == null ? pong : pong.put("id", id);
  }

  /** @return the server's heartbeat {@code {"msg":"ping"}} */
  static JsonObject ping() {
    return message(PING);
  }

  /** @return {@code {"msg":"ready","subs":[<id>]}} */
  static JsonObject ready(String id) {
    return message("ready").put("subs", new JsonArray().add(id));
  }

  /** @return {@code {"msg":"nosub","id":<id>,"error"?:<Meteor error>}}: a stopped or refused subscription */
  static JsonObject nosub(String id, MeteorError error) {
    JsonObject nosub = message("nosub").put("id", id);
    return error == null ? nosub : nosub.put("error", error.toJson());
  }

  /** @return {@code {"msg":"result","id":<id>,"result"?:<value>}}; no {@code result} for an undefined one */
  static JsonObject result(String id, Object result) {
    JsonObject message = message("result").put("id", id);
    return result == null ? message : message.put("result", result);
  }

  /** @return {@code {"msg":"result","id":<id>,"error":<Meteor error>}} */
  static JsonObject result(String id, MeteorError error) {
    return message("result").put("id", id).put("error", error.toJson());
  }

  /** @return {@code {"msg":"updated","methods":[<id>]}}: the method's writes are visible (sent before its result) */
  static JsonObject updated(String id) {
    return message("updated").put("methods", new JsonArray().add(id));
  }

  /** @return {@code {"msg":"error","reason":<reason>,"offendingMessage"?:<the message>}} */
  static JsonObject error(String reason, Object offendingMessage) {
    JsonObject error = message("error").put("reason", reason);
    return offendingMessage == null ? error : error.put("offendingMessage", offendingMessage);
  }

  /**
   * A stream event as Rocket.Chat's streamer sends it.
   *
   * @param collection the stream, e.g. {@code stream-room-messages}
   * @param eventName  the event name the client subscribed to, e.g. the rid or {@code <rid>/user-activity}
   * @param args       the event's arguments
   * @return {@code {"msg":"changed","collection":<stream>,"id":"id","fields":{"eventName":..,"args":[..]}}} encoded
   */
  static String changed(String collection, String eventName, JsonArray args) {
    return message("changed").put("collection", collection).put("id", "id")
        .put("fields", new JsonObject().put("eventName", eventName).put("args", args)).encode();
  }

  private static JsonObject message(String type) {
    return new JsonObject().put(MSG, type);
  }
}
