package chat.rocket.livechat.room;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.EventType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A {@code visitor.updated} event with a new status shows it on the visitor's open room and inquiry. */
class RoomVisitorStatusTest extends RoomHandlerTest {

  private void statusChanged(JsonObject visitor, String status, String... changedFields) {
    JsonObject data = new JsonObject().put("visitor", visitor.copy().put("status", status))
        .put("changedFields", new JsonArray(List.of((Object[]) changedFields)));
    await(fixture.visitorStatus.handle(visitor.getString("_id"), data));
  }

  @Test
  @DisplayName("a status change sets v.status on the open room and its inquiry, with one room.updated event")
  void showsStatus() {
    JsonObject visitor = fixture.visitor("Ada");
    JsonObject room = fixture.openRoom(visitor);
    fixture.insert(Collections.INQUIRIES, new JsonObject().put("_id", "inquiry-1").put("rid", room.getString("_id"))
        .put("v", new JsonObject().put("status", "online")));

    statusChanged(visitor, "away", "status");
    statusChanged(visitor, "away", "status");

    JsonObject stored = fixture.findOne(Collections.ROOMS, new JsonObject().put("_id", room.getString("_id")));
    assertThat(stored.getJsonObject("v").getString("status")).isEqualTo("away");
    assertThat(fixture.findOne(Collections.INQUIRIES, new JsonObject().put("_id", "inquiry-1"))
        .getJsonObject("v").getString("status")).isEqualTo("away");
    assertThat(fixture.published).hasSize(1);
    assertThat(fixture.published.get(0).type()).isEqualTo(EventType.ROOM_UPDATED);
    assertThat(fixture.published.get(0).changedFields()).containsExactly("v.status");
  }

  @Test
  @DisplayName("an update that does not change the status leaves the room alone")
  void otherChanges() {
    JsonObject visitor = fixture.visitor("Ada");
    fixture.openRoom(visitor);

    statusChanged(visitor, "away", "livechatData.address");

    assertThat(fixture.published).isEmpty();
  }
}
