package chat.rocket.livechat.room;

import static chat.rocket.livechat.room.RoomFixture.body;
import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.Setting;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code room.get-or-create} on its own, the finding half (spec §3.2 steps 2, 3a, 4): which calls answer an existing
 * room and which fail; creation and routing are in {@link RoomCreationTest}.
 */
class GetOrCreateRoomTest extends RoomHandlerTest {

  @Test
  @DisplayName("a token that belongs to no visitor fails invalid-token")
  void unknownToken() {
    assertThat(failure(fixture.getOrCreate(new JsonObject().put("token", "nobody"))).code())
        .isEqualTo(ErrorCode.INVALID_TOKEN);
  }

  @Test
  @DisplayName("an empty token fails invalid-token even when a stored visitor has an empty token")
  void emptyToken() {
    fixture.insert(Collections.VISITORS, new JsonObject().put("_id", "blank").put("token", "").put("username", "g"));
    assertThat(failure(fixture.getOrCreate(new JsonObject().put("token", ""))).code())
        .isEqualTo(ErrorCode.INVALID_TOKEN);
    assertThat(fixture.rooms()).isZero();
  }

  @Test
  @DisplayName("a rid of the visitor's open room returns that room with newRoom false")
  void givenRidFound() {
    JsonObject visitor = fixture.visitor("Ada");
    JsonObject room = fixture.openRoom(visitor);
    JsonObject result = await(fixture.getOrCreate(body(visitor).put("rid", room.getString("_id"))));
    assertThat(result.getBoolean("newRoom")).isFalse();
    assertThat(result.getJsonObject("room").getString("_id")).isEqualTo(room.getString("_id"));
    assertThat(fixture.published).isEmpty();
  }

  @Test
  @DisplayName("an unknown rid, another visitor's rid and a closed room's rid fail invalid-room and create nothing")
  void givenRidNotFound() {
    JsonObject visitor = fixture.visitor("Ada");
    JsonObject othersRoom = fixture.openRoom(fixture.visitor("Bob"));
    JsonObject closed = fixture.updateRoom(fixture.openRoom(visitor), new JsonObject().put("open", false));
    for (String rid : new String[] {"no-such-room", othersRoom.getString("_id"), closed.getString("_id")}) {
      assertThat(failure(fixture.getOrCreate(body(visitor).put("rid", rid))).code()).as(rid)
          .isEqualTo(ErrorCode.INVALID_ROOM);
    }
    assertThat(fixture.rooms()).isEqualTo(2);
  }

  @Test
  @DisplayName("a visitor with an open room gets it back with newRoom false, even while Livechat is disabled")
  void openRoomFound() {
    JsonObject visitor = fixture.visitor("Ada");
    JsonObject room = fixture.openRoom(visitor);
    fixture.setting(Setting.LIVECHAT_ENABLED, false);
    JsonObject result = await(fixture.getOrCreate(body(visitor)));
    assertThat(result.getBoolean("newRoom")).isFalse();
    assertThat(result.getJsonObject("room").getString("_id")).isEqualTo(room.getString("_id"));
    assertThat(fixture.rooms()).isEqualTo(1);
  }

  @Test
  @DisplayName("the visitor's lastChat room is returned when it is still open")
  void lastChatRoom() {
    JsonObject visitor = fixture.visitor("Ada");
    JsonObject room = fixture.openRoom(visitor);
    fixture.insert(Collections.VISITORS, visitor.copy().put("_id", "with-last-chat").put("token", "lc-token")
        .put("lastChat", new JsonObject().put("_id", room.getString("_id"))));
    fixture.updateRoom(room, new JsonObject().put("v.token", "lc-token"));
    JsonObject result = await(fixture.getOrCreate(new JsonObject().put("token", "lc-token")));
    assertThat(result.getJsonObject("room").getString("_id")).isEqualTo(room.getString("_id"));
    assertThat(result.getBoolean("newRoom")).isFalse();
  }
}
