package chat.rocket.livechat.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Error bodies byte for byte as Rocket.Chat renders them (spec §1.5; DECISIONS.md, Bodies and codes). */
class ErrorCodeTest {

  @Test
  @DisplayName("the 401 body is exactly the Restivus one, without a success key")
  void notLoggedInBody() {
    assertThat(ErrorCode.NOT_LOGGED_IN.body(null).encode())
        .isEqualTo("{\"status\":\"error\",\"message\":\"You must be logged in to do this.\"}");
    assertThat(ErrorCode.NOT_LOGGED_IN.status()).isEqualTo(401);
  }

  @Test
  @DisplayName("the 403 permission body names error-unauthorized in the text")
  void permissionDeniedBody() {
    assertThat(ErrorCode.PERMISSION_DENIED.body(null).encode()).isEqualTo("{\"success\":false,\"error\":"
        + "\"User does not have the permissions required for this action [error-unauthorized]\"}");
  }

  @Test
  @DisplayName("an ajv failure is a Meteor error with reason and errorType invalid-params")
  void invalidParamsBody() {
    assertThat(ErrorCode.INVALID_PARAMS.body("must have required property 'rid'")).isEqualTo(new JsonObject()
        .put("success", false).put("error", "must have required property 'rid' [invalid-params]")
        .put("errorType", "invalid-params"));
  }

  @Test
  @DisplayName("a Meteor error without reason renders as the bracketed id")
  void meteorErrorWithoutReason() {
    assertThat(ErrorCode.INVALID_TOKEN_METEOR.body(null).encode())
        .isEqualTo("{\"success\":false,\"error\":\"[invalid-token]\",\"errorType\":\"invalid-token\"}");
  }

  @Test
  @DisplayName("plain errors carry no errorType, and the bare failure is only success false")
  void plainAndBareBodies() {
    assertThat(ErrorCode.INVALID_ROOM.body(null).encode()).isEqualTo("{\"success\":false,\"error\":\"invalid-room\"}");
    assertThat(ErrorCode.FAILURE_WITHOUT_MESSAGE.body(null).encode()).isEqualTo("{\"success\":false}");
    assertThat(ErrorCode.INTERNAL.body(null).encode())
        .isEqualTo("{\"success\":false,\"error\":\"Internal server error\"}");
  }

  @Test
  @DisplayName("a reply timeout is a 504 in Rocket.Chat's error shape")
  void timeoutIs504() {
    assertThat(ErrorCode.TIMEOUT.status()).isEqualTo(504);
    assertThat(ErrorCode.TIMEOUT.body(null).getString("errorType")).isEqualTo("error-timeout");
  }

  @Test
  @DisplayName("a rate-limited call answers 429 with the Meteor message and no errorType")
  void tooManyRequestsBody() {
    ErrorCode code = ErrorCode.TOO_MANY_REQUESTS;

    assertThat(code.status()).isEqualTo(429);
    assertThat(code.body(code.format(42)).encode()).isEqualTo("{\"success\":false,\"error\":\"Error, too many "
        + "requests. Please slow down. You must wait 42 seconds before trying this endpoint again. "
        + "[error-too-many-requests]\"}");
  }
}
