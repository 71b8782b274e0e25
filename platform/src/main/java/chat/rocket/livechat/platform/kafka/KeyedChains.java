package chat.rocket.livechat.platform.kafka;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Per-key order for a consumer that runs records concurrently (STYLE.md P9): the work of a record starts when the work
 * of the previous record with the same key completed (either way), records with other keys do not wait. Only keys with
 * work pending are held.
 *
 * <p>Accessed on the consumer's context only; no locks.
 */
final class KeyedChains {

  private final Map<String, Future<Void>> tails = new HashMap<>();

  /**
   * @param key  the record's key; records with a {@code null} key each need a key of their own (e.g. their offset)
   * @param work starts the record's work
   * @return completes when the record's work completed, with its outcome
   */
  Future<Void> append(String key, Supplier<Future<Void>> work) {
    Future<Void> previous = tails.get(key);
    Future<Void> tail = previous == null ? work.get() : previous.transform(done -> work.get());
    if (!tail.isComplete()) {
      tails.put(key, tail);
      tail.onComplete(done -> tails.remove(key, tail));
    }
    return tail;
  }

  /** @return keys with work pending */
  int pendingKeys() {
    return tails.size();
  }
}
