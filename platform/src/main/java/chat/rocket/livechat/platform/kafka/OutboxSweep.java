package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes what a dead instance left in an {@link Outbox} (issue 9 §1): at start and then every
 * {@link ConfigKey#OUTBOX_SWEEP_MS} (default 5000 ms) it finds the documents with pending events and publishes those
 * whose oldest pending entry is at least OUTBOX_SWEEP_MS old, one document after the other. The age keeps a sweep
 * from freezing the entry of a live handler between that handler's writes (a room is routed after its insert), so an
 * orphan is published within two intervals. Every instance sweeps; two sweeps of one document publish the same frozen
 * records, which consumers drop by {@code ce_id}. The query {@code {<field>.id: {$exists: true}}} uses, on a real
 * MongoDB, the sparse index {@link #ensureIndex} creates; the embedded store ignores that index and scans the
 * collection, which costs one pass over it per interval.
 */
public final class OutboxSweep {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSweep.class);
  private static final String FIELD = MongoDocs.OUTBOX_FIELD;
  private static final JsonObject PENDING = new JsonObject().put(FIELD + ".id", new JsonObject().put("$exists", true));

  private final Vertx vertx;
  private final Outbox outbox;
  private final long sweepMs;
  private long timer = -1;
  private boolean sweeping;

  /** @param config the service's config ({@link ConfigKey#OUTBOX_SWEEP_MS}) */
  public OutboxSweep(Vertx vertx, JsonObject config, Outbox outbox) {
    this.vertx = vertx;
    this.outbox = outbox;
    this.sweepMs = ConfigKey.OUTBOX_SWEEP_MS.getLong(config);
  }

  /** Creates the sparse index of the sweep's query on a real MongoDB (the embedded store ignores it). */
  public Future<Void> ensureIndex() {
    return outbox.mongo().createIndexWithOptions(outbox.collection(), new JsonObject().put(FIELD + ".id", 1),
        new IndexOptions().name(FIELD + "_id_sparse").sparse(true));
  }

  /** Sweeps now, then every OUTBOX_SWEEP_MS. */
  public void start() {
    sweep();
    timer = vertx.setPeriodic(sweepMs, id -> sweep());
  }

  /** Stops the periodic sweep (a sweep in flight completes). */
  public void stop() {
    vertx.cancelTimer(timer);
  }

  /**
   * One sweep; a sweep asked for while one runs does nothing.
   *
   * @return how many documents had their pending events published; a failure is logged and ends the sweep
   */
  public Future<Integer> sweep() {
    if (sweeping) {
      return Future.succeededFuture(0);
    }
    sweeping = true;
    String cutoff = MongoDocs.iso(Instant.now().minusMillis(sweepMs));
    FindOptions fields = new FindOptions().setFields(new JsonObject().put(FIELD, 1));
    return outbox.mongo().findWithOptions(outbox.collection(), PENDING, fields)
        .map(documents -> documents.stream().filter(document -> oldestTime(document).compareTo(cutoff) <= 0)
            .map(document -> document.getValue("_id").toString()).toList())
        .compose(this::publishAll)
        .onSuccess(count -> {
          if (count > 0) {
            LOG.info("outbox sweep of {} published the pending events of {} documents", outbox.collection(), count);
          }
        })
        .onFailure(e -> LOG.warn("outbox sweep of {} failed: {}", outbox.collection(), e.toString()))
        .eventually(() -> {
          sweeping = false;
          return Future.succeededFuture();
        });
  }

  private Future<Integer> publishAll(List<String> ids) {
    Future<Void> chain = Future.succeededFuture();
    for (String id : ids) {
      chain = chain.compose(v -> outbox.publishPendingOf(id));
    }
    return chain.map(ids.size());
  }

  private static String oldestTime(JsonObject document) {
    JsonArray pending = document.getJsonArray(FIELD, new JsonArray());
    return pending.isEmpty() ? "" : pending.getJsonObject(0).getString("time", "");
  }
}
