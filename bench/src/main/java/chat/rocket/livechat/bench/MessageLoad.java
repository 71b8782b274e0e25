package chat.rocket.livechat.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The sending side of the realtime benchmark: {@code senders} closed loops, each posting
 * {@code POST /api/v1/livechat/message {token, rid, msg, _id}} for a random seeded room ({@link BenchSeeder}) and
 * sending the next as soon as the answer arrives. Every message carries its own {@code _id}, so the
 * {@link DdpSocket} that follows its room can time send → delivery: {@link #delivered(JsonObject)} is its listener.
 * Latencies are recorded in µs.
 */
final class MessageLoad {

  private static final String PATH = "/api/v1/livechat/message";
  private static final long DRAIN_MS = 5_000;

  private final Vertx vertx;
  private final WebClient client;
  private final int port;
  private final int rooms;
  private final Map<String, Long> pending = new ConcurrentHashMap<>();
  private final Recorder http = new Recorder(3);
  private final Recorder delivery = new Recorder(3);
  /** Message ids are unique per client process: a stored {@code _id} sent again to another room is refused. */
  private final String idPrefix = "bench-" + Long.toString(System.nanoTime(), 36) + "-";
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();

  /**
   * @param vertx   the client's Vert.x
   * @param port    the gateway's HTTP port on 127.0.0.1
   * @param rooms   seeded rooms {@code 0..rooms-1} to send to (each followed by one socket)
   * @param senders concurrent senders (HTTP connections)
   */
  MessageLoad(Vertx vertx, int port, int rooms, int senders) {
    this.vertx = vertx;
    this.port = port;
    this.rooms = rooms;
    this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(senders));
  }

  /** Listener of the sockets: records the send → delivery latency of a message this load sent. */
  void delivered(JsonObject message) {
    Long sentAt = pending.remove(message.getString("_id", ""));
    if (sentAt != null) {
      delivery.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sentAt));
    }
  }

  /**
   * Sends for {@code seconds}, then waits up to 5 s for the deliveries still due.
   *
   * @param seconds how long the senders run
   * @param senders concurrent senders
   * @return the figures of this run alone (recorders and counters are reset at its start)
   */
  Future<Stats> run(int seconds, int senders) {
    pending.clear();
    http.reset();
    delivery.reset();
    acknowledged.set(0);
    errors.set(0);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Future<Void>> loops = new ArrayList<>();
    for (int i = 0; i < senders; i++) {
      loops.add(loop(end));
    }
    return Future.all(loops).compose(v -> drained(System.currentTimeMillis() + DRAIN_MS))
        .map(v -> new Stats(seconds, acknowledged.get(), errors.get(), http.getIntervalHistogram(),
            delivery.getIntervalHistogram(), pending.size()));
  }

  private Future<Void> loop(long end) {
    if (System.nanoTime() >= end) {
      return Future.succeededFuture();
    }
    return sendOne().compose(v -> loop(end));
  }

  private Future<Void> sendOne() {
    long room = ThreadLocalRandom.current().nextLong(rooms);
    String id = idPrefix + sequence.incrementAndGet();
    JsonObject body = new JsonObject().put("token", "bench-" + room).put("rid", BenchSeeder.roomId(room))
        .put("msg", "benchmark message " + id).put("_id", id);
    long sentAt = System.nanoTime();
    pending.put(id, sentAt);
    return client.post(port, "127.0.0.1", PATH).sendJsonObject(body)
        .map(response -> response.statusCode() == 200)
        .otherwise(false)
        .map(ok -> {
          http.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sentAt));
          if (ok) {
            acknowledged.incrementAndGet();
          } else {
            errors.incrementAndGet();
            pending.remove(id);
          }
          return null;
        });
  }

  private Future<Void> drained(long deadline) {
    if (pending.isEmpty() || System.currentTimeMillis() >= deadline) {
      return Future.succeededFuture();
    }
    Promise<Void> later = Promise.promise();
    vertx.setTimer(50, t -> later.complete());
    return later.future().compose(v -> drained(deadline));
  }

  /**
   * Figures of one run.
   *
   * @param seconds      its duration
   * @param acknowledged messages answered 200
   * @param errors       messages answered otherwise or not at all
   * @param http         send → HTTP answer, µs
   * @param delivery     send → arrival on the room's socket, µs
   * @param lost         acknowledged messages not delivered within 5 s of the end
   */
  record Stats(int seconds, long acknowledged, long errors, Histogram http, Histogram delivery, long lost) {

    /** @return the run as one JSON object: rates per second, latencies in ms */
    JsonObject toJson() {
      return new JsonObject().put("messagesPerSecond", acknowledged / (double) seconds)
          .put("acknowledged", acknowledged).put("errors", errors).put("delivered", delivery.getTotalCount())
          .put("lost", lost)
          .put("httpP50Ms", ms(http, 50)).put("httpP99Ms", ms(http, 99))
          .put("deliveryP50Ms", ms(delivery, 50)).put("deliveryP99Ms", ms(delivery, 99))
          .put("deliveryMaxMs", delivery.getMaxValue() / 1000.0);
    }

    private static double ms(Histogram histogram, double percentile) {
      return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
  }
}
