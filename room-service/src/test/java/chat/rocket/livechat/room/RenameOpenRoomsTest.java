package chat.rocket.livechat.room;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.EventType;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The room-service's reaction to {@code visitor.registered} (spec §7.1: the open room takes the visitor's name). */
class RenameOpenRoomsTest extends RoomHandlerTest {

  private JsonObject visitor;
  private JsonObject room;

  @BeforeEach
  void openRoomWithInquiryAndSubscriptions() {
    visitor = fixture.visitor("Old name");
    room = fixture.openRoom(visitor);
    JsonObject byRid = new JsonObject().put("rid", room.getString("_id"));
    fixture.insert(Collections.INQUIRIES, byRid.copy().put("_id", "inquiry").put("name", "Old name"));
    fixture.insert(Collections.SUBSCRIPTIONS, byRid.copy().put("_id", "sub1").put("fname", "Old name"));
    fixture.insert(Collections.SUBSCRIPTIONS, byRid.copy().put("_id", "sub2").put("fname", "Old name"));
  }

  private void registered(JsonObject visitorData) {
    await(fixture.rename.handle(visitorData.getString("_id"), new JsonObject().put("visitor", visitorData)));
  }

  private String fname() {
    return fixture.findOne(Collections.ROOMS, new JsonObject().put("_id", room.getString("_id"))).getString("fname");
  }

  @Test
  @DisplayName("a new name renames the open room, its inquiry and every subscription, and publishes room.updated")
  void renames() {
    registered(visitor.copy().put("name", "New name"));
    assertThat(fname()).isEqualTo("New name");
    JsonObject byRid = new JsonObject().put("rid", room.getString("_id"));
    assertThat(fixture.findOne(Collections.INQUIRIES, byRid).getString("name")).isEqualTo("New name");
    assertThat(fixture.find(Collections.SUBSCRIPTIONS, byRid)).extracting(sub -> sub.getString("fname"))
        .containsExactly("New name", "New name");
    assertThat(fixture.published).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo(EventType.ROOM_UPDATED);
      assertThat(event.subject()).isEqualTo(room.getString("_id"));
      assertThat(event.changedFields()).containsExactly("fname");
    });
  }

  @Test
  @DisplayName("the same name again, no name, or a visitor without an open room changes and publishes nothing")
  void leavesAlone() {
    registered(visitor.copy().put("name", "Old name"));
    registered(visitor.copy().putNull("name"));
    registered(visitor.copy().put("name", ""));
    fixture.updateRoom(room, new JsonObject().put("open", false));
    registered(visitor.copy().put("name", "New name"));
    assertThat(fname()).isEqualTo("Old name");
    assertThat(fixture.published).isEmpty();
  }
}
