package chat.rocket.livechat.room;

import static chat.rocket.livechat.room.RoomFixture.body;
import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.failure;
import static chat.rocket.livechat.testkit.HandlerFixture.keyed;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The room read model behind {@code room.get-or-create} (issue 12; {@link RoomReadModel}): which commands it answers
 * from memory, and what drops a room from it. A write made straight into the store (the fixture's
 * {@code updateRoom}) stands for Rocket.Chat writing a shared database: only a room held in memory hides it.
 */
class RoomReadModelTest extends RoomHandlerTest {

  private JsonObject visitor;
  private String rid;

  @BeforeEach
  void openRoom() {
    visitor = fixture.visitor("Ada");
    rid = fixture.openRoom(visitor).getString("_id");
  }

  private Future<JsonObject> keyedByRoom(JsonObject body) {
    return fixture.getOrCreate.handle(keyed(CommandType.ROOM_GET_OR_CREATE, rid, body));
  }

  private String fname(JsonObject reply) {
    return reply.getJsonObject("room").getString("fname");
  }

  private void renameInStore(String fname) {
    fixture.updateRoom(new JsonObject().put("_id", rid), new JsonObject().put("fname", fname));
  }

  @Test
  @DisplayName("a hinted call keyed by the room answers it from memory: a later write straight into the store is not "
      + "seen until the entry goes, while an unkeyed call reads the store")
  void keyedCallsReadMemory() {
    assertThat(fname(await(keyedByRoom(body(visitor).put("hint", rid))))).isEqualTo("Ada");
    renameInStore("Renamed in MongoDB");
    assertThat(fname(await(keyedByRoom(body(visitor).put("hint", rid))))).isEqualTo("Ada");
    assertThat(fname(await(keyedByRoom(body(visitor).put("rid", rid))))).isEqualTo("Ada");
    assertThat(fname(await(fixture.getOrCreate(body(visitor).put("rid", rid))))).isEqualTo("Renamed in MongoDB");
    assertThat(fixture.readModel.size()).isEqualTo(1);
  }

  @Test
  @DisplayName("a call keyed otherwise (the token) never fills the read model")
  void otherKeysDoNotFill() {
    await(fixture.getOrCreate.handle(keyed(CommandType.ROOM_GET_OR_CREATE, visitor.getString("token"),
        body(visitor).put("hint", rid))));
    assertThat(fixture.readModel.size()).isZero();
    renameInStore("Renamed in MongoDB");
    assertThat(fname(await(keyedByRoom(body(visitor).put("hint", rid))))).isEqualTo("Renamed in MongoDB");
  }

  @Test
  @DisplayName("the room-service's own write of the room drops it: the visitor's close is seen by the next call")
  void ownWriteDropsTheRoom() {
    await(keyedByRoom(body(visitor).put("rid", rid)));
    await(fixture.close.handle(keyed(CommandType.ROOM_CLOSE, rid,
        new JsonObject().put("rid", rid).put("token", visitor.getString("token")))));
    assertThat(failure(keyedByRoom(body(visitor).put("rid", rid))).code()).isEqualTo(ErrorCode.INVALID_ROOM);
    assertThat(fixture.readModel.size()).isZero();
  }

  @Test
  @DisplayName("a hint naming a room that is no longer the visitor's open one leads to the visitor's open room")
  void staleHintIsLookedUp() {
    JsonObject other = fixture.visitor("Bob");
    String othersRoom = fixture.openRoom(other).getString("_id");
    JsonObject reply = await(fixture.getOrCreate.handle(keyed(CommandType.ROOM_GET_OR_CREATE, othersRoom,
        body(visitor).put("hint", othersRoom))));
    assertThat(reply.getJsonObject("room").getString("_id")).isEqualTo(rid);
    assertThat(reply.getBoolean("newRoom")).isFalse();
  }

  @Test
  @DisplayName("a room event drops the room, so another instance's write is seen once its event arrives")
  void roomEventDropsTheRoom() {
    await(keyedByRoom(body(visitor).put("hint", rid)));
    renameInStore("Renamed by another instance");
    fixture.readModel.onEvent(EventType.ROOM_UPDATED, rid, "another-instance-event");
    assertThat(fname(await(keyedByRoom(body(visitor).put("hint", rid))))).isEqualTo("Renamed by another instance");
  }

  @Test
  @DisplayName("the visitor's removal event drops its rooms: the next call fails invalid-token")
  void visitorRemovalDropsItsRooms() {
    await(keyedByRoom(body(visitor).put("hint", rid)));
    await(fixture.mongo.updateCollection(Collections.VISITORS, new JsonObject().put("_id", visitor.getString("_id")),
        new JsonObject().put("$unset", new JsonObject().put("token", ""))));
    fixture.readModel.onEvent(EventType.VISITOR_DELETED, visitor.getString("_id"), "visitor-event");
    assertThat(failure(keyedByRoom(body(visitor).put("hint", rid))).code()).isEqualTo(ErrorCode.INVALID_TOKEN);
  }

  @Test
  @DisplayName("partitions leaving the member drop every room")
  void releasedPartitionsDropEverything() {
    await(keyedByRoom(body(visitor).put("hint", rid)));
    fixture.readModel.clear();
    renameInStore("Renamed by the next owner");
    assertThat(fname(await(keyedByRoom(body(visitor).put("hint", rid))))).isEqualTo("Renamed by the next owner");
  }

  @Test
  @DisplayName("a load that overlaps a write of its room is not kept")
  void overlappedLoadIsNotKept() {
    Future<JsonObject> load = keyedByRoom(body(visitor).put("hint", rid));
    fixture.readModel.forget(rid);
    await(load);
    assertThat(fixture.readModel.size()).isZero();
  }
}
