package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Outbox}'s removal of published entries, in batches (issue 12): the removals asked for while one write is
 * in flight go together in the next one, a single update statement
 * {@code {_id: {$in: [<documents>]}} → {$pull: {<outbox field>: {id: {$in: [<entries>]}}}}} ({@code multi}): one store
 * round trip for many documents under load, one per removal when idle (then {@code {_id: <document>}}). Entry ids are
 * random and unique, so pulling the batch's ids from each of its documents removes exactly the entries each published;
 * {@code _id} with {@code $in} is answered from the {@code _id} index, on the embedded store too. One statement, not a
 * bulk write: the Vert.x client converts each statement of a bulk write through JSON text ({@code BsonDocument.parse}
 * of the encoded filter and update, 2–3 % of the CPU samples of a message), a plain update through its codec. No timer
 * and no wait: a lone removal leaves at once. Each caller's future completes when its batch is written (a failed batch
 * fails every caller of it, whose documents the outbox then retries), so the relay's guarantees are unchanged; it
 * completes on the caller's own context, whichever caller's write carried it.
 */
final class OutboxRemovals {

  private static final UpdateOptions MULTI = new UpdateOptions().setMulti(true);

  private final MongoClient mongo;
  private final String collection;
  private List<Removal> queued = new ArrayList<>();
  private boolean writing;

  OutboxRemovals(MongoClient mongo, String collection) {
    this.mongo = mongo;
    this.collection = collection;
  }

  /**
   * @param id        the document's {@code _id}
   * @param published the ids of its entries just published
   * @return completes once the batch holding this removal is written
   */
  Future<Void> remove(String id, List<String> published) {
    Promise<Void> done = Promise.promise();
    List<Removal> batch;
    synchronized (this) {
      queued.add(new Removal(id, published, done, Vertx.currentContext()));
      batch = nextBatch();
    }
    write(batch);
    return done.future();
  }

  /** @return the queued removals to write now, or null while a batch is in flight (or none is queued) */
  private List<Removal> nextBatch() {
    if (writing || queued.isEmpty()) {
      return null;
    }
    writing = true;
    List<Removal> batch = queued;
    queued = new ArrayList<>();
    return batch;
  }

  private void write(List<Removal> batch) {
    if (batch == null) {
      return;
    }
    mongo.updateCollectionWithOptions(collection, filter(batch), pull(batch), MULTI).onComplete(result -> {
      batch.forEach(removal -> removal.complete(result.mapEmpty()));
      List<Removal> next;
      synchronized (this) {
        writing = false;
        next = nextBatch();
      }
      write(next);
    });
  }

  /** @return {@code {_id: <id>}} for one removal, {@code {_id: {$in: [<ids>]}}} for several */
  private static JsonObject filter(List<Removal> batch) {
    if (batch.size() == 1) {
      return new JsonObject().put("_id", batch.get(0).id());
    }
    JsonArray ids = new JsonArray();
    batch.forEach(removal -> ids.add(removal.id()));
    return new JsonObject().put("_id", new JsonObject().put("$in", ids));
  }

  /** @return {@code {$pull: {<outbox field>: {id: {$in: [<every published entry id of the batch>]}}}}} */
  private static JsonObject pull(List<Removal> batch) {
    JsonArray published = new JsonArray();
    batch.forEach(removal -> removal.published().forEach(published::add));
    return new JsonObject().put("$pull", new JsonObject().put(MongoDocs.OUTBOX_FIELD,
        new JsonObject().put("id", new JsonObject().put("$in", published))));
  }

  /** One document's published entries, its caller's promise and context (null off any context). */
  private record Removal(String id, List<String> published, Promise<Void> done, Context context) {

    void complete(AsyncResult<Void> result) {
      if (context == null || context == Vertx.currentContext()) {
        done.handle(result);
      } else {
        context.runOnContext(v -> done.handle(result));
      }
    }
  }
}
