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
  @DisplayName("a command becomes a record on its type's topic keyed as asked, and decodes from it unchanged but for "
      + "the key it was consumed with")
  void commandRoundTrips() {
    Caller caller = new Caller("u1", "jane", List.of("admin", "livechat-agent"));
    Command sent = Command.of(CommandType.ROOM_CHANGE_VISITOR, "c-1", "livechat.replies.g1", 3, 1234L, caller, BODY);

    WireRecord record = sent.toRecord("r1");
    Command received = Command.fromRecord(record);

    assertThat(received).usingRecursiveComparison().ignoringFields("key").isEqualTo(sent);
    assertThat(sent.key()).isNull();
    assertThat(received.key()).isEqualTo("r1");
    assertThat(received.type()).contains(CommandType.ROOM_CHANGE_VISITOR);
    assertThat(record.topic()).isEqualTo("livechat.room.commands");
    assertThat(record.key()).isEqualTo("r1");
    assertThat(record.partition()).isNull();
    assertThat(record.headers()).containsEntry(Headers.COMMAND_TYPE, "room.change-visitor")
        .containsEntry(Headers.USER_ROLES, "admin,livechat-agent").containsEntry(Headers.REPLY_PARTITION, "3")
        .containsEntry(Headers.DEADLINE, "1234").containsEntry(Headers.REPLY_TO, "livechat.replies.g1");
  }

  @Test
  @DisplayName("a command without caller carries no user headers and decodes with a null caller")
  void anonymousCommandHasNoCaller() {
    WireRecord record = Command.of(CommandType.ROOM_GET_OR_CREATE, "c-2", "t", 0, 1L, null, BODY).toRecord("tok");

    assertThat(record.headers()).doesNotContainKeys(Headers.USER_ID, Headers.USER_ROLES);
    assertThat(Command.fromRecord(record).caller()).isNull();
  }

  @Test
  @DisplayName("a record without correlation id, with a bad deadline or a non-JSON body is refused with the reason")
  void brokenRecordsAreRefused() {
    WireRecord good = Command.of(CommandType.ROOM_GET_OR_CREATE, "c-3", "t", 0, 1L, null, BODY).toRecord("k");

    Map<String, String> noCorrelation = new HashMap<>(good.headers());
    noCorrelation.remove(Headers.CORRELATION_ID);
    assertThatThrownBy(() -> Command.fromRecord(withHeaders(good, noCorrelation)))
        .isInstanceOf(CommandDecodingException.class).hasMessage("header correlation-id is missing");

    Map<String, String> badDeadline = new HashMap<>(good.headers());
    badDeadline.put(Headers.DEADLINE, "soon");
    assertThatThrownBy(() -> Command.fromRecord(withHeaders(good, badDeadline)))
        .hasMessage("header deadline is not a number");

    WireRecord notJson = new WireRecord(good.topic(), null, "k", good.headers(), Buffer.buffer("{not json"));
    assertThatThrownBy(() -> Command.fromRecord(notJson))
        .isInstanceOf(CommandDecodingException.class).hasMessageStartingWith("body is not a JSON object");
    WireRecord noBody = new WireRecord(good.topic(), null, "k", good.headers(), null);
    assertThatThrownBy(() -> Command.fromRecord(noBody)).hasMessage("body is missing");
  }

  @Test
  @DisplayName("an unknown command type decodes, so that it can still be answered, but cannot be sent")
  void unknownTypeDecodes() {
    WireRecord good = Command.of(CommandType.ROOM_GET_OR_CREATE, "c-4", "t", 0, 1L, null, BODY).toRecord("k");
    Map<String, String> headers = new HashMap<>(good.headers());
    headers.put(Headers.COMMAND_TYPE, "room.explode");

    Command unknown = Command.fromRecord(withHeaders(good, headers));

    assertThat(unknown.type()).isEmpty();
    assertThatThrownBy(() -> unknown.toRecord("k")).isInstanceOf(IllegalStateException.class)
        .hasMessage("command type 'room.explode' has no topic");
  }

  @Test
  @DisplayName("a reply becomes a record on the command's reply topic and partition, and decodes from it unchanged")
  void successReplyRoundTrips() {
    Command command = Command.of(CommandType.VISITOR_GET_BY_TOKEN, "c-7", "livechat.replies.g2", 5, 1L, null, BODY);
    Reply reply = Reply.success("c-7", new JsonObject().put("visitor", new JsonObject().put("_id", "v1")));

    WireRecord record = reply.toRecord(command);

    assertThat(Reply.fromRecord(record)).isEqualTo(reply);
    assertThat(record.topic()).isEqualTo("livechat.replies.g2");
    assertThat(record.partition()).isEqualTo(5);
    assertThat(record.key()).isNull();
    assertThat(record.headers()).containsOnly(Map.entry(Headers.CORRELATION_ID, "c-7"),
        Map.entry(Headers.OUTCOME, "SUCCESS"));
  }

  @Test
  @DisplayName("a received reply keeps the body's bytes as the service encoded them, and parses to the same reply")
  void receivedReplyKeepsTheEncodedBody() {
    Command command = Command.of(CommandType.ROOM_GET_OR_CREATE, "c-9", "t", 0, 1L, null, BODY);
    Reply reply = Reply.success("c-9", new JsonObject().put("room", new JsonObject().put("_id", "r1").put("n", 2.5))
        .put("newRoom", false));
    WireRecord record = reply.toRecord(command);

    ReceivedReply received = ReceivedReply.fromRecord(record);

    assertThat(received.body()).isSameAs(record.body());
    assertThat(received.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(received.parse()).isEqualTo(reply);
  }

  @Test
  @DisplayName("a received reply whose body is not exactly one JSON object is refused with the reason")
  void receivedReplyBodyMustBeOneObject() {
    Command command = Command.of(CommandType.ROOM_GET_OR_CREATE, "c-10", "t", 0, 1L, null, BODY);
    WireRecord good = Reply.success("c-10", BODY).toRecord(command);

    for (String body : List.of("[1,2]", "{\"a\":1} {}", "{\"a\":", "\"text\"", "")) {
      WireRecord bad = new WireRecord(good.topic(), good.partition(), null, good.headers(), Buffer.buffer(body));
      assertThatThrownBy(() -> ReceivedReply.fromRecord(bad)).as(body)
          .isInstanceOf(CommandDecodingException.class).hasMessageStartingWith("body is not a JSON object");
    }
  }

  @Test
  @DisplayName("a reply record without correlation id or outcome is refused with the reason")
  void brokenRepliesAreRefused() {
    Command command = Command.of(CommandType.VISITOR_GET_BY_TOKEN, "c-8", "t", 0, 1L, null, BODY);
    WireRecord good = Reply.success("c-8", BODY).toRecord(command);

    Map<String, String> noCorrelation = new HashMap<>(good.headers());
    noCorrelation.remove(Headers.CORRELATION_ID);
    assertThatThrownBy(() -> Reply.fromRecord(withHeaders(good, noCorrelation)))
        .isInstanceOf(CommandDecodingException.class).hasMessage("header correlation-id is missing");

    Map<String, String> badOutcome = new HashMap<>(good.headers());
    badOutcome.put(Headers.OUTCOME, "MAYBE");
    assertThatThrownBy(() -> Reply.fromRecord(withHeaders(good, badOutcome)))
        .hasMessage("header outcome is not SUCCESS or FAILURE");
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

    Command command = Command.of(CommandType.ROOM_GET_OR_CREATE, "c-6", "t", 0, 1L, null, BODY);

    Reply received = Reply.fromRecord(reply.toRecord(command));

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

  private static WireRecord withHeaders(WireRecord record, Map<String, String> headers) {
    return new WireRecord(record.topic(), record.partition(), record.key(), headers, record.body());
  }
}
