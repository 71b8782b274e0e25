package chat.rocket.livechat.room;

import static chat.rocket.livechat.room.RoomFixture.body;
import static chat.rocket.livechat.testkit.FutureAwait.await;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.testkit.MemoryStore;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The query proof of "no open room" ({@code OPEN_ROOM_PROOF=query}, what {@code auto} takes on a real MongoDB shared
 * with Rocket.Chat): rooms another system wrote count even when no {@code lastChat} and no claim names them.
 */
class OpenRoomQueryProofTest extends RoomHandlerTest {

  @Override
  protected RoomFixture newFixture(MemoryStore store) {
    return new RoomFixture(store, MemoryStore.serviceConfig().put(ConfigKey.OPEN_ROOM_PROOF.name(), "query"));
  }

  @Test
  @DisplayName("a room written straight into MongoDB that no lastChat names is the visitor's open room")
  void unnamedRoomCounts() {
    JsonObject visitor = fixture.visitor("Ada");
    JsonObject room = fixture.roomWithoutLastChat(visitor);

    JsonObject result = await(fixture.getOrCreate(body(visitor)));

    assertThat(fixture.openRooms.proof()).isEqualTo(OpenRooms.Proof.QUERY);
    assertThat(result.getBoolean("newRoom")).isFalse();
    assertThat(result.getJsonObject("room").getString("_id")).isEqualTo(room.getString("_id"));
    assertThat(fixture.rooms()).isEqualTo(1);
  }

  @Test
  @DisplayName("a new room is still claimed, so the next call finds it and a closed one is followed by a new one")
  void creationClaims() {
    fixture.agent("alice", "online", "available");
    JsonObject visitor = fixture.visitor("Ada");
    String first = await(fixture.getOrCreate(body(visitor))).getJsonObject("room").getString("_id");
    JsonObject again = await(fixture.getOrCreate(body(visitor)));
    fixture.updateRoom(new JsonObject().put("_id", first), new JsonObject().put("open", false));
    JsonObject next = await(fixture.getOrCreate(body(visitor)));

    assertThat(again.getBoolean("newRoom")).isFalse();
    assertThat(again.getJsonObject("room").getString("_id")).isEqualTo(first);
    assertThat(next.getBoolean("newRoom")).isTrue();
    assertThat(next.getJsonObject("room").getString("_id")).isNotEqualTo(first);
    assertThat(fixture.find(Collections.ROOM_CLAIMS, new JsonObject())).hasSize(2);
  }
}
