package chat.rocket.livechat.room;

import static chat.rocket.livechat.room.RoomFixture.body;
import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.keyed;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.EventType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A visitor's messages and the room read model (issue 12, messages; {@link RoomReadModel#writeThrough}): a message
 * keyed by its room reads the room from memory and leaves the room as its write returned it there. A write made
 * straight into the store (the fixture's {@code updateRoom}) stands for a write the read model cannot see, so that
 * what a keyed call answers shows whether it came from memory.
 */
class MessageReadModelTest extends RoomHandlerTest {

  private JsonObject visitor;
  private String rid;

  @BeforeEach
  void openRoom() {
    visitor = fixture.visitor("Ada");
    rid = fixture.openRoom(visitor).getString("_id");
  }

  private Future<JsonObject> send(String id, String msg) {
    return fixture.send.handle(keyed(CommandType.MESSAGE_SEND, rid, new JsonObject()
        .put("token", visitor.getString("token")).put("rid", rid).put("msg", msg).put("_id", id)));
  }

  private JsonObject heldRoom() {
    return await(fixture.getOrCreate.handle(keyed(CommandType.ROOM_GET_OR_CREATE, rid,
        body(visitor).put("hint", rid)))).getJsonObject("room");
  }

  private void renameInStore(String fname) {
    fixture.updateRoom(new JsonObject().put("_id", rid), new JsonObject().put("fname", fname));
  }

  private JsonObject storedRoom() {
    return fixture.findOne(Collections.ROOMS, new JsonObject().put("_id", rid));
  }

  @Test
  @DisplayName("a message keyed by its room leaves the room in memory as its write returned it: counted, with the "
      + "message as lastMessage, and read from memory by the room's next call")
  void messageKeepsTheRoom() {
    await(send("m-1", "hello"));
    renameInStore("Renamed in MongoDB");
    JsonObject room = heldRoom();
    assertThat(room.getString("fname")).isEqualTo("Ada");
    assertThat(room.getInteger("msgs")).isEqualTo(1);
    assertThat(room.getJsonObject("lastMessage").getString("_id")).isEqualTo("m-1");
    assertThat(fixture.readModel.size()).isEqualTo(1);
  }

  @Test
  @DisplayName("the visitor is read for every message, so a new name reaches the next message of a room held in "
      + "memory")
  void visitorReadPerMessage() {
    await(send("m-1", "hello"));
    await(fixture.mongo.updateCollection(Collections.VISITORS, new JsonObject().put("_id", visitor.getString("_id")),
        new JsonObject().put("$set", new JsonObject().put("name", "Ada Lovelace"))));
    JsonObject message = await(send("m-2", "again")).getJsonObject("message");
    assertThat(message.getString("alias")).isEqualTo("Ada Lovelace");
    assertThat(message.getJsonObject("u").getString("name")).isEqualTo("Ada Lovelace");
    assertThat(storedRoom().getInteger("msgs")).isEqualTo(2);
  }

  @Test
  @DisplayName("the same message twice through a room held in memory is counted once")
  void redeliveryCountsOnce() {
    await(send("m-1", "hello"));
    await(send("m-1", "hello"));
    assertThat(storedRoom().getInteger("msgs")).isEqualTo(1);
    assertThat(heldRoom().getInteger("msgs")).isEqualTo(1);
  }

  @Test
  @DisplayName("a room write sent while a message's room write runs keeps the message's image out of memory")
  void overlappedWriteIsNotKept() {
    JsonObject update = new JsonObject().put("$inc", new JsonObject().put("msgs", 1));
    await(fixture.readModel.writeThrough(keyed(CommandType.MESSAGE_SEND, rid, new JsonObject()), rid, () -> {
      Future<JsonObject> write = fixture.rooms.updateReturning(rid, update);
      fixture.readModel.forget(rid);
      return write;
    }));
    assertThat(fixture.readModel.size()).isZero();
    await(fixture.readModel.writeThrough(keyed(CommandType.MESSAGE_SEND, rid, new JsonObject()), rid,
        () -> fixture.rooms.updateReturning(rid, update)));
    assertThat(fixture.readModel.size()).isEqualTo(1);
  }

  @Test
  @DisplayName("a message keyed otherwise than by its room leaves nothing in memory")
  void otherKeysDoNotKeep() {
    await(fixture.send.handle(keyed(CommandType.MESSAGE_SEND, visitor.getString("token"), new JsonObject()
        .put("token", visitor.getString("token")).put("rid", rid).put("msg", "hello"))));
    assertThat(fixture.readModel.size()).isZero();
  }

  @Test
  @DisplayName("the echo of an event this process published leaves the room in memory; another's event drops it")
  void ownEventEchoIsSkipped() {
    await(send("m-1", "hello"));
    renameInStore("Renamed by another instance");
    fixture.readModel.published("own-event");
    fixture.readModel.onEvent(EventType.MESSAGE_CREATED, rid, "own-event");
    assertThat(heldRoom().getString("fname")).isEqualTo("Ada");
    fixture.readModel.onEvent(EventType.ROOM_UPDATED, rid, "another-instance-event");
    assertThat(heldRoom().getString("fname")).isEqualTo("Renamed by another instance");
  }
}
