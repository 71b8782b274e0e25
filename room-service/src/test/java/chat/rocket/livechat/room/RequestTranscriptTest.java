package chat.rocket.livechat.room;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static chat.rocket.livechat.testkit.HandlerFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code room.request-transcript}: Rocket.Chat's checks of {@code POST livechat/transcript}, the request recorded. */
class RequestTranscriptTest extends RoomHandlerTest {

  private JsonObject visitor;
  private JsonObject room;

  @BeforeEach
  void visitorWithRoom() {
    visitor = fixture.visitor("Ada");
    room = fixture.openRoom(visitor);
  }

  private Future<JsonObject> request(String token, String rid, String email, String subject) {
    JsonObject body = new JsonObject().put("token", token).put("rid", rid).put("email", email);
    if (subject != null) {
      body.put("subject", subject);
    }
    return fixture.transcript.handle(command(CommandType.ROOM_REQUEST_TRANSCRIPT, null, body));
  }

  private JsonObject storedRoom() {
    return fixture.findOne(Collections.ROOMS, new JsonObject().put("_id", room.getString("_id")));
  }

  @Test
  @DisplayName("a valid request answers Livechat transcript sent, records transcriptRequest, publishes room.updated")
  void recordsRequest() {
    JsonObject answer = await(request(visitor.getString("token"), room.getString("_id"), "ada@example.com", "Chat"));

    assertThat(answer).isEqualTo(new JsonObject().put("message", "Livechat transcript sent"));
    JsonObject request = storedRoom().getJsonObject("transcriptRequest");
    assertThat(request.getString("email")).isEqualTo("ada@example.com");
    assertThat(request.getString("subject")).isEqualTo("Chat");
    assertThat(request.getJsonObject("requestedBy")).isEqualTo(new JsonObject().put("_id", visitor.getString("_id"))
        .put("username", visitor.getString("username")).put("name", "Ada"));
    assertThat(request.getJsonObject("requestedAt").getString("$date")).isNotBlank();
    assertThat(fixture.published).hasSize(1);
    assertThat(fixture.published.get(0).type()).isEqualTo(EventType.ROOM_UPDATED);
    assertThat(fixture.published.get(0).changedFields()).isEqualTo(List.of("transcriptRequest"));
  }

  @Test
  @DisplayName("without subject the request takes Rocket.Chat's default subject, also on a closed room")
  void defaultSubjectOnClosedRoom() {
    fixture.updateRoom(room, new JsonObject().put("open", false));

    await(request(visitor.getString("token"), room.getString("_id"), "ada@example.com", null));

    assertThat(storedRoom().getJsonObject("transcriptRequest").getString("subject"))
        .isEqualTo("Transcript of your livechat conversation");
  }

  @Test
  @DisplayName("an unknown token, another visitor's room, an unknown room and a bad email fail without writing")
  void errors() {
    JsonObject other = fixture.visitor("Bob");
    String rid = room.getString("_id");

    assertThat(failure(request("no-such-token", rid, "ada@example.com", null)).code())
        .isEqualTo(ErrorCode.ERROR_INVALID_TOKEN);
    assertThat(failure(request(other.getString("token"), rid, "bob@example.com", null)).code())
        .isEqualTo(ErrorCode.ERROR_INVALID_ROOM);
    assertThat(failure(request(visitor.getString("token"), "no-such-room", "ada@example.com", null)).code())
        .isEqualTo(ErrorCode.ERROR_INVALID_ROOM);
    assertThat(failure(request(visitor.getString("token"), rid, "test", null)).code())
        .isEqualTo(ErrorCode.INVALID_EMAIL);
    assertThat(storedRoom().containsKey("transcriptRequest")).isFalse();
    assertThat(fixture.published).isEmpty();
  }
}
