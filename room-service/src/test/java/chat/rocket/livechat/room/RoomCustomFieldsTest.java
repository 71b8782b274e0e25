package chat.rocket.livechat.room;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.EventType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code room.set-custom-fields}: room-scope custom fields land on the visitor's open room. */
class RoomCustomFieldsTest extends RoomHandlerTest {

  private static JsonObject field(String key, String value, boolean overwrite) {
    return new JsonObject().put("key", key).put("value", value).put("overwrite", overwrite);
  }

  private JsonObject set(JsonObject visitor, JsonObject... fields) {
    return await(fixture.customFields.handle(command(CommandType.ROOM_SET_CUSTOM_FIELDS, null, new JsonObject()
        .put("token", visitor.getString("token")).put("customFields", new JsonArray(List.of((Object[]) fields))))));
  }

  private JsonObject livechatData(JsonObject room) {
    return fixture.findOne(Collections.ROOMS, new JsonObject().put("_id", room.getString("_id")))
        .getJsonObject("livechatData");
  }

  @Test
  @DisplayName("fields are set on the open room; overwrite false keeps a value already there; one room.updated event")
  void setsOpenRoomFields() {
    JsonObject visitor = fixture.visitor("Ada");
    JsonObject room = fixture.updateRoom(fixture.openRoom(visitor),
        new JsonObject().put("livechatData", new JsonObject().put("plan", "gold")));

    assertThat(set(visitor, field("plan", "silver", false), field("order", "42", false))).isEqualTo(new JsonObject());

    assertThat(livechatData(room)).isEqualTo(new JsonObject().put("plan", "gold").put("order", "42"));
    assertThat(fixture.published).hasSize(1);
    assertThat(fixture.published.get(0).type()).isEqualTo(EventType.ROOM_UPDATED);
    assertThat(fixture.published.get(0).changedFields()).containsExactly("livechatData.order");

    set(visitor, field("plan", "silver", true));
    assertThat(livechatData(room).getString("plan")).isEqualTo("silver");
  }

  @Test
  @DisplayName("a visitor without open room, and a change that changes nothing, write nothing")
  void nothingToWrite() {
    JsonObject visitor = fixture.visitor("Ada");
    JsonObject closed = fixture.updateRoom(fixture.openRoom(visitor), new JsonObject().put("open", false));

    set(visitor, field("plan", "gold", true));

    assertThat(livechatData(closed)).isNull();
    assertThat(fixture.published).isEmpty();
  }
}
