package chat.rocket.livechat.visitor;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The visitor-service's reaction to {@code room.created} (spec §2.1: the {@code livechat.newRoom} hook). */
class RecordLastChatTest extends VisitorHandlerTest {

  private static final String TS = "2024-05-06T07:08:09.123Z";

  private void roomCreated(String rid, JsonObject room) {
    await(fixture.lastChat.handle(rid, new JsonObject().put("room", room.put("_id", rid))));
  }

  private static JsonObject room(String visitorId) {
    return new JsonObject().put("v", new JsonObject().put("_id", visitorId)).put("ts", TS);
  }

  @Test
  @DisplayName("a room.created sets the visitor's lastChat to the room id and time, and publishes no event")
  void recordsLastChat() {
    JsonObject visitor = fixture.visitor("Ada");
    roomCreated("room-1", room(visitor.getString("_id")));
    JsonObject lastChat = fixture.storedVisitor(visitor.getString("_id")).getJsonObject("lastChat");
    assertThat(lastChat.getString("_id")).isEqualTo("room-1");
    assertThat(lastChat.getJsonObject("ts").getString("$date")).isEqualTo(TS);
    assertThat(fixture.published).as("Rocket.Chat does not broadcast lastChat").isEmpty();
    assertThat(fixture.storedVisitor(visitor.getString("_id")).containsKey(MongoDocs.OUTBOX_FIELD))
        .as("no pending event").isFalse();
  }

  @Test
  @DisplayName("a redelivered room.created sets the same lastChat again")
  void idempotent() {
    JsonObject visitor = fixture.visitor("Ada");
    roomCreated("room-1", room(visitor.getString("_id")));
    JsonObject once = fixture.storedVisitor(visitor.getString("_id")).getJsonObject("lastChat");
    roomCreated("room-1", room(visitor.getString("_id")));
    assertThat(fixture.storedVisitor(visitor.getString("_id")).getJsonObject("lastChat")).isEqualTo(once);
  }

  @Test
  @DisplayName("a room without visitor or time, or of an unknown visitor, changes and publishes nothing")
  void ignored() {
    JsonObject visitor = fixture.visitor("Ada");
    roomCreated("room-1", new JsonObject().put("ts", TS));
    roomCreated("room-2", new JsonObject().put("v", new JsonObject().put("_id", visitor.getString("_id"))));
    roomCreated("room-3", room("nobody"));
    assertThat(fixture.storedVisitor(visitor.getString("_id")).containsKey("lastChat")).isFalse();
    assertThat(fixture.storedVisitor("nobody")).isNull();
    assertThat(fixture.published).isEmpty();
  }
}
