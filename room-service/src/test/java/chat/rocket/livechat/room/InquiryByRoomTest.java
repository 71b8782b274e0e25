package chat.rocket.livechat.room;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.Setting;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code inquiry.get-by-room}: Rocket.Chat's {@code livechat/inquiries.getOne}. */
class InquiryByRoomTest extends RoomHandlerTest {

  private final Caller manager = new Caller("m1", "manager", List.of("livechat-manager"));

  private JsonObject getOne(String roomId) {
    return await(fixture.inquiryByRoom.handle(command(CommandType.INQUIRY_GET, manager,
        new JsonObject().put("roomId", roomId))));
  }

  @Test
  @DisplayName("the inquiry of a new room under Manual_Selection is queued, in Rocket.Chat's shape with ISO dates")
  void readsTheInquiry() {
    fixture.setting(Setting.LIVECHAT_ROUTING_METHOD, "Manual_Selection");
    fixture.agent("alice", "online", "available");
    JsonObject visitor = fixture.visitor("Visitor");
    String rid = await(fixture.getOrCreate(RoomFixture.body(visitor))).getJsonObject("room").getString("_id");

    JsonObject inquiry = getOne(rid).getJsonObject("inquiry");

    assertThat(inquiry.getString("rid")).isEqualTo(rid);
    assertThat(inquiry.getString("status")).isEqualTo("queued");
    assertThat(inquiry.getString("name")).isEqualTo("Visitor");
    assertThat(inquiry.getString("t")).isEqualTo("l");
    assertThat(inquiry.getValue("ts")).isInstanceOf(String.class);
    assertThat(inquiry.getJsonObject("v").getString("_id")).isEqualTo(visitor.getString("_id"));
    assertThat(inquiry.getJsonObject("source").getString("type")).isEqualTo("api");
  }

  @Test
  @DisplayName("a room without inquiry answers inquiry null")
  void noInquiry() {
    JsonObject answer = getOne("no-such-room");

    assertThat(answer.containsKey("inquiry")).isTrue();
    assertThat(answer.getValue("inquiry")).isNull();
  }
}
