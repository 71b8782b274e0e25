package chat.rocket.livechat.embedded;

import de.bwaldvogel.mongo.backend.IndexKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.mvstore.MVStore;

/** The {@link SecondaryIndex}es of one database of the embedded store, by collection, in its H2 store. */
final class SecondaryIndexes {

  /** Infix of a secondary index's map name: {@code <db>.<collection>._secondary_<name>}. */
  static final String MAP_INFIX = "._secondary_";

  private final MVStore store;
  private final Map<String, List<SecondaryIndex>> byCollection = new HashMap<>();

  /** @param store the database's H2 store */
  SecondaryIndexes(MVStore store) {
    this.store = store;
  }

  /** @return the database's H2 store */
  MVStore store() {
    return store;
  }

  /**
   * Opens an index's map (created empty when absent: mongo-java-server then fills it from the collection).
   *
   * @param namespace the collection's full name, {@code <db>.<collection>}
   * @param name      the index's name
   * @param keys      the indexed fields
   * @param sparse    true to leave out documents without any of the fields
   * @return the index registered under that name for the collection (a service declaring its indexes at every start
   *     asks again), else a new one, registered among its collection's secondary indexes
   */
  synchronized SecondaryIndex open(String namespace, String name, List<IndexKey> keys, boolean sparse) {
    List<SecondaryIndex> siblings = byCollection.computeIfAbsent(namespace, ns -> new CopyOnWriteArrayList<>());
    return siblings.stream().filter(index -> index.getName().equals(name)).findFirst()
        .orElseGet(() -> new SecondaryIndex(name, keys, sparse, store, namespace + MAP_INFIX + name, siblings));
  }
}
