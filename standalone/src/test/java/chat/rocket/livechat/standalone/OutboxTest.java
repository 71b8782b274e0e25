package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The transactional outbox (issue 9 §1, {@code platform.kafka.Outbox}): what a writer that died between its MongoDB
 * write and its publish left in a room is published by the sweep with the recorded {@code ce_id}, time and data, and
 * the pending-events field never reaches a reply or an event. Each test leaves its room as a dead writer would, by
 * writing the pending entry straight into MongoDB.
 */
class OutboxTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String FIELD = MongoDocs.OUTBOX_FIELD;
  private static TestSystem system;
  private static Visitors visitors;

  @BeforeAll
  static void start() {
    system = TestSystem.start(Map.of(ConfigKey.OUTBOX_SWEEP_MS.env(), "500"));
    visitors = new Visitors(system.api());
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  @DisplayName("a room change whose writer died before publishing is published by the sweep with the recorded ce_id, "
      + "ce_time and changed fields, and the room is left without pending events")
  void sweepPublishesWhatADeadWriterLeft() {
    String rid = visitors.createRoom(visitors.create().getString("token")).getString("_id");
    JsonObject entry = entry(EventType.ROOM_UPDATED, Instant.now()).put("changedFields", new JsonArray().add("topic"));
    writeAsDeadWriter(rid, new JsonObject().put("topic", "left by a dead writer"), entry);

    ConsumerRecord<String, String> event = awaitEvent(rid, entry.getString("id"));

    assertThat(Events.header(event, "ce_type")).isEqualTo(EventType.ROOM_UPDATED.type());
    assertThat(Instant.parse(Events.header(event, "ce_time"))).isEqualTo(Instant.parse(entry.getString("time")));
    JsonObject data = new JsonObject(event.value());
    assertThat(data.getJsonArray("changedFields").getList()).containsExactly("topic");
    assertThat(data.getJsonObject("room").getString("topic")).isEqualTo("left by a dead writer");
    assertThat(data.getJsonObject("room").containsKey(FIELD)).isFalse();
    system.awaitDocument(Collections.ROOMS, new JsonObject().put("_id", rid),
        room -> !MongoDocs.hasPendingEvents(room), WAIT);
  }

  @Test
  @DisplayName("a pending event whose data was frozen before a crash is republished with exactly those bytes, even "
      + "after the room changed")
  void frozenEventIsRepublishedUnchanged() {
    String rid = visitors.createRoom(visitors.create().getString("token")).getString("_id");
    String frozen = new JsonObject().put("room", new JsonObject().put("_id", rid).put("topic", "as first published"))
        .put("changedFields", new JsonArray().add("topic")).encode();
    JsonObject entry = entry(EventType.ROOM_UPDATED, Instant.now()).put("changedFields", new JsonArray().add("topic"))
        .put("data", frozen);
    writeAsDeadWriter(rid, new JsonObject().put("topic", "changed since"), entry);

    ConsumerRecord<String, String> event = awaitEvent(rid, entry.getString("id"));

    assertThat(event.value()).isEqualTo(frozen);
  }

  @Test
  @DisplayName("a room with a pending event is served without the pending-events field, and no room event carries it")
  void pendingEventsNeverLeak() {
    String token = visitors.create().getString("token");
    JsonObject created = visitors.createRoom(token);
    String rid = created.getString("_id");
    JsonObject notYetSwept = entry(EventType.ROOM_UPDATED, Instant.parse("2999-01-01T00:00:00.000Z"));
    system.mongo().updateCollection(Collections.ROOMS, new JsonObject().put("_id", rid),
        new JsonObject().put("$push", new JsonObject().put(FIELD, notYetSwept))).await();

    Api.Response served = system.api().get("livechat/room?token=" + token);

    assertThat(system.findOne(Collections.ROOMS, new JsonObject().put("_id", rid)).containsKey(FIELD)).isTrue();
    assertThat(served.status()).isEqualTo(200);
    assertThat(served.json().getJsonObject("room").getString("_id")).isEqualTo(rid);
    assertThat(served.body()).doesNotContain(FIELD);
    assertThat(created.containsKey(FIELD)).isFalse();
    List<ConsumerRecord<String, String>> createdEvents = Events.read(system.bootstrapServers(), Topics.ROOM_EVENTS,
        record -> rid.equals(record.key()), WAIT);
    assertThat(createdEvents).isNotEmpty().allSatisfy(record -> assertThat(record.value()).doesNotContain(FIELD));
  }

  private static JsonObject entry(EventType type, Instant time) {
    return new JsonObject().put("id", UUID.randomUUID().toString()).put("type", type.type())
        .put("time", MongoDocs.iso(time));
  }

  /** The single atomic write a room-service makes before it publishes: the change and its pending event. */
  private static void writeAsDeadWriter(String rid, JsonObject set, JsonObject entry) {
    system.mongo().updateCollection(Collections.ROOMS, new JsonObject().put("_id", rid),
        new JsonObject().put("$set", set).put("$push", new JsonObject().put(FIELD, entry))).await();
  }

  private static ConsumerRecord<String, String> awaitEvent(String rid, String ceId) {
    List<ConsumerRecord<String, String>> events = Events.read(system.bootstrapServers(), Topics.ROOM_EVENTS,
        record -> rid.equals(record.key()) && ceId.equals(Events.header(record, "ce_id")), WAIT);
    assertThat(events).as("the event %s of room %s", ceId, rid).hasSize(1);
    return events.get(0);
  }
}
