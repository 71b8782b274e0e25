package chat.rocket.livechat.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with non-unique indexes ({@link SecondaryIndex}), documents stored as BSON
 * ({@link BsonDataType}) and unique indexes keyed with {@link IndexKeyType} (issue 12). For the unique ones it opens
 * an index's map with that key type before mongo-java-server asks H2 for it, and H2 hands the open map to it. The maps
 * of indexes already in the file are opened first, since mongo-java-server opens them while constructing the backend
 * and its databases, before any override of theirs can run.
 */
final class IndexedH2Backend extends H2Backend {

  /** Infix of an index's map name in mongo-java-server's H2 layout: {@code <db>.<collection>._index_<name>}. */
  private static final String INDEX_INFIX = "._index_";

  /**
   * The secondary indexes of the database under construction on this thread: mongo-java-server opens a database's
   * indexes from its constructor, before any field of the subclass is set.
   */
  private static final ThreadLocal<SecondaryIndexes> OPENING = new ThreadLocal<>();

  /** @param store an open MVStore (the backend closes it) */
  IndexedH2Backend(MVStore store) {
    super(openIndexMaps(store));
  }

  private static MVStore openIndexMaps(MVStore store) {
    store.getMapNames().stream().filter(name -> name.contains(INDEX_INFIX)).forEach(name -> openIndexMap(store, name));
    return store;
  }

  private static MVMap<KeyValue, Object> openIndexMap(MVStore store, String name) {
    return store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    SecondaryIndexes secondaryIndexes = new SecondaryIndexes(getMvStore());
    OPENING.set(secondaryIndexes);
    try {
      return new IndexedDatabase(databaseName, this, secondaryIndexes);
    } finally {
      OPENING.remove();
    }
  }

  /** A database: new unique indexes get {@link IndexKeyType}, the other indexes are {@link SecondaryIndex}. */
  private static final class IndexedDatabase extends H2Database {

    /** The map names of mongo-java-server's {@code H2Database}: a collection's documents, and its metadata. */
    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    /** Null while mongo-java-server constructs this database (opening the indexes of the file, opened already). */
    private final IndexedH2Backend backend;
    /** Null while mongo-java-server constructs this database: then {@link #OPENING} holds them. */
    private final SecondaryIndexes secondaryIndexes;

    IndexedDatabase(String databaseName, IndexedH2Backend backend, SecondaryIndexes secondaryIndexes) {
      super(databaseName, backend.getMvStore(), backend.getCursorRegistry());
      this.backend = backend;
      this.secondaryIndexes = secondaryIndexes;
    }

    private SecondaryIndexes secondaryIndexes() {
      return secondaryIndexes != null ? secondaryIndexes : OPENING.get();
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
      return secondaryIndexes().open(getFullCollectionNamespace(collectionName), indexName, keys, sparse);
    }

    /**
     * A {@link CountingCollection} on the maps mongo-java-server's {@code H2Database} names for the collection, its
     * documents stored as BSON ({@link BsonDataType}).
     */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
      String fullName = getFullCollectionNamespace(collectionName);
      MVStore store = secondaryIndexes().store();
      MVMap<Object, Document> documents = store.openMap(DATA_PREFIX + fullName,
          new MVMap.Builder<Object, Document>().valueType(new BsonDataType()));
      return new CountingCollection(this, collectionName, options, documents, store.openMap(META_PREFIX + fullName),
          cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
      if (backend != null) {
        openIndexMap(backend.getMvStore(), getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName);
      }
      return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }
  }
}
