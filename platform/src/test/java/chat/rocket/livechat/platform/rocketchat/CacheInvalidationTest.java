package chat.rocket.livechat.platform.rocketchat;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.EventType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link CacheInvalidation}: which entries a change event drops, with caches that would otherwise hold a minute. */
class CacheInvalidationTest {

  private static final long MINUTE_MS = 60_000;

  private final Vertx vertx = Vertx.vertx();
  private final Map<String, AtomicInteger> loads = new ConcurrentHashMap<>();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private CachedLookup<String, Integer> countingCache() {
    return new CachedLookup<>(vertx, MINUTE_MS,
        key -> Future.succeededFuture(loads.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet()));
  }

  private static int read(CachedLookup<String, Integer> cache, String key) throws Exception {
    return cache.get(key).await(5, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("a setting.changed event reloads exactly the named setting in every registered settings cache")
  void dropsTheNamedEntry() throws Exception {
    CacheInvalidation registry = CacheInvalidation.of(vertx);
    CachedLookup<String, Integer> first = countingCache();
    CachedLookup<String, Integer> second = countingCache();
    registry.register(EventType.SETTING_CHANGED, first, true);
    registry.register(EventType.SETTING_CHANGED, second, true);
    read(first, "Livechat_title");
    read(first, "Livechat_enabled");

    assertThat(registry.invalidate(EventType.SETTING_CHANGED, "Livechat_title")).isEqualTo(2);

    assertThat(read(first, "Livechat_title")).isEqualTo(2);
    assertThat(read(first, "Livechat_enabled")).as("another setting stays cached").isEqualTo(1);
  }

  @Test
  @DisplayName("an event of another type leaves the cache alone; a whole-cache registration drops every entry")
  void typesAndWholeCaches() throws Exception {
    CacheInvalidation registry = CacheInvalidation.of(vertx);
    CachedLookup<String, Integer> permissions = countingCache();
    CachedLookup<String, Integer> customFields = countingCache();
    registry.register(EventType.PERMISSION_CHANGED, permissions, true);
    registry.register(EventType.CUSTOM_FIELD_CHANGED, customFields, false);
    read(permissions, "view-l-room");
    read(customFields, "visitor");

    registry.invalidate(EventType.SETTING_CHANGED, "view-l-room");
    registry.invalidate(EventType.CUSTOM_FIELD_CHANGED, "address");

    assertThat(read(permissions, "view-l-room")).isEqualTo(1);
    assertThat(read(customFields, "visitor")).isEqualTo(2);
  }

  @Test
  @DisplayName("every caller on one Vert.x instance gets the same registry")
  void onePerVertx() {
    assertThat(CacheInvalidation.of(vertx)).isSameAs(CacheInvalidation.of(vertx));
  }
}
