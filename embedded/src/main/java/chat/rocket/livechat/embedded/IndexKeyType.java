package chat.rocket.livechat.embedded;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.Arrays;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes ({@code _id} and every unique index; issue 12): H2's
 * {@link ObjectDataType} order, with the comparison made cheap, and keys stored as {@link BsonDataType} stores them.
 *
 * <p>mongo-java-server keys a unique index by its {@link KeyValue}, which is not {@link Comparable}, so H2 orders two
 * keys by their Java-serialized bytes and serializes <em>both</em> on every comparison of a B-tree search: about 2 x 17
 * {@code ObjectOutputStream}s per point read at 100 k keys, the largest share of the store's CPU in the room-creation
 * profile (bench/results.md). Here the searched key is serialized once per lookup (kept per thread while the search
 * descends the tree's levels) and a stored key's bytes are kept (weakly, by identity, while its page is in memory)
 * for the next search. The order is exactly H2's (unsigned
 * lexicographic bytes, then length), so the keys of files written with the plain type keep their order.
 */
final class IndexKeyType extends BsonDataType {

  /** Stored keys whose bytes are kept; about 200 bytes each (key, bytes, cache entry). */
  static final long KEPT_KEYS = 200_000;

  private static final Cache<Object, byte[]> BYTES = Caffeine.newBuilder().weakKeys().maximumSize(KEPT_KEYS)
      .build();
  /** Per store thread: the key last searched and its bytes (a lookup searches one page per level of the tree). */
  private static final ThreadLocal<Object[]> LAST_SEARCHED = ThreadLocal.withInitial(() -> new Object[2]);

  /** Compares as {@link ObjectDataType#compare} does: unsigned bytes for two keys of a unique index. */
  @Override
  public int compare(Object a, Object b) {
    if (a == b) {
      return 0;
    }
    if (a instanceof KeyValue && b instanceof KeyValue) {
      return Arrays.compareUnsigned(searchedBytes(a), bytesOf(b));
    }
    return super.compare(a, b);
  }

  /**
   * {@link org.h2.mvstore.type.BasicDataType#binarySearch}'s algorithm (same guess, same result: the index, or
   * {@code -(insertion point + 1)}) with {@code key} serialized once per lookup instead of twice per probe.
   */
  @Override
  public int binarySearch(Object key, Object storage, int size, int initialGuess) {
    if (!(key instanceof KeyValue)) {
      return super.binarySearch(key, storage, size, initialGuess);
    }
    byte[] searched = searchedBytes(key);
    Object[] keys = (Object[]) storage;
    int low = 0;
    int high = size - 1;
    int x = initialGuess - 1;
    if (x < 0 || x > high) {
      x = high >>> 1;
    }
    while (low <= high) {
      int order = keys[x] instanceof KeyValue ? Arrays.compareUnsigned(searched, bytesOf(keys[x]))
          : super.compare(key, keys[x]);
      if (order > 0) {
        low = x + 1;
      } else if (order < 0) {
        high = x - 1;
      } else {
        return x;
      }
      x = (low + high) >>> 1;
    }
    return -(low + 1);
  }

  private static byte[] searchedBytes(Object key) {
    Object[] last = LAST_SEARCHED.get();
    if (last[0] != key) {
      last[1] = serialize(key);
      last[0] = key;
    }
    return (byte[]) last[1];
  }

  private static byte[] bytesOf(Object storedKey) {
    return BYTES.get(storedKey, ObjectDataType::serialize);
  }
}
