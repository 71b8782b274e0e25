package chat.rocket.livechat.room;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.platform.kafka.EventSink;
import chat.rocket.livechat.platform.kafka.Outbox;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.kafka.OutboxSweep;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.testkit.MemoryStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The outbox's retry of a relay that failed in a live process (the broker refused the record): the document is found
 * again by {@code _id} and its event published with the id recorded in the write, without waiting for a sweep.
 */
class OutboxRetryTest extends RoomHandlerTest {

  @Test
  @DisplayName("a room event the broker refused is published by the next retry, with the id of its write, and the "
      + "room is left without pending events")
  void refusedEventIsPublishedByTheRetry() {
    AtomicInteger attempts = new AtomicInteger();
    List<String> publishedIds = new CopyOnWriteArrayList<>();
    Promise<Void> retried = Promise.promise();
    EventSink refusingOnce = (type, id, time, subject, data) -> {
      if (attempts.incrementAndGet() == 1) {
        return Future.failedFuture(new IllegalStateException("broker refused the record"));
      }
      publishedIds.add(id);
      return Future.<Void>succeededFuture().onComplete(v -> retried.tryComplete());
    };
    JsonObject config = MemoryStore.serviceConfig().put(ConfigKey.OUTBOX_RETRY_MS.name(), "50")
        .put(ConfigKey.OUTBOX_SWEEP_MS.name(), "3600000");
    Outbox outbox = new Outbox(config, fixture.mongo, Collections.ROOMS, "room", refusingOnce);
    JsonObject entry = OutboxEntries.entry(EventType.ROOM_CREATED, null);
    fixture.insert(Collections.ROOMS, OutboxEntries.inserting(new JsonObject().put("_id", "retriedRoom").put("t", "l"),
        entry));

    Throwable refused = await(outbox.publishPending("retriedRoom").map(room -> (Throwable) null)
        .otherwise(failure -> failure));
    OutboxSweep sweep = new OutboxSweep(fixture.vertx(), config, outbox);
    sweep.start();
    try {
      await(retried.future());
    } finally {
      sweep.stop();
    }

    assertThat(refused).hasMessage("broker refused the record");
    assertThat(publishedIds).containsExactly(entry.getString("id"));
    Awaitility.await("the published entry removed").atMost(Duration.ofSeconds(5)).until(() ->
        !MongoDocs.hasPendingEvents(fixture.findOne(Collections.ROOMS, new JsonObject().put("_id", "retriedRoom"))));
  }
}
