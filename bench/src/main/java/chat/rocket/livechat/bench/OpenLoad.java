package chat.rocket.livechat.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * Open-loop load (bench/overload.py): unlike wrk, which sends the next request only when an answer came back and so
 * never offers more than the system answers, this sends {@code GET /api/v1/livechat/room?token=...} at a fixed rate
 * whatever the answers, so an overload shows. A run is a list of phases {@code rate:seconds} (requests/s, s) run back
 * to back, e.g. {@code 400:10,200:10} (twice the sustainable rate, then the sustainable rate to watch the recovery).
 * Request {@code i} of a phase is scheduled at {@code start + i / rate}; a 1 ms timer sends every request due. At
 * most {@code BENCH_MAX_OUTSTANDING} requests are unanswered at once (one HTTP/1.1 connection each): a request due
 * while the cap is reached is not sent and counts as "not sent". Latencies run from the scheduled time
 * ({@link LoadTally}).
 *
 * <p>Environment: {@code PORT} (3000), {@code BENCH_PHASES} ({@code 100:10}), {@code BENCH_MODE} ({@code existing}:
 * token {@code bench-<random seeded room>}, {@link BenchSeeder}; {@code create}: token {@code fresh-<n>}, a new visitor
 * per request from {@code BENCH_FRESH_FROM}), {@code BENCH_ROOMS} (1000), {@code BENCH_FRESH_FROM} (0),
 * {@code BENCH_MAX_OUTSTANDING} (2000), {@code BENCH_CLIENT_TIMEOUT_MS} (30000: a request unanswered that long counts
 * as "other"). After the last phase it waits for the outstanding answers. Prints one JSON line
 * {@code {sent, phases: [LoadTally per phase], timeline: LoadTally of the whole run}}.
 */
public final class OpenLoad {

  private static final String PATH = "/api/v1/livechat/room?token=";
  private static final long TICK_MS = 1;

  private final Vertx vertx;
  /** The one event loop that schedules, sends and counts: no state is shared between threads. */
  private final Context context;
  private final WebClient client;
  private final int port;
  private final int maxOutstanding;
  private final long clientTimeoutMs;
  private final LongFunction<String> token;
  private final LoadTally timeline = new LoadTally(0, 0);
  private long runStart;
  private long sent;
  private int outstanding;

  private OpenLoad(Vertx vertx, Map<String, String> env) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.port = Integer.parseInt(env.getOrDefault("PORT", "3000"));
    this.maxOutstanding = Integer.parseInt(env.getOrDefault("BENCH_MAX_OUTSTANDING", "2000"));
    this.clientTimeoutMs = Long.parseLong(env.getOrDefault("BENCH_CLIENT_TIMEOUT_MS", "30000"));
    long rooms = Long.parseLong(env.getOrDefault("BENCH_ROOMS", "1000"));
    long freshFrom = Long.parseLong(env.getOrDefault("BENCH_FRESH_FROM", "0"));
    this.token = "create".equals(env.getOrDefault("BENCH_MODE", "existing"))
        ? n -> "fresh-" + (freshFrom + n)
        : n -> "bench-" + ThreadLocalRandom.current().nextLong(rooms);
    this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(maxOutstanding));
  }

  /** @param args ignored; configuration from the environment (class comment) */
  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      OpenLoad load = new OpenLoad(vertx, System.getenv());
      List<int[]> phases = phases(System.getenv().getOrDefault("BENCH_PHASES", "100:10"));
      long total = phases.stream().mapToLong(p -> p[1]).sum();
      JsonObject report = load.run(phases).await(total + 120, TimeUnit.SECONDS);
      System.out.println(report.encode());
    } finally {
      vertx.close().await(1, TimeUnit.MINUTES);
    }
  }

  private static List<int[]> phases(String spec) {
    List<int[]> phases = new ArrayList<>();
    for (String phase : spec.split(",")) {
      String[] parts = phase.split(":");
      phases.add(new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())});
    }
    return phases;
  }

  private Future<JsonObject> run(List<int[]> phases) {
    Promise<JsonObject> done = Promise.promise();
    context.runOnContext(v -> {
      runStart = System.nanoTime();
      List<LoadTally> tallies = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (int[] phase : phases) {
        LoadTally tally = new LoadTally(phase[0], phase[1]);
        tallies.add(tally);
        chain = chain.compose(x -> phase(phase[0], phase[1], tally));
      }
      chain.compose(x -> drained(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(clientTimeoutMs + 5_000)))
          .map(x -> new JsonObject().put("sent", sent).put("timeline", timeline.toJson())
              .put("phases", new JsonArray(tallies.stream().map(LoadTally::toJson).toList())))
          .onComplete(done);
    });
    return done.future();
  }

  /** Offers {@code rate} requests/s for {@code seconds}; completes when the last one is due (not answered). */
  private Future<Void> phase(int rate, int seconds, LoadTally tally) {
    Promise<Void> end = Promise.promise();
    long start = System.nanoTime();
    long count = (long) rate * seconds;
    long[] next = {0};
    vertx.setPeriodic(TICK_MS, timer -> {
      long now = System.nanoTime();
      while (next[0] < count && start + next[0] * 1_000_000_000L / rate <= now) {
        offer(start + next[0] * 1_000_000_000L / rate, tally);
        next[0]++;
      }
      if (next[0] >= count) {
        vertx.cancelTimer(timer);
        end.tryComplete();
      }
    });
    return end.future();
  }

  private void offer(long scheduled, LoadTally tally) {
    int second = second(scheduled);
    boolean send = outstanding < maxOutstanding;
    tally.offered(second, send);
    timeline.offered(second, send);
    if (!send) {
      return;
    }
    outstanding++;
    String path = PATH + token.apply(sent++);
    client.get(port, "127.0.0.1", path).timeout(clientTimeoutMs).send()
        .map(response -> response.statusCode())
        .otherwise(0)
        .onSuccess(status -> {
          outstanding--;
          long now = System.nanoTime();
          long latencyUs = TimeUnit.NANOSECONDS.toMicros(now - scheduled);
          tally.answered(second(now), status, latencyUs);
          timeline.answered(second(now), status, latencyUs);
        });
  }

  private int second(long nanos) {
    return (int) TimeUnit.NANOSECONDS.toSeconds(nanos - runStart);
  }

  private Future<Void> drained(long deadline) {
    if (outstanding == 0 || System.nanoTime() >= deadline) {
      return Future.succeededFuture();
    }
    Promise<Void> later = Promise.promise();
    vertx.setTimer(50, t -> later.complete());
    return later.future().compose(v -> drained(deadline));
  }
}
