package chat.rocket.livechat.contracts;

import io.vertx.core.json.JsonObject;

/**
 * An expected failure with its {@link ErrorCode}: a validation, permission or business rule that Rocket.Chat answers
 * with a 4xx. Services turn it into a {@link Outcome#FAILURE} reply; the gateway into the HTTP body of
 * {@link ErrorCode#body(String)}. It carries no stack trace: it is an answer, not a bug.
 */
public final class LivechatException extends RuntimeException {

  private final ErrorCode code;

  /**
   * @param code    the failure
   * @param message the message or Meteor reason; null for the code's default
   */
  public LivechatException(ErrorCode code, String message) {
    super(message != null ? message : code.defaultMessage(), null, false, false);
    this.code = code;
  }

  /** @param code the failure, with its default message */
  public LivechatException(ErrorCode code) {
    this(code, null);
  }

  /** @return the failure code */
  public ErrorCode code() {
    return code;
  }

  /** @return the HTTP status of the code */
  public int status() {
    return code.status();
  }

  /** @return the Rocket.Chat error body of this failure */
  public JsonObject body() {
    return code.body(getMessage());
  }

  /** @return the reply body {@code {"code", "message", "status"}} carried by a FAILURE reply */
  public JsonObject toReplyBody() {
    return new JsonObject().put("code", code.name()).put("message", getMessage()).put("status", code.status());
  }

  /**
   * Reads a FAILURE reply body back into an exception. An unknown code becomes {@link ErrorCode#INTERNAL}.
   *
   * @param replyBody {@code {"code", "message", "status"}}
   * @return the failure the service reported
   */
  public static LivechatException fromReplyBody(JsonObject replyBody) {
    ErrorCode code;
    try {
      code = ErrorCode.valueOf(replyBody.getString("code", ErrorCode.INTERNAL.name()));
    } catch (IllegalArgumentException unknown) {
      code = ErrorCode.INTERNAL;
    }
    return new LivechatException(code, replyBody.getString("message"));
  }
}
