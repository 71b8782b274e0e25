package chat.rocket.livechat.bench;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.platform.runtime.Mongo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * Benchmark data (bench/run.py): {@code BENCH_ROOMS} visitors {@code bench-<i>} each with an open livechat room served
 * by the admin (and {@code lastChat} naming it, as Rocket.Chat records), and {@code BENCH_FRESH} visitors
 * {@code fresh-<i>} without a room (for the room-creation scenario), and {@code BENCH_AGENTS} (default 0) more
 * available agents {@code bench-agent-<i>} beside the admin (so that Auto_Selection compares agents' open rooms on
 * every creation, as on a site with several agents online), in Rocket.Chat's document shapes. With {@code BENCH_OPEN}
 * (default: all) only that many rooms are open, spread evenly as the load scripts' {@code BENCH_ACTIVE} rooms are
 * (every {@code rooms / open}-th); the others are closed by the visitor (no {@code open},
 * {@code closedAt}, {@code closer}), as the rooms of a site pile up while its conversations under way stay few; then
 * turns Rocket.Chat's rate limiter off through its setting, as benchmarks must. Ids are derived from {@code i} so the
 * load scripts can name them: visitor {@link #visitorId(long)}, room {@link #roomId(long)}. Runs as
 * {@code java -cp bench/target/livechat-bench.jar chat.rocket.livechat.bench.BenchSeeder} against {@code MONGO_URL}
 * after the seed step (it needs the admin); blocks on the main thread (never an event loop).
 */
public final class BenchSeeder {

  private static final int BATCH = 2_000;
  /** Offset of fresh visitors' ids, far above any seeded room count. */
  private static final long FRESH_ID_OFFSET = 1L << 40;

  private BenchSeeder() {
  }

  /** @return the 24-hex id of seeded visitor {@code i} */
  public static String visitorId(long i) {
    return String.format("%024x", i);
  }

  /** @return the 17-character id of seeded room {@code i} */
  public static String roomId(long i) {
    return String.format("B%016d", i);
  }

  /**
   * @param args ignored; {@code BENCH_ROOMS} (default 1000), {@code BENCH_FRESH} (default 50000), {@code MONGO_URL}
   */
  public static void main(String[] args) throws Exception {
    long rooms = Long.parseLong(System.getenv().getOrDefault("BENCH_ROOMS", "1000"));
    long fresh = Long.parseLong(System.getenv().getOrDefault("BENCH_FRESH", "50000"));
    long agents = Long.parseLong(System.getenv().getOrDefault("BENCH_AGENTS", "0"));
    long open = Long.parseLong(System.getenv().getOrDefault("BENCH_OPEN", Long.toString(rooms)));
    JsonObject config = ConfigKey.fromEnv(System.getenv());
    Vertx vertx = Vertx.vertx();
    MongoClient mongo = Mongo.client(vertx, config);
    try {
      JsonObject admin = mongo.findOne(Collections.USERS, new JsonObject().put("roles", "admin"), null)
          .await(1, TimeUnit.MINUTES);
      long started = System.nanoTime();
      insertAll(mongo, rooms, i -> visitor(i, "bench-" + i)
          .put("lastChat", new JsonObject().put("_id", roomId(i)).put("ts", MongoDocs.now())), Collections.VISITORS);
      long stride = rooms / Math.max(1, Math.min(open, rooms));
      insertAll(mongo, rooms, i -> i % stride == 0 && i / stride < open ? room(i, admin) : closed(room(i, admin)),
          Collections.ROOMS);
      insertAll(mongo, fresh, i -> visitor(FRESH_ID_OFFSET + i, "fresh-" + i), Collections.VISITORS);
      insertAll(mongo, agents, BenchSeeder::agent, Collections.USERS);
      mongo.updateCollectionWithOptions(Collections.SETTINGS,
          new JsonObject().put("_id", Setting.API_ENABLE_RATE_LIMITER.id()),
          new JsonObject().put("$set", new JsonObject().put("value", false)), new UpdateOptions().setUpsert(true))
          .await(1, TimeUnit.MINUTES);
      System.out.printf("seeded %d visitors with open rooms and %d fresh visitors in %d ms%n", rooms, fresh,
          (System.nanoTime() - started) / 1_000_000);
    } finally {
      vertx.close().await(1, TimeUnit.MINUTES);
    }
  }

  private static void insertAll(MongoClient mongo, long count, LongFunction<JsonObject> document,
                                String collection) throws Exception {
    for (long from = 0; from < count; from += BATCH) {
      List<BulkOperation> batch = new ArrayList<>();
      for (long i = from; i < Math.min(count, from + BATCH); i++) {
        batch.add(BulkOperation.createInsert(document.apply(i)));
      }
      Future<?> written = mongo.bulkWrite(collection, batch);
      written.await(5, TimeUnit.MINUTES);
    }
  }

  private static JsonObject visitor(long i, String token) {
    JsonObject now = MongoDocs.now();
    return new JsonObject().put("_id", visitorId(i)).put("token", token).put("username", "guest-" + token)
        .put("name", "Visitor " + token).put("status", "online").put("ts", now).put("_updatedAt", now);
  }

  /** An available agent with no password (it never logs in): Rocket.Chat's user shape for an agent online. */
  private static JsonObject agent(long i) {
    JsonObject now = MongoDocs.now();
    return new JsonObject().put("_id", "bench-agent-" + i).put("username", "bench-agent-" + i)
        .put("name", "Bench agent " + i).put("type", "user").put("active", true)
        .put("roles", new JsonArray().add("user").add("livechat-agent")).put("status", "online")
        .put("statusLivechat", "available").put("createdAt", now).put("_updatedAt", now);
  }

  /** The room as Rocket.Chat's close by its visitor leaves it. */
  private static JsonObject closed(JsonObject room) {
    room.remove("open");
    JsonObject visitor = room.getJsonObject("v");
    return room.put("closedAt", MongoDocs.now()).put("closer", "visitor")
        .put("closedBy", new JsonObject().put("_id", visitor.getString("_id"))
            .put("username", visitor.getString("username")));
  }

  private static JsonObject room(long i, JsonObject admin) {
    JsonObject now = MongoDocs.now();
    String token = "bench-" + i;
    return new JsonObject().put("_id", roomId(i)).put("msgs", 0).put("usersCount", 2).put("lm", now)
        .put("fname", "Visitor " + token).put("t", "l").put("ts", now)
        .put("v", new JsonObject().put("_id", visitorId(i)).put("username", "guest-" + token).put("token", token)
            .put("status", "online"))
        .put("cl", false).put("open", true).put("waitingResponse", true)
        .put("source", new JsonObject().put("type", "api")).put("queuedAt", now).put("priorityWeight", 99)
        .put("estimatedWaitingTimeQueue", 9999999)
        .put("servedBy", new JsonObject().put("_id", admin.getString("_id"))
            .put("username", admin.getString("username")).put("ts", now))
        .put("_updatedAt", now);
  }
}
