package chat.rocket.livechat.gateway.realtime;

import io.vertx.core.json.JsonObject;

/**
 * A {@code Meteor.Error} as a DDP server sends it to a client in a {@code nosub} or a method {@code result}:
 * {@code {"isClientSafe": true, "error": <code>, "reason"?: <text>, "message": "<reason> [<code>]" or "[<code>]",
 * "errorType": "Meteor.Error"}}. Thrown (without stack trace) to fail a subscription's or a method's Future.
 */
final class MeteorError extends RuntimeException {

  /** Rocket.Chat's streamer refusing a subscription ({@code new MeteorError('not-allowed')}). */
  static final String NOT_ALLOWED = "not-allowed";
  /** Rocket.Chat's streamer refusing an empty event name. */
  static final String INVALID_EVENT_NAME = "invalid-event-name";

  private final transient Object error;
  private final String reason;

  /**
   * @param error  the error code: a string such as {@code not-allowed} or a number such as 404
   * @param reason the human-readable reason, or null
   */
  MeteorError(Object error, String reason) {
    super(reason == null ? "[" + error + "]" : reason + " [" + error + "]", null, false, false);
    this.error = error;
    this.reason = reason;
  }

  /** @return Meteor's 404 for a subscription name no publication has: {@code Subscription '<name>' not found} */
  static MeteorError subscriptionNotFound(String name) {
    return new MeteorError(404, "Subscription '" + name + "' not found");
  }

  /** @return Meteor's 404 for an unknown method: {@code Method '<name>' not found} */
  static MeteorError methodNotFound(String name) {
    return new MeteorError(404, "Method '" + name + "' not found");
  }

  /** @return Meteor's answer to a failure it does not expose: 500 {@code Internal server error} */
  static MeteorError internal() {
    return new MeteorError(500, "Internal server error");
  }

  /** @return the failure itself when it is a Meteor error, else {@link #internal()} (Meteor's wrapping) */
  static MeteorError of(Throwable failure) {
    return failure instanceof MeteorError meteor ? meteor : internal();
  }

  /** @return the wire form */
  JsonObject toJson() {
    JsonObject json = new JsonObject().put("isClientSafe", true).put("error", error);
    if (reason != null) {
      json.put("reason", reason);
    }
    return json.put("message", getMessage()).put("errorType", "Meteor.Error");
  }
}
