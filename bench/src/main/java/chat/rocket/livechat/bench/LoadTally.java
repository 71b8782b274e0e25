package chat.rocket.livechat.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What an {@link OpenLoad} phase offered and got back: requests offered (scheduled), not sent (the outstanding cap was
 * reached at their scheduled time), answered 2xx, 504, 503 and anything else (other statuses, connection failures),
 * and the latency of answered requests in µs measured from their <em>scheduled</em> send time (so a stalled client or
 * server does not hide its backlog: corrected for coordinated omission). Answers are counted in the second they
 * arrived (seconds since the run's start), offers in the second they were scheduled, so a collapse or a recovery shows
 * second by second. Synchronized: answers may arrive on any event loop.
 */
final class LoadTally {

  /** Counters and latencies of one span of time (a phase, or one second). */
  private static final class Counts {
    private long offered;
    private long notSent;
    private long ok;
    private long timeout;
    private long unavailable;
    private long other;
    private final Histogram latency = new Histogram(3_600_000_000L, 3);
  }

  private final int rate;
  private final int seconds;
  private final Counts total = new Counts();
  private final List<Counts> perSecond = new ArrayList<>();

  /**
   * @param rate    the phase's offered rate, requests/s
   * @param seconds the phase's length
   */
  LoadTally(int rate, int seconds) {
    this.rate = rate;
    this.seconds = seconds;
  }

  /** Counts a request scheduled in {@code second} of the run; {@code sent} false = the cap held it back. */
  synchronized void offered(int second, boolean sent) {
    total.offered++;
    at(second).offered++;
    if (!sent) {
      total.notSent++;
      at(second).notSent++;
    }
  }

  /**
   * Counts an answer that arrived in {@code second} of the run.
   *
   * @param status    the HTTP status, 0 for a connection failure
   * @param latencyUs scheduled send time → answer, µs
   */
  synchronized void answered(int second, int status, long latencyUs) {
    count(total, status, latencyUs);
    count(at(second), status, latencyUs);
  }

  private static void count(Counts counts, int status, long latencyUs) {
    if (status >= 200 && status < 300) {
      counts.ok++;
      counts.latency.recordValue(latencyUs);
    } else if (status == 504) {
      counts.timeout++;
    } else if (status == 503) {
      counts.unavailable++;
    } else {
      counts.other++;
    }
  }

  private Counts at(int second) {
    while (perSecond.size() <= second) {
      perSecond.add(new Counts());
    }
    return perSecond.get(second);
  }

  /**
   * @return {@code {rate, seconds, offered, notSent, ok, timeout504, unavailable503, other, goodput (2xx/s; 0 for the
   *     run's timeline, which has no length of its own),
   *     p50Ms, p99Ms, maxMs (2xx only), perSecond: [{ok, timeout504, unavailable503, other, notSent, p99Ms}]}}
   */
  synchronized JsonObject toJson() {
    JsonArray seconds = new JsonArray();
    perSecond.forEach(counts -> seconds.add(counts(counts)));
    return counts(total).put("rate", rate).put("seconds", this.seconds).put("offered", total.offered)
        .put("goodput", this.seconds > 0 ? total.ok / (double) this.seconds : 0.0)
        .put("p50Ms", total.latency.getValueAtPercentile(50) / 1000.0)
        .put("maxMs", total.latency.getMaxValue() / 1000.0).put("perSecond", seconds);
  }

  private static JsonObject counts(Counts counts) {
    return new JsonObject().put("ok", counts.ok).put("timeout504", counts.timeout)
        .put("unavailable503", counts.unavailable).put("other", counts.other).put("notSent", counts.notSent)
        .put("p99Ms", counts.latency.getValueAtPercentile(99) / 1000.0);
  }
}
