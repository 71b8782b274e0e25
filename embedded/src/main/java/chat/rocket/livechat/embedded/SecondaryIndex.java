package chat.rocket.livechat.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.h2.mvstore.MVStore;

/**
 * A non-unique ("secondary") index of the embedded store on H2 (issue 12), which mongo-java-server 1.47 does not have:
 * it accepts such an index and ignores it, so every query on, say, {@code rocketchat_message.rid} or
 * {@code rocketchat_room.servedBy._id} read every document of the collection.
 *
 * <p>One H2 map per index ({@link SecondaryEntries}), in the store's file beside the collection: one entry per document
 * and indexed values (an array field gives one entry per element, as MongoDB's multikey indexes do), so the documents
 * with given values are one range of the map. A query is answered from the index when it gives every indexed field a
 * plain value (no operator, no sub-document, no array, no regular expression, not null), or asks
 * {@code {field: {$exists: true}}} of a sparse index on that one field (the outbox sweep's query: every document the
 * index holds); it may name other fields too, which mongo-java-server then checks on each document the index found,
 * as it does for its unique indexes.
 *
 * <p>An index created on a collection that has documents (or found in a file written before this class existed, where
 * the index was declared but ignored) is empty and gets filled by mongo-java-server from every document, once; a
 * non-empty one is used as stored. So a file this class wrote must not be written by mongo-java-server's plain H2
 * backend afterwards (which ignores the index and would leave it behind the documents); this project never does.
 */
final class SecondaryIndex extends Index<Object> {

  private static final String ID_FIELD = "_id";
  private static final Document EXISTS = new Document("$exists", true);

  private final SecondaryEntries entries;
  private final List<SecondaryIndex> siblings;

  /**
   * @param name     the index's name, e.g. {@code rid_1}
   * @param keys     the indexed fields, in order
   * @param sparse   true to leave out documents that have none of the fields
   * @param store    the store holding the map
   * @param mapName  the map's name in the store
   * @param siblings the secondary indexes of the same collection (this one is added): a query that a sibling with
   *                 more fields can answer is left to it, as MongoDB's planner prefers the narrower range
   */
  SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, MVStore store, String mapName,
                 List<SecondaryIndex> siblings) {
    super(name, keys, sparse);
    this.entries = new SecondaryEntries(store, mapName);
    this.siblings = siblings;
    siblings.add(this);
  }

  /** @return null: only the {@code _id} index locates a document by its contents */
  @Override
  public Object getPosition(Document document) {
    return null;
  }

  /** Never refuses a document: values may repeat. */
  @Override
  public void checkAdd(Document document, MongoCollection<Object> collection) {
  }

  @Override
  public void add(Document document, Object position, MongoCollection<Object> collection) {
    if (indexes(document)) {
      getKeyValues(document).forEach(values -> entries.put(values, position));
    }
  }

  /**
   * Removes a deleted document's entries.
   *
   * @return its position: on the H2 backend, the document's {@code _id} (as its collection keys documents), which
   *     mongo-java-server checks against the {@code _id} index's answer
   */
  @Override
  public Object remove(Document document) {
    Object position = Missing.ofNullable(document.get(ID_FIELD));
    removeEntries(document, position);
    return position;
  }

  /** Never refuses an update: values may repeat. */
  @Override
  public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
  }

  @Override
  public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                            MongoCollection<Object> collection) {
    if (!nullAwareEqualsKeys(oldDocument, newDocument)) {
      removeEntries(oldDocument, position);
      add(newDocument, position, collection);
    }
  }

  private void removeEntries(Document document, Object position) {
    if (indexes(document)) {
      getKeyValues(document).forEach(values -> entries.remove(values, position));
    }
  }

  /**
   * @return true when the query gives each indexed field a plain value and no sibling indexing more of its fields
   *     (all of this one's among them) can answer it
   */
  @Override
  public boolean canHandle(Document query) {
    if (asksExistence(query)) {
      return true;
    }
    return givesEveryKey(query)
        && siblings.stream().noneMatch(other -> other.narrows(this) && other.givesEveryKey(query));
  }

  /** @return true for {@code {field: {$exists: true}, ...}} on a sparse index of that one field: all its documents */
  private boolean asksExistence(Document query) {
    return isSparse() && keys().size() == 1 && EXISTS.equals(query.get(keys().get(0)));
  }

  private boolean narrows(SecondaryIndex other) {
    return keys().size() > other.keys().size() && keys().containsAll(other.keys());
  }

  private boolean givesEveryKey(Document query) {
    for (String key : keys()) {
      if (!query.containsKey(key) || !isPlainValue(query.get(key))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPlainValue(Object value) {
    return value != null && !(value instanceof Map) && !(value instanceof Collection) && !(value instanceof Pattern)
        && !value.getClass().getName().endsWith("BsonRegularExpression");
  }

  /** @return the positions of the documents whose indexed fields hold the query's values, each once */
  @Override
  public Iterable<Object> getPositions(Document query) {
    return asksExistence(query) ? entries.allPositions()
        : entries.positionsStartingWith(leadingValues(query, keys().size()));
  }

  /** @return the values the query gives the index's first {@code fields} fields, normalized as stored */
  private KeyValue leadingValues(Document query, int fields) {
    List<Object> values = new ArrayList<>();
    keys().subList(0, fields).forEach(key -> values.add(query.get(key)));
    return new KeyValue(values).normalized();
  }

  /**
   * @return true when the query is nothing but plain values for the index's first fields (one or more), so that the
   *     documents it matches are exactly those this index names for it: a count needs no document
   */
  boolean covers(Document query) {
    int fields = query.size();
    if (fields == 0 || fields > keys().size()) {
      return false;
    }
    for (String key : keys().subList(0, fields)) {
      if (!query.containsKey(key) || !isPlainValue(query.get(key))) {
        return false;
      }
    }
    return true;
  }

  /**
   * @return how many documents hold the values the query gives the index's first fields ({@link #covers}); when it
   *     gives all of them, each document has one entry for those values, and H2 counts the range from its tree's page
   *     counts without reading an entry (two key-index lookups, O(log n))
   */
  int count(Document query) {
    KeyValue values = leadingValues(query, query.size());
    return query.size() < keys().size() ? entries.positionsStartingWith(values).size()
        : Math.toIntExact(entries.countWithValues(values));
  }

  @Override
  public long getCount() {
    return entries.size();
  }

  @Override
  public long getDataSize() {
    return getCount();
  }

  /** Removes the index's map from the store (the index was dropped, or its collection). */
  @Override
  public void drop() {
    siblings.remove(this);
    entries.drop();
  }

  /** @return true unless the index is sparse and the document has none of its fields ({@code $exists} sees none) */
  private boolean indexes(Document document) {
    return !isSparse()
        || keys().stream().anyMatch(key -> exists(Utils.getSubdocumentValueCollectionAware(document, key)));
  }

  private static boolean exists(Object value) {
    return value instanceof Collection<?> values ? values.stream().anyMatch(SecondaryIndex::exists)
        : !(value instanceof Missing);
  }

}
