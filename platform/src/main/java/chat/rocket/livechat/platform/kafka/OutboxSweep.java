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
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes what the relay of an {@link Outbox} could not (issue 9 §1), in two ways:
 *
 * <ul>
 *   <li><b>Retry.</b> Every {@link ConfigKey#OUTBOX_RETRY_MS} (default 5000 ms) it publishes again the documents
 *       whose relay failed in this process (a broker that refused the record), found by {@code _id}: no scan.</li>
 *   <li><b>Sweep.</b> At start, once more when the settle age has passed, and then every
 *       {@link ConfigKey#OUTBOX_SWEEP_MS} (default 300000 ms) it finds the documents with pending events (what a dead
 *       instance left) and publishes those whose oldest entry is at least the settle age old, min(OUTBOX_SWEEP_MS,
 *       2 x {@link ConfigKey#REPLY_TIMEOUT_MS}): the age keeps a sweep from freezing the entry of a live handler
 *       between that handler's writes (a room is routed after its insert). The query
 *       {@code {<field>.id: {$exists: true}}} uses the sparse index {@link #ensureIndex} creates, on a real MongoDB
 *       and on the embedded store (its {@code SecondaryIndex}): a sweep reads the documents with pending events.</li>
 * </ul>
 *
 * <p>Every instance sweeps; two sweeps of one document publish the same frozen records, which consumers drop by
 * {@code ce_id}.
 */
public final class OutboxSweep {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSweep.class);
  private static final String FIELD = MongoDocs.OUTBOX_FIELD;
  private static final JsonObject PENDING = new JsonObject().put(FIELD + ".id", new JsonObject().put("$exists", true));

  private final Vertx vertx;
  private final Outbox outbox;
  private final long sweepMs;
  private final long retryMs;
  private final long settleMs;
  private final List<Long> timers = new ArrayList<>();
  private boolean sweeping;

  /**
   * @param config the service's config ({@link ConfigKey#OUTBOX_SWEEP_MS}, {@link ConfigKey#OUTBOX_RETRY_MS},
   *               {@link ConfigKey#REPLY_TIMEOUT_MS})
   */
  public OutboxSweep(Vertx vertx, JsonObject config, Outbox outbox) {
    this.vertx = vertx;
    this.outbox = outbox;
    this.sweepMs = ConfigKey.OUTBOX_SWEEP_MS.getLong(config);
    this.retryMs = ConfigKey.OUTBOX_RETRY_MS.getLong(config);
    this.settleMs = Math.min(sweepMs, 2 * ConfigKey.REPLY_TIMEOUT_MS.getLong(config));
  }

  /** Creates the sparse index of the sweep's query (the embedded store answers {@code $exists: true} from it too). */
  public Future<Void> ensureIndex() {
    return outbox.mongo().createIndexWithOptions(outbox.collection(), new JsonObject().put(FIELD + ".id", 1),
        new IndexOptions().name(FIELD + "_id_sparse").sparse(true));
  }

  /** Sweeps now and once the settle age has passed, then every OUTBOX_SWEEP_MS; retries every OUTBOX_RETRY_MS. */
  public void start() {
    sweep();
    timers.add(vertx.setTimer(settleMs, id -> sweep()));
    timers.add(vertx.setPeriodic(sweepMs, id -> sweep()));
    timers.add(vertx.setPeriodic(retryMs, id -> outbox.retryFailed()));
  }

  /** Stops the periodic sweep and retries (a sweep in flight completes). */
  public void stop() {
    timers.forEach(vertx::cancelTimer);
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
    String cutoff = MongoDocs.iso(Instant.now().minusMillis(settleMs));
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
