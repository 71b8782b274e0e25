package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transactional outbox of one evented collection and its relay (issue 9 §1): no change without its event, even
 * when a process dies between its MongoDB write and its Kafka publish.
 *
 * <ul>
 *   <li><b>Record.</b> The first write of a change puts a pending entry {@code {id, type, time, changedFields?}}
 *       ({@link OutboxEntries#entry}) in the array {@link MongoDocs#OUTBOX_FIELD} of the changed document, in that
 *       same single-document atomic write: included in an inserted document ({@link OutboxEntries#inserting}) or
 *       {@code $push}ed by the update ({@link OutboxEntries#pushing}); an upsert pushes it too. No transaction is
 *       needed (the embedded store and a standalone MongoDB have none). {@code id} becomes {@code ce_id},
 *       {@code time} {@code ce_time}.</li>
 *   <li><b>Freeze, then publish.</b> An entry is published only with its data frozen in it: the relay renders
 *       {@code {"<aggregate>": <document, API form>, "changedFields": [...]}} (every field when the entry names none)
 *       from the document as it reads it, stores that JSON text in the entry with an update conditioned on the entry
 *       having none yet (an array filter: that entry's id, {@code data} absent), reads the entries back and publishes
 *       the stored text. Whoever republishes an
 *       entry (a second relay, a sweep after a crash between publish and removal) publishes the same {@code ce_id},
 *       time and bytes: a duplicate is always identical, and consumers drop it by {@code ce_id}. The data shows the
 *       document as the first relay read it after the change; commands on one aggregate run one after the other
 *       (same key), so that is the document the change left.</li>
 *   <li><b>Order and removal.</b> Entries are published one after the other in array order, keyed by the document's
 *       {@code _id} ({@code rid} or visitor {@code _id}), each after the previous one's broker ack; then exactly the
 *       published entries are {@code $pull}ed by id; a settled document keeps an empty array, which no API answer and
 *       no event shows. Every write of the relay names the document by {@code _id} alone, the one filter the
 *       embedded store answers from its index (any other condition makes it scan the collection).</li>
 *   <li><b>Relay.</b> A handler calls {@link #publishPending} after its last write, so the reply still waits for the
 *       broker ack; an {@link OutboxSweep} retries the documents whose relay failed here and publishes what a dead
 *       instance left.</li>
 *   <li><b>Crash point.</b> {@link ConfigKey#OUTBOX_CRASH_POINT} {@code after-write:<n>} halts the process in its
 *       n-th {@link #publishPending}, after the write and before any publish (fault tests only).</li>
 * </ul>
 */
public final class Outbox {

  private static final String FIELD = MongoDocs.OUTBOX_FIELD;

  private final MongoClient mongo;
  private final String collection;
  private final String aggregateName;
  private final EventSink publisher;
  private final CrashPoint crashPoint;
  private final OutboxRemovals removals;
  private final Set<String> failed = ConcurrentHashMap.newKeySet();

  /**
   * @param config        the service's config ({@link ConfigKey#OUTBOX_CRASH_POINT})
   * @param collection    the evented collection, e.g. {@code rocketchat_room}
   * @param aggregateName {@code room} or {@code visitor}: the data field holding the document
   * @throws IllegalArgumentException when OUTBOX_CRASH_POINT is neither {@code off} nor {@code after-write:<n>}
   */
  public Outbox(JsonObject config, MongoClient mongo, String collection, String aggregateName,
                EventSink publisher) {
    this.mongo = mongo;
    this.collection = collection;
    this.aggregateName = aggregateName;
    this.publisher = publisher;
    this.crashPoint = CrashPoint.parse(ConfigKey.OUTBOX_CRASH_POINT.get(config));
    this.removals = new OutboxRemovals(mongo, collection);
  }

  /**
   * Publishes the pending events of one document, in order, right after a handler's write.
   *
   * @param id the document's {@code _id}
   * @return the document as read before publishing, without the outbox field; null when there is none
   */
  public Future<JsonObject> publishPending(String id) {
    crashPoint.afterWrite(collection, id);
    return mongo.findOne(collection, byId(id), null)
        .compose(document -> document == null ? Future.succeededFuture() : flush(document))
        .onFailure(e -> failed.add(id));
  }

  /**
   * Publishes the pending events of one document as the handler's own last write returned it (the after-image of a
   * {@code findOneAndUpdate}), without reading it again: the relay of {@link #publishPending} from that image, one
   * store round trip less. The image holds every entry pending right after the write, in order.
   *
   * @param document the document after the write, with its {@code _id} and outbox field
   * @return the document without the outbox field, once its pending events are published and removed
   */
  public Future<JsonObject> publishWritten(JsonObject document) {
    String id = document.getValue("_id").toString();
    crashPoint.afterWrite(collection, id);
    return flush(document).onFailure(e -> failed.add(id));
  }

  /**
   * Publishes the pending events a handler has just inserted with their data frozen in them
   * ({@link OutboxEntries#frozenEntry}), without reading the document back: the entries are published in order,
   * then {@code $pull}ed by id, as {@link #publishPending} does. A relay or sweep that reads the document meanwhile
   * publishes the same {@code ce_id} with the same bytes.
   *
   * @param id      the document's {@code _id}
   * @param entries the document's pending entries as inserted, each with {@code data}
   * @return completes once they are published (broker ack) and removed
   */
  public Future<Void> publishInserted(String id, List<JsonObject> entries) {
    crashPoint.afterWrite(collection, id);
    return publishInOrder(id, entries)
        .compose(published -> remove(id, published))
        .onFailure(e -> failed.add(id));
  }

  /**
   * Publishes again the pending events of every document whose relay failed in this process ({@link OutboxSweep},
   * every {@code OUTBOX_RETRY_MS}); a document leaves the list once its events are published.
   *
   * @return completes when every retry ended; never fails
   */
  Future<Void> retryFailed() {
    List<Future<Void>> retries = new ArrayList<>();
    for (String id : List.copyOf(failed)) {
      retries.add(publishPendingOf(id).onSuccess(v -> failed.remove(id)));
    }
    return Future.join(retries).otherwiseEmpty().mapEmpty();
  }

  /**
   * Publishes the pending events of one document found by a sweep (no crash point).
   *
   * @return completes when they are published and removed, or when the document is gone
   */
  Future<Void> publishPendingOf(String id) {
    return mongo.findOne(collection, byId(id), null)
        .compose(document -> document == null ? Future.succeededFuture() : flush(document).mapEmpty());
  }

  /** @return the evented collection */
  String collection() {
    return collection;
  }

  /** @return the client of the evented collection */
  MongoClient mongo() {
    return mongo;
  }

  private Future<JsonObject> flush(JsonObject document) {
    String id = document.getValue("_id").toString();
    JsonArray pending = document.getJsonArray(FIELD);
    JsonObject settled = document.copy();
    settled.remove(FIELD);
    if (pending == null || pending.isEmpty()) {
      return Future.succeededFuture(settled);
    }
    return freeze(id, settled, pending)
        .compose(frozen -> publishInOrder(id, frozen))
        .compose(published -> remove(id, published))
        .map(settled);
  }

  /**
   * Stores the data of every entry that has none, each only where it still has none (array filters on the entry's id
   * and absent data, behind a filter on {@code _id} alone, so even the embedded store finds the document by its
   * index). When the update changed the document, every entry it addressed now holds this relay's data (the usual
   * case: one entry, one relay); otherwise another relay was first, and the entries are read back as it froze them.
   */
  private Future<List<JsonObject>> freeze(String id, JsonObject settled, JsonArray pending) {
    JsonObject set = new JsonObject();
    JsonArray arrayFilters = new JsonArray();
    List<JsonObject> entries = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      JsonObject entry = pending.getJsonObject(i).copy();
      if (!entry.containsKey("data")) {
        String element = "e" + i;
        entry.put("data", data(settled, entry).encode());
        set.put(FIELD + ".$[" + element + "].data", entry.getString("data"));
        arrayFilters.add(new JsonObject().put(element + ".id", entry.getString("id"))
            .put(element + ".data", new JsonObject().put("$exists", false)));
      }
      entries.add(entry);
    }
    if (set.isEmpty()) {
      return Future.succeededFuture(entries);
    }
    return mongo.updateCollectionWithOptions(collection, byId(id), new JsonObject().put("$set", set),
            new UpdateOptions().setArrayFilters(arrayFilters))
        .compose(result -> result.getDocModified() == 1 && arrayFilters.size() == 1 ? Future.succeededFuture(entries)
            : frozenNow(id));
  }

  /** @return the pending entries of the document up to the first one without data (left to a later relay) */
  private Future<List<JsonObject>> frozenNow(String id) {
    return mongo.findOne(collection, byId(id), new JsonObject().put(FIELD, 1)).map(document -> {
      List<JsonObject> frozen = new ArrayList<>();
      JsonArray pending = document == null ? new JsonArray() : document.getJsonArray(FIELD, new JsonArray());
      for (int i = 0; i < pending.size() && pending.getJsonObject(i).containsKey("data"); i++) {
        frozen.add(pending.getJsonObject(i));
      }
      return frozen;
    });
  }

  private JsonObject data(JsonObject settled, JsonObject entry) {
    JsonObject api = MongoDocs.toApi(settled);
    JsonArray changed = entry.getJsonArray("changedFields", new JsonArray(new ArrayList<>(api.fieldNames())));
    return new JsonObject().put(aggregateName, api).put("changedFields", changed);
  }

  private Future<List<String>> publishInOrder(String id, List<JsonObject> entries) {
    Future<Void> chain = Future.succeededFuture();
    for (JsonObject entry : entries) {
      chain = chain.compose(v -> publisher.publish(eventType(entry), entry.getString("id"),
          OffsetDateTime.parse(entry.getString("time")), id, Buffer.buffer(entry.getString("data"))));
    }
    return chain.map(v -> entries.stream().map(entry -> entry.getString("id")).toList());
  }

  /**
   * Removes exactly the published entries, atomically and by {@code _id} alone: {@code $pull} by their ids. A
   * document whose entries are all published keeps an empty array (unsetting it would need a condition on the array,
   * which the embedded store can only check by scanning the collection, or could drop an entry pushed meanwhile).
   * Removals asked for while another is being written go together in one update of their documents
   * ({@link OutboxRemovals}).
   */
  private Future<Void> remove(String id, List<String> published) {
    return published.isEmpty() ? Future.succeededFuture() : removals.remove(id, published);
  }


  private static EventType eventType(JsonObject entry) {
    return EventType.fromType(entry.getString("type"))
        .orElseThrow(() -> new IllegalStateException("pending event of unknown type " + entry.getString("type")));
  }

  private static JsonObject byId(String id) {
    return new JsonObject().put("_id", id);
  }
}
