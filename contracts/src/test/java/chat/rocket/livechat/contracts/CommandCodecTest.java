package chat.rocket.livechat.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Commands and replies survive their wire encoding; broken records are refused with a reason. */
class CommandCodecTest {

  private static final JsonObject BODY = new JsonObject().put("token", "abc").put("rid", "r1");

  @Test
  @DisplayName("a command decodes from its own headers and body unchanged, caller included")
  void commandRoundTrips() {
    Caller caller = new Caller("u1", "jane", List.of("admin", "livechat-agent"));
    Command sent = Command.of(CommandType.ROOM_CHANGE_VISITOR, "c-1", "livechat.replies.g1", 3, 1234L, caller, BODY);

    Command received = Command.decode(sent.headers(), BODY.toBuffer());

    assertThat(received).isEqualTo(sent);
    assertThat(received.type()).contains(CommandType.ROOM_CHANGE_VISITOR);
    assertThat(sent.headers()).containsEntry(Headers.COMMAND_TYPE, "room.change-visitor")
        .containsEntry(Headers.USER_ROLES, "admin,livechat-agent").containsEntry(Headers.REPLY_PARTITION, "3");
  }

  @Test
  @DisplayName("a command without caller carries no user headers and decodes with a null caller")
  void anonymousCommandHasNoCaller() {
    Command sent = Command.of(CommandType.ROOM_GET_OR_CREATE, "c-2", "t", 0, 1L, null, BODY);

    assertThat(sent.headers()).doesNotContainKeys(Headers.USER_ID, Headers.USER_ROLES);
    assertThat(Command.decode(sent.headers(), BODY.toBuffer()).caller()).isNull();
  }

  @Test
  @DisplayName("a record without correlation id, with a bad deadline or a non-JSON body is refused with the reason")
  void brokenRecordsAreRefused() {
    Map<String, String> headers = new HashMap<>(
        Command.of(CommandType.ROOM_GET_OR_CREATE, "c-3", "t", 0, 1L, null, BODY).headers());

    Map<String, String> noCorrelation = new HashMap<>(headers);
    noCorrelation.remove(Headers.CORRELATION_ID);
    assertThatThrownBy(() -> Command.decode(noCorrelation, BODY.toBuffer()))
        .isInstanceOf(CommandDecodingException.class).hasMessage("header correlation-id is missing");

    Map<String, String> badDeadline = new HashMap<>(headers);
    badDeadline.put(Headers.DEADLINE, "soon");
    assertThatThrownBy(() -> Command.decode(badDeadline, BODY.toBuffer()))
        .hasMessage("header deadline is not a number");

    assertThatThrownBy(() -> Command.decode(headers, Buffer.buffer("{not json")))
        .isInstanceOf(CommandDecodingException.class).hasMessageStartingWith("body is not a JSON object");
  }

  @Test
  @DisplayName("an unknown command type decodes, so that it can still be answered, but names no known type")
  void unknownTypeDecodes() {
    Map<String, String> headers = new HashMap<>(
        Command.of(CommandType.ROOM_GET_OR_CREATE, "c-4", "t", 0, 1L, null, BODY).headers());
    headers.put(Headers.COMMAND_TYPE, "room.explode");

    assertThat(Command.decode(headers, BODY.toBuffer()).type()).isEmpty();
  }

  @Test
  @DisplayName("a command is expired only after its deadline")
  void deadlineDecidesExpiry() {
    Command command = Command.of(CommandType.ROOM_GET_OR_CREATE, "c-5", "t", 0, 1_000L, null, BODY);

    assertThat(command.isExpired(1_000L)).isFalse();
    assertThat(command.isExpired(1_001L)).isTrue();
  }

  @Test
  @DisplayName("a failure reply carries code, message and status, and reads back as the same failure")
  void failureReplyRoundTrips() {
    Reply reply = Reply.failure("c-6", new LivechatException(ErrorCode.NO_AGENT_ONLINE));

    Reply received = Reply.decode(reply.headers(), reply.body().toBuffer());

    assertThat(received.outcome()).isEqualTo(Outcome.FAILURE);
    assertThat(received.body()).isEqualTo(new JsonObject().put("code", "NO_AGENT_ONLINE")
        .put("message", "Sorry, no online agents").put("status", 400));
    assertThat(received.failure().body()).isEqualTo(new JsonObject().put("success", false)
        .put("error", "Sorry, no online agents [no-agent-online]").put("errorType", "no-agent-online"));
  }

  @Test
  @DisplayName("a failure reply naming an unknown code becomes an internal error, not a crash")
  void unknownFailureCodeIsInternal() {
    LivechatException failure = LivechatException.fromReplyBody(new JsonObject().put("code", "NEW_CODE"));

    assertThat(failure.code()).isEqualTo(ErrorCode.INTERNAL);
    assertThat(failure.status()).isEqualTo(500);
  }
}
