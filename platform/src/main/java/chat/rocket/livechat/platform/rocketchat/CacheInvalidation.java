package chat.rocket.livechat.platform.rocketchat;

import chat.rocket.livechat.contracts.EventType;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The cached copies of Rocket.Chat's admin documents in one process (issue 11, "Changes take effect at once"): every
 * {@link Settings}, {@link Permissions} and {@link CustomFields} of a Vert.x instance registers its
 * {@link CachedLookup} here, and a change event of {@code livechat.admin.events} drops the matching entries in all of
 * them ({@link #invalidate}): {@link EventType#SETTING_CHANGED} and {@link EventType#PERMISSION_CHANGED} the entry of
 * the event's subject (the setting or permission {@code _id}), {@link EventType#CUSTOM_FIELD_CHANGED} every entry of
 * the caches of that kind. No process caches roles or users (a user's roles are read with its session on every
 * request), so a change of either applies at once without an event. The entries' {@code CACHE_TTL_MS} expiry stays
 * the fallback for documents written straight into MongoDB. One instance per Vert.x instance (in its local shared
 * data, like {@code Readiness}); caches are held weakly, so an undeployed verticle's caches leave with it. Thread-safe.
 */
public final class CacheInvalidation implements Shareable {

  private static final String MAP = "livechat.cache-invalidation";

  private final Map<CachedLookup<?, ?>, Registration> caches = Collections.synchronizedMap(new WeakHashMap<>());

  private CacheInvalidation() {
  }

  /** @return the registry of this Vert.x instance */
  public static CacheInvalidation of(Vertx vertx) {
    LocalMap<String, CacheInvalidation> map = vertx.sharedData().getLocalMap(MAP);
    CacheInvalidation fresh = new CacheInvalidation();
    CacheInvalidation existing = map.putIfAbsent(MAP, fresh);
    return existing == null ? fresh : existing;
  }

  /**
   * @param type  the event type whose events concern the cache
   * @param cache a cache keyed by the document's {@code _id} ({@code byKey}) or by anything else (every entry dropped)
   * @param byKey true to drop only the entry of the event's subject
   */
  public void register(EventType type, CachedLookup<String, ?> cache, boolean byKey) {
    caches.put(cache, new Registration(type, byKey));
  }

  /**
   * Drops what a change makes stale.
   *
   * @param type    the change event's type; other types change nothing
   * @param subject the changed document's {@code _id}
   * @return how many caches were touched
   */
  @SuppressWarnings("unchecked")
  public int invalidate(EventType type, String subject) {
    List<Map.Entry<CachedLookup<?, ?>, Registration>> matching = new ArrayList<>();
    synchronized (caches) {
      caches.entrySet().stream().filter(entry -> entry.getValue().type() == type).forEach(matching::add);
    }
    for (Map.Entry<CachedLookup<?, ?>, Registration> entry : matching) {
      CachedLookup<String, ?> cache = (CachedLookup<String, ?>) entry.getKey();
      if (entry.getValue().byKey()) {
        cache.invalidate(subject);
      } else {
        cache.invalidateAll();
      }
    }
    return matching.size();
  }

  /** What one registered cache holds. */
  private record Registration(EventType type, boolean byKey) {
  }
}
