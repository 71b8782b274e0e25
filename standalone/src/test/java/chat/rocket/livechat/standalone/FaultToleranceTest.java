package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost under faults (issue 4): a room-service process killed with SIGKILL under write load, the broker gone
 * for 10 s, a restart of the whole standalone. Each test prints the figures it proves.
 */
class FaultToleranceTest {

  private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
  private static final java.util.Random RANDOM = new java.util.Random();
  private static final long SWEEP_MS = 1000;

  @Test
  @DisplayName("room-services killed under write load, one between its write and its publish, lose no acknowledged "
      + "write, duplicate no open room, leave no change without its event and no ce_id with two contents")
  void killedRoomServicesLoseNoWriteAndNoEvent() throws Exception {
    try (TestSystem system = TestSystem.start(Map.of(ConfigKey.OUTBOX_SWEEP_MS.env(), String.valueOf(SWEEP_MS)))) {
      int crashAtWrite = 3 + RANDOM.nextInt(10);
      ExternalRoomService crashing = ExternalRoomService.launch(system, "after-write:" + crashAtWrite);
      ExternalRoomService killed = ExternalRoomService.launch(system, "off");
      crashing.awaitReady();
      killed.awaitReady();
      Map<String, String> admin = system.adminHeaders();
      Acknowledged acknowledged = new Acknowledged();
      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService clients = Executors.newFixedThreadPool(6);
      for (int i = 0; i < 6; i++) {
        clients.submit(() -> writeLoad(system, admin, acknowledged, running));
      }
      assertThat(crashing.process().waitFor(120, TimeUnit.SECONDS)).as("halted at its crash point").isTrue();
      int crashedAt = acknowledged.rooms.size();
      acknowledged.awaitRooms(crashedAt + 5 + RANDOM.nextInt(30));
      killed.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      int killedAt = acknowledged.rooms.size();
      acknowledged.awaitRooms(killedAt + 60);
      running.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      long leftPending = awaitNoPendingEvents(system, Duration.ofSeconds(60));

      List<JsonObject> rooms = system.mongo().find(Collections.ROOMS, new JsonObject().put("t", "l")).await();
      Map<String, JsonObject> stored = new HashMap<>();
      rooms.forEach(room -> stored.put(room.getString("_id"), room));
      long roomsFound = acknowledged.rooms.entrySet().stream().filter(room -> stored.containsKey(room.getKey())
          && room.getValue().equals(stored.get(room.getKey()).getJsonObject("v").getString("token"))).count();
      long topicsFound = acknowledged.topics.entrySet().stream().filter(save -> stored.containsKey(save.getKey())
          && save.getValue().equals(stored.get(save.getKey()).getString("topic"))).count();
      Map<String, Integer> openPerToken = new HashMap<>();
      rooms.stream().filter(room -> Boolean.TRUE.equals(room.getValue("open")))
          .forEach(room -> openPerToken.merge(room.getJsonObject("v").getString("token"), 1, Integer::sum));
      long twoOpenRooms = openPerToken.values().stream().filter(count -> count > 1).count();

      RoomEventLog events = new RoomEventLog(Events.readAll(system.bootstrapServers(), Topics.ROOM_EVENTS, EVENT_WAIT),
          SWEEP_MS);
      long createdMissing = stored.keySet().stream().filter(rid -> !events.created.contains(rid)).count();
      long topicsWithoutEvent = stored.values().stream().filter(room -> room.getString("topic") != null
          && !events.topics.getOrDefault(room.getString("_id"), Set.of()).contains(room.getString("topic"))).count();
      long acknowledgedWithoutEvent = acknowledged.topics.entrySet().stream()
          .filter(save -> !events.topics.getOrDefault(save.getKey(), Set.of()).contains(save.getValue())).count();
      System.out.printf("room-services killed under write load (one halted after its write %d, before publishing, "
              + "at %d acknowledged rooms; one SIGKILLed at %d): rooms acknowledged %d found %d; saveInfo "
              + "acknowledged %d found %d; failed requests %d; visitors with two open rooms %d; rooms in MongoDB "
              + "%d, without room.created %d; stored topics without their room.updated %d (acknowledged: %d); "
              + "documents left with pending events %d; events %d, ce_ids %d, published by a sweep %d, ce_ids "
              + "published more than once %d (with the same content %d, with different content %d)%n",
          crashAtWrite, crashedAt, killedAt, acknowledged.rooms.size(), roomsFound, acknowledged.topics.size(),
          topicsFound, acknowledged.failures.get(), twoOpenRooms, stored.size(), createdMissing, topicsWithoutEvent,
          acknowledgedWithoutEvent, leftPending, events.records, events.contents.size(), events.late.size(),
          events.duplicated,
          events.duplicated - events.conflicting, events.conflicting);

      assertThat(roomsFound).isEqualTo(acknowledged.rooms.size());
      assertThat(topicsFound).isEqualTo(acknowledged.topics.size());
      assertThat(twoOpenRooms).isZero();
      assertThat(leftPending).isZero();
      assertThat(createdMissing).isZero();
      assertThat(topicsWithoutEvent).isZero();
      assertThat(acknowledgedWithoutEvent).isZero();
      assertThat(events.conflicting).isZero();
      assertThat(events.late).as("the halted process's pending event, published by a sweep").isNotEmpty();
    }
  }

  @Test
  @DisplayName("with the broker down for 10 s the gateway answers 503 or 504 in Rocket.Chat's shape, and every "
      + "service recovers without a restart")
  void brokerOutageIsAnsweredAndRecovered() throws Exception {
    try (TestSystem system = TestSystem.start(Map.of(ConfigKey.REPLY_TIMEOUT_MS.env(), "2000"))) {
      Visitors visitors = new Visitors(system.api());
      String token = visitors.create().getString("token");
      String rid = visitors.createRoom(token).getString("_id");

      system.stopBroker();
      long downSince = System.nanoTime();
      List<Api.Response> duringOutage = new ArrayList<>();
      while (System.nanoTime() - downSince < TimeUnit.SECONDS.toNanos(10)) {
        long started = System.nanoTime();
        Api.Response response = system.api().get("livechat/room?token=" + token);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered, never hung")
            .isLessThan(Duration.ofSeconds(8));
        duringOutage.add(response);
      }
      system.startBroker();

      assertThat(duringOutage).isNotEmpty().allSatisfy(response -> {
        assertThat(response.status()).isIn(503, 504);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.json().getBoolean("success")).isFalse();
        assertThat(response.json().getString("errorType")).isIn("error-timeout", "error-service-unavailable");
      });
      Api.Response recovered = awaitOk(() -> system.api().get("livechat/room?token=" + token), Duration.ofSeconds(90));
      assertThat(recovered.json().getJsonObject("room").getString("_id")).isEqualTo(rid);
      JsonObject fresh = awaitOk(() -> system.api().post("livechat/visitor", Map.of(), new JsonObject()
          .put("visitor", new JsonObject().put("token", TestSystem.randomToken()))), Duration.ofSeconds(60)).json();
      String freshToken = fresh.getJsonObject("visitor").getString("token");
      assertThat(awaitOk(() -> system.api().get("livechat/room?token=" + freshToken), Duration.ofSeconds(60))
          .json().getBoolean("newRoom")).isTrue();
      System.out.printf("broker down 10 s: %d requests answered %s meanwhile; recovered without restarting a service%n",
          duringOutage.size(), duringOutage.stream().map(Api.Response::status).distinct().toList());
    }
  }

  @Test
  @DisplayName("a standalone restart keeps visitors, rooms, login tokens and room events")
  void restartKeepsEverything() throws Exception {
    try (TestSystem system = TestSystem.startOnFiles()) {
      Visitors visitors = new Visitors(system.api());
      JsonObject visitor = visitors.create();
      String token = visitor.getString("token");
      String rid = visitors.createRoom(token).getString("_id");
      Map<String, String> session = system.adminHeaders();

      system.restart();

      JsonObject room = system.api().get("livechat/room?token=" + token).json();
      assertThat(room.getBoolean("newRoom")).isFalse();
      assertThat(room.getJsonObject("room").getString("_id")).isEqualTo(rid);
      Api.Response info = system.api().get("livechat/visitors.info?visitorId=" + visitor.getString("_id"), session);
      assertThat(info.status()).as("the login token of before the restart still authenticates").isEqualTo(200);
      assertThat(info.json().getJsonObject("visitor").getString("token")).isEqualTo(token);
      assertThat(Events.read(system.bootstrapServers(), Topics.ROOM_EVENTS, record -> rid.equals(record.key()),
          EVENT_WAIT)).hasSize(1);
    }
  }

  /** Registers visitors, gets their rooms and saves room info until told to stop; records what was acknowledged. */
  private static void writeLoad(TestSystem system, Map<String, String> admin, Acknowledged acknowledged,
                                AtomicBoolean running) {
    Api api = system.api();
    while (running.get()) {
      String token = TestSystem.randomToken();
      Api.Response visitor = api.post("livechat/visitor", Map.of(),
          new JsonObject().put("visitor", new JsonObject().put("token", token)));
      if (visitor.status() != 200) {
        acknowledged.failures.incrementAndGet();
        continue;
      }
      Api.Response room = api.get("livechat/room?token=" + token);
      if (room.status() != 200) {
        acknowledged.failures.incrementAndGet();
        continue;
      }
      String rid = room.json().getJsonObject("room").getString("_id");
      acknowledged.room(rid, token);
      JsonObject body = Visitors.saveInfo(
          new JsonObject().put("_id", visitor.json().getJsonObject("visitor").getString("_id")),
          new JsonObject().put("_id", rid).put("topic", token));
      if (api.post("livechat/room.saveInfo", admin, body).status() == 200) {
        acknowledged.topics.put(rid, token);
      } else {
        acknowledged.failures.incrementAndGet();
      }
    }
  }

  /** Waits until no room has pending events (the outbox sweeps are done); @return how many still have some (0) */
  private static long awaitNoPendingEvents(TestSystem system, Duration within) {
    JsonObject pending = new JsonObject().put(MongoDocs.OUTBOX_FIELD + ".id", new JsonObject().put("$exists", true));
    return Waits.upTo("no room with pending events", within)
        .until(() -> system.mongo().count(Collections.ROOMS, pending).await(), count -> count == 0);
  }

  private static Api.Response awaitOk(java.util.function.Supplier<Api.Response> call, Duration within) {
    return Waits.upTo("a 200 once the broker is back", within).until(call::get, response -> response.status() == 200);
  }

  /** What the clients saw acknowledged with 200. */
  private static final class Acknowledged {
    final Map<String, String> rooms = new ConcurrentHashMap<>();
    final Map<String, String> topics = new ConcurrentHashMap<>();
    final AtomicInteger failures = new AtomicInteger();

    void room(String rid, String token) {
      rooms.put(rid, token);
    }

    void awaitRooms(int count) {
      Waits.upTo(count + " acknowledged rooms", Duration.ofSeconds(120)).until(() -> rooms.size() >= count);
    }
  }
}
