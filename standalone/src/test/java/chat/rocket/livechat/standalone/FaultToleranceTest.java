package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
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

  @Test
  @DisplayName("a room-service killed with SIGKILL under write load loses no acknowledged write, duplicates no open "
      + "room, and every room change has an event")
  void sigkillOfRoomServiceLosesNothing() throws Exception {
    try (TestSystem system = TestSystem.start()) {
      Process external = startRoomServiceProcess(system);
      Map<String, String> admin = system.adminHeaders();
      Acknowledged acknowledged = new Acknowledged();
      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService clients = Executors.newFixedThreadPool(6);
      for (int i = 0; i < 6; i++) {
        clients.submit(() -> writeLoad(system, admin, acknowledged, running));
      }
      acknowledged.awaitRooms(40);
      external.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      int killedAt = acknowledged.rooms.size();
      acknowledged.awaitRooms(killedAt + 80);
      running.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

      int roomsFound = 0;
      for (Map.Entry<String, String> room : acknowledged.rooms.entrySet()) {
        JsonObject stored = system.findOne(Collections.ROOMS, new JsonObject().put("_id", room.getKey()));
        if (stored != null && room.getValue().equals(stored.getJsonObject("v").getString("token"))) {
          roomsFound++;
        }
      }
      int topicsFound = 0;
      for (Map.Entry<String, String> save : acknowledged.topics.entrySet()) {
        JsonObject stored = system.findOne(Collections.ROOMS, new JsonObject().put("_id", save.getKey()));
        if (stored != null && save.getValue().equals(stored.getString("topic"))) {
          topicsFound++;
        }
      }
      List<JsonObject> openRooms = system.mongo().find(Collections.ROOMS,
          new JsonObject().put("t", "l").put("open", true)).await();
      Map<String, Integer> openPerToken = new HashMap<>();
      openRooms.forEach(room -> openPerToken.merge(room.getJsonObject("v").getString("token"), 1, Integer::sum));
      long duplicates = openPerToken.values().stream().filter(count -> count > 1).count();
      Set<String> created = eventKeys(system, EventType.ROOM_CREATED, acknowledged.rooms.keySet());
      Set<String> allRooms = new HashSet<>();
      system.mongo().find(Collections.ROOMS, new JsonObject().put("t", "l")).await()
          .forEach(room -> allRooms.add(room.getString("_id")));
      Set<String> allCreated = eventKeys(system, EventType.ROOM_CREATED, allRooms);
      Set<String> updated = eventKeys(system, EventType.ROOM_UPDATED, acknowledged.topics.keySet());
      System.out.printf("SIGKILL of a room-service at %d acknowledged rooms: rooms acknowledged %d found %d; "
              + "saveInfo acknowledged %d found %d; failed requests %d; visitors with two open rooms %d; "
              + "room.created events missing %d (for all %d rooms in MongoDB: %d); room.updated events missing %d%n",
          killedAt, acknowledged.rooms.size(), roomsFound, acknowledged.topics.size(), topicsFound,
          acknowledged.failures.get(), duplicates, acknowledged.rooms.size() - created.size(), allRooms.size(),
          allRooms.size() - allCreated.size(), acknowledged.topics.size() - updated.size());

      assertThat(roomsFound).isEqualTo(acknowledged.rooms.size());
      assertThat(topicsFound).isEqualTo(acknowledged.topics.size());
      assertThat(duplicates).isZero();
      assertThat(created).containsExactlyInAnyOrderElementsOf(acknowledged.rooms.keySet());
      assertThat(updated).containsExactlyInAnyOrderElementsOf(acknowledged.topics.keySet());
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

  /** Starts a room-service as its own JVM on the test system's broker and store; returns once it is ready. */
  private static Process startRoomServiceProcess(TestSystem system) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx256m", "-cp",
        System.getProperty("java.class.path"), chat.rocket.livechat.room.Main.class.getName())
        .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    for (ConfigKey key : ConfigKey.values()) {
      env.put(key.env(), key.get(system.config()));
    }
    env.put(ConfigKey.MANAGEMENT_PORT.env(), "0");
    Process process = builder.start();
    CountDownLatch ready = new CountDownLatch(1);
    StringBuffer output = new StringBuffer();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          output.append(line).append('\n');
          if (line.contains("room-service ready")) {
            ready.countDown();
          }
        }
      } catch (java.io.IOException e) {
        // the process was killed
      }
    }, "external-room-service-output");
    reader.setDaemon(true);
    reader.start();
    assertThat(ready.await(90, TimeUnit.SECONDS)).as("external room-service ready; its output:%n%s", output).isTrue();
    return process;
  }

  private static Set<String> eventKeys(TestSystem system, EventType type, Set<String> wanted) {
    Set<String> found = ConcurrentHashMap.newKeySet();
    Events.read(system.bootstrapServers(), Topics.ROOM_EVENTS, record -> {
      if (wanted.contains(record.key()) && type.type().equals(Events.header(record, "ce_type"))) {
        found.add(record.key());
      }
      return found.size() == wanted.size();
    }, EVENT_WAIT);
    return new HashSet<>(found);
  }

  private static Api.Response awaitOk(java.util.function.Supplier<Api.Response> call, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    Api.Response response = call.get();
    while (response.status() != 200 && System.nanoTime() < deadline) {
      response = call.get();
    }
    assertThat(response.status()).as("recovered within %s: %s", within, response.body()).isEqualTo(200);
    return response;
  }

  /** What the clients saw acknowledged with 200. */
  private static final class Acknowledged {
    final Map<String, String> rooms = new ConcurrentHashMap<>();
    final Map<String, String> topics = new ConcurrentHashMap<>();
    final AtomicInteger failures = new AtomicInteger();
    private final Object signal = new Object();

    void room(String rid, String token) {
      rooms.put(rid, token);
      synchronized (signal) {
        signal.notifyAll();
      }
    }

    void awaitRooms(int count) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      synchronized (signal) {
        while (rooms.size() < count && System.nanoTime() < deadline) {
          signal.wait(1000);
        }
      }
      assertThat(rooms.size()).as("acknowledged rooms").isGreaterThanOrEqualTo(count);
    }
  }
}
