package chat.rocket.livechat.platform.rocketchat;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Function;

/**
 * A Caffeine cache in front of an asynchronous lookup, answering Vert.x Futures on the caller's context. Entries
 * expire {@code ttlMs} after they were loaded, so a reader is at most that stale (Rocket.Chat memoizes permissions
 * for about 1 s, spec §1.4). Concurrent misses for one key share one load. A ttl of 0 disables caching.
 *
 * @param <K> key type
 * @param <V> value type (never null; wrap absent values in {@link java.util.Optional})
 */
public final class CachedLookup<K, V> {

  private static final long MAX_ENTRIES = 100_000;

  private final Vertx vertx;
  private final AsyncLoadingCache<K, V> cache;

  /**
   * @param ttlMs  time to live of an entry, in ms
   * @param loader loads a value; called on the caller's event loop
   */
  public CachedLookup(Vertx vertx, long ttlMs, Function<K, Future<V>> loader) {
    this.vertx = vertx;
    this.cache = Caffeine.newBuilder()
        .expireAfterWrite(Duration.ofMillis(ttlMs))
        .maximumSize(MAX_ENTRIES)
        .buildAsync((key, executor) -> loader.apply(key).toCompletionStage().toCompletableFuture());
  }

  /** @return the cached or freshly loaded value; a failed load is not cached */
  public Future<V> get(K key) {
    return Future.fromCompletionStage(cache.get(key), vertx.getOrCreateContext());
  }

  /** Drops the entry of {@code key}, e.g. after this process changed the underlying document. */
  public void invalidate(K key) {
    cache.synchronous().invalidate(key);
  }

  /** Drops every entry (a change that may touch any key, e.g. a custom field of some scope). */
  public void invalidateAll() {
    cache.synchronous().invalidateAll();
  }
}
