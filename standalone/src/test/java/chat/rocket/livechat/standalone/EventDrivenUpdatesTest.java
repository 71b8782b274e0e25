package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Topics;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Side effects that cross services travel as events (DESIGN.md: services never call each other): a visitor renamed
 * through {@code POST livechat/visitor} renames its open room (spec §7.1), and a new room sets the visitor's
 * {@code lastChat} (spec §2.1). Each test waits for the event that announces the change, then reads MongoDB.
 */
class EventDrivenUpdatesTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static TestSystem system;
  private static Visitors visitors;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
    visitors = new Visitors(system.api());
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  @DisplayName("re-registering a visitor with a new name renames its open room, inquiry and agent subscription")
  void renamedVisitorRenamesOpenRoom() {
    JsonObject visitor = visitors.create();
    String token = visitor.getString("token");
    String rid = visitors.createRoom(token).getString("_id");

    Api.Response renamed = system.api().post("livechat/visitor", Map.of(),
        new JsonObject().put("visitor", new JsonObject().put("token", token).put("name", "Mary Renamed")));

    assertThat(renamed.status()).isEqualTo(200);
    List<ConsumerRecord<String, String>> updates = Events.read(system.bootstrapServers(), Topics.ROOM_EVENTS,
        record -> rid.equals(record.key())
            && EventType.ROOM_UPDATED.type().equals(Events.header(record, "ce_type")), WAIT);
    assertThat(updates).hasSize(1);
    assertThat(new JsonObject(updates.get(0).value()).getJsonArray("changedFields").getList()).containsExactly("fname");
    JsonObject byRid = new JsonObject().put("rid", rid);
    assertThat(system.findOne(Collections.ROOMS, new JsonObject().put("_id", rid)).getString("fname"))
        .isEqualTo("Mary Renamed");
    assertThat(system.findOne(Collections.INQUIRIES, byRid).getString("name")).isEqualTo("Mary Renamed");
    assertThat(system.findOne(Collections.SUBSCRIPTIONS, byRid).getString("fname")).isEqualTo("Mary Renamed");
  }

  @Test
  @DisplayName("a new room sets the visitor's lastChat to the room and its creation time")
  void newRoomSetsLastChat() {
    JsonObject visitor = visitors.create();
    String visitorId = visitor.getString("_id");
    JsonObject room = visitors.createRoom(visitor.getString("token"));

    system.awaitLastChat(visitorId, room.getString("_id"));

    JsonObject lastChat = system.api().get("livechat/visitor/" + visitor.getString("token")).json()
        .getJsonObject("visitor").getJsonObject("lastChat");
    assertThat(lastChat).isEqualTo(new JsonObject().put("_id", room.getString("_id")).put("ts", room.getString("ts")));
    JsonObject stored = system.findOne(Collections.VISITORS, new JsonObject().put("_id", visitorId));
    assertThat(stored.getJsonObject("lastChat").getJsonObject("ts").getString("$date")).as("a BSON date").isNotNull();
  }
}
