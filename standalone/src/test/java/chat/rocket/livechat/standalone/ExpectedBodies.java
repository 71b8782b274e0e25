package chat.rocket.livechat.standalone;

import io.vertx.core.json.JsonObject;

/**
 * Rocket.Chat's error bodies as its clients and its own tests expect them, written out here (not taken from
 * {@code ErrorCode}), so that the integration tests compare the system's answers with Rocket.Chat's, not with itself.
 */
final class ExpectedBodies {

  /** 401 of an authenticated route without a valid session (Restivus's body). */
  static final JsonObject LOGGED_OUT = new JsonObject().put("status", "error")
      .put("message", "You must be logged in to do this.");
  /** 403 of a route whose {@code permissionsRequired} the caller lacks. */
  static final JsonObject FORBIDDEN = new JsonObject().put("success", false)
      .put("error", "User does not have the permissions required for this action [error-unauthorized]");

  private ExpectedBodies() {
  }

  /** @return {@code {"success":false,"error":"<message>"}} (a plain error, {@code API.v1.failure(message)}) */
  static JsonObject error(String message) {
    return new JsonObject().put("success", false).put("error", message);
  }

  /** @return {@code {"success":false,"error":"<message>","errorType":"<errorType>"}} (a Meteor error) */
  static JsonObject error(String message, String errorType) {
    return error(message).put("errorType", errorType);
  }
}
