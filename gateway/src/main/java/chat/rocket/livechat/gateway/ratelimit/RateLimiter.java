package chat.rocket.livechat.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The call counters of Meteor's {@code RateLimiter} as Rocket.Chat's REST API uses them (spec §1.6): per key (client
 * IP + route) a fixed window that opens with the key's first call and lasts {@code intervalMs}; every call, allowed or
 * not, counts; a call is allowed while its window holds at most {@code limit} calls. Windows live in a Caffeine cache
 * that drops each one when it ends (and the least recently used beyond {@value #MAX_KEYS} keys). Thread-safe: one
 * instance serves every HTTP verticle of a gateway process, so the limit holds per process, as Rocket.Chat's
 * in-memory limiter holds per server instance.
 */
public final class RateLimiter {

  private static final long MAX_KEYS = 100_000;

  private final LongSupplier clockMs;
  private final Cache<String, Window> windows;

  /** A limiter on the system clock. */
  public RateLimiter() {
    this(System::currentTimeMillis);
  }

  /** @param clockMs the current time in epoch ms; the cache's expiry follows the same clock */
  public RateLimiter(LongSupplier clockMs) {
    this.clockMs = clockMs;
    Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clockMs.getAsLong());
    this.windows = Caffeine.newBuilder().ticker(ticker).maximumSize(MAX_KEYS).expireAfter(new UntilWindowEnds())
        .build();
  }

  /**
   * Counts one call of {@code key} and tells whether it is within the limit.
   *
   * @param key        client IP + route
   * @param limit      calls allowed per window (at least 1)
   * @param intervalMs window length in ms (at least 1)
   * @return the outcome of this call
   */
  public Attempt hit(String key, long limit, long intervalMs) {
    long now = clockMs.getAsLong();
    Window window = windows.asMap().compute(key, (k, open) -> open == null || open.endsAtMs() <= now
        || open.intervalMs() != intervalMs ? new Window(now + intervalMs, intervalMs, 1) : open.plusOne());
    return new Attempt(window.calls() <= limit, limit, Math.max(limit - window.calls(), 0), window.endsAtMs(),
        window.endsAtMs() - now);
  }

  /**
   * The outcome of one counted call.
   *
   * @param allowed   whether the call is within the limit
   * @param limit     calls allowed per window ({@code X-RateLimit-Limit})
   * @param remaining calls left in this window ({@code X-RateLimit-Remaining}), 0 when exceeded
   * @param resetAtMs when the window ends, in epoch ms ({@code X-RateLimit-Reset})
   * @param resetInMs ms until the window ends and the count starts again
   */
  public record Attempt(boolean allowed, long limit, long remaining, long resetAtMs, long resetInMs) {
  }

  /** One key's open window: when it ends (epoch ms), its length and the calls counted in it. */
  private record Window(long endsAtMs, long intervalMs, long calls) {
    Window plusOne() {
      return new Window(endsAtMs, intervalMs, calls + 1);
    }
  }

  /** Expires a window when it ends, whether it was just opened or counted another call. */
  private final class UntilWindowEnds implements Expiry<String, Window> {
    @Override
    public long expireAfterCreate(String key, Window window, long currentTime) {
      return remainingNanos(window);
    }

    @Override
    public long expireAfterUpdate(String key, Window window, long currentTime, long currentDuration) {
      return remainingNanos(window);
    }

    @Override
    public long expireAfterRead(String key, Window window, long currentTime, long currentDuration) {
      return currentDuration;
    }

    private long remainingNanos(Window window) {
      return TimeUnit.MILLISECONDS.toNanos(Math.max(window.endsAtMs() - clockMs.getAsLong(), 0));
    }
  }
}
