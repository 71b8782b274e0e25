package chat.rocket.livechat.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 collection whose {@code count} of a query that one {@link SecondaryIndex} covers is the
 * number of documents that index names, read from the index alone (issue 12): mongo-java-server otherwise reads every
 * document it counts, so Auto_Selection's count of an agent's open rooms ({@code {'servedBy._id', open: true, t:
 * 'l'}}, DECISIONS.md) read each of them on every room creation. Any other count is mongo-java-server's.
 */
final class CountingCollection extends H2Collection {

  /**
   * mongo-java-server's {@code H2Collection} constructor, as its {@code H2Database} calls it.
   *
   * @param dataMap the documents, by position
   * @param metaMap the collection's metadata (its data size)
   */
  CountingCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                     MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
    super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
  }

  /** @return the documents matching the query: from a covering {@link SecondaryIndex}, else as mongo-java-server */
  @Override
  public int count(Document query, int skip, int limit) {
    if (query != null && skip <= 0 && limit <= 0) {
      for (Index<Object> index : getIndexes()) {
        if (index instanceof SecondaryIndex secondary && secondary.covers(query)) {
          return secondary.count(query);
        }
      }
    }
    return super.count(query, skip, limit);
  }
}
