package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Outbox}'s removal of published entries, in batches (issue 12): each removal is the same
 * {@code {$pull: {<outbox field>: {id: {$in: [...]}}}}} by {@code _id} alone as before, but the removals asked for
 * while one bulk write is in flight go together in the next one ({@code update} command with many statements,
 * unordered): one store round trip for many documents under load, one per removal when idle. No timer and no wait:
 * a lone removal leaves at once. Each caller's future completes when its batch is written (a failed batch fails
 * every caller of it, whose documents the outbox then retries), so the relay's guarantees are unchanged; it completes
 * on the caller's own context, whichever caller's write carried it.
 */
final class OutboxRemovals {

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
    List<BulkOperation> pulls = batch.stream().map(OutboxRemovals::pull).toList();
    mongo.bulkWriteWithOptions(collection, pulls, new BulkWriteOptions(false)).onComplete(result -> {
      batch.forEach(removal -> removal.complete(result.mapEmpty()));
      List<Removal> next;
      synchronized (this) {
        writing = false;
        next = nextBatch();
      }
      write(next);
    });
  }

  private static BulkOperation pull(Removal removal) {
    return BulkOperation.createUpdate(new JsonObject().put("_id", removal.id()),
        new JsonObject().put("$pull", new JsonObject().put(MongoDocs.OUTBOX_FIELD,
            new JsonObject().put("id", new JsonObject().put("$in", new JsonArray(removal.published()))))));
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
