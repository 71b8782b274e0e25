package chat.rocket.livechat.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.MaxKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 map of one {@link SecondaryIndex}: one entry per document and indexed values, keyed
 * {@code KeyValue(values..., position)} under {@link SecondaryKeyType}, so that the entries of given leading values are
 * one range of the map, right after the key of those values alone.
 */
final class SecondaryEntries {

  private final MVStore store;
  private final MVMap<KeyValue, Boolean> map;

  /**
   * @param store   the store holding the map
   * @param mapName the map's name in the store, e.g. {@code rocketchat.rocketchat_message._secondary_rid_1}
   */
  SecondaryEntries(MVStore store, String mapName) {
    this.store = store;
    this.map = store.openMap(mapName, new MVMap.Builder<KeyValue, Boolean>().keyType(new SecondaryKeyType()));
  }

  /** Adds the entry of a document's indexed values (present already: no change). */
  void put(KeyValue values, Object position) {
    map.put(withPosition(values, position), Boolean.TRUE);
  }

  /** Removes the entry of a document's indexed values (absent: no change). */
  void remove(KeyValue values, Object position) {
    map.remove(withPosition(values, position));
  }

  /** @return the positions of the entries starting with these values, each once, in the index's order */
  Set<Object> positionsStartingWith(KeyValue prefix) {
    Set<Object> positions = new LinkedHashSet<>();
    Iterator<KeyValue> keys = map.keyIterator(prefix);
    while (keys.hasNext()) {
      KeyValue key = keys.next();
      if (!startsWith(key, prefix)) {
        break;
      }
      positions.add(key.get(key.size() - 1));
    }
    return positions;
  }

  /** @return the position of every entry, each once */
  Set<Object> allPositions() {
    Set<Object> all = new LinkedHashSet<>();
    map.keyIterator(null).forEachRemaining(key -> all.add(key.get(key.size() - 1)));
    return all;
  }

  /**
   * @param values a value for each indexed field, so that a document has at most one entry starting with them
   * @return how many entries start with them, counted from the tree's page counts without reading an entry (two
   *     key-index lookups, O(log n))
   */
  long countWithValues(KeyValue values) {
    long from = insertionPoint(map.getKeyIndex(values));
    long to = insertionPoint(map.getKeyIndex(withPosition(values, MaxKey.getInstance())));
    return to - from;
  }

  /** @return the number of entries */
  long size() {
    return map.sizeAsLong();
  }

  /** Removes the map from the store. */
  void drop() {
    store.removeMap(map);
  }

  /** @return where a key absent from the map would go, or the index of one present (H2's {@code getKeyIndex}) */
  private static long insertionPoint(long keyIndex) {
    return keyIndex < 0 ? -keyIndex - 1 : keyIndex;
  }

  private static boolean startsWith(KeyValue key, KeyValue prefix) {
    for (int i = 0; i < prefix.size(); i++) {
      if (SecondaryKeyType.compareValues(key.get(i), prefix.get(i)) != 0) {
        return false;
      }
    }
    return true;
  }

  private static KeyValue withPosition(KeyValue values, Object position) {
    List<Object> key = new ArrayList<>(values.size() + 1);
    values.forEach(key::add);
    key.add(position);
    return new KeyValue(key);
  }
}
