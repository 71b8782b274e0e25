package chat.rocket.livechat.platform.kafka;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The offsets of one assigned partition between poll and commit (DESIGN.md, Messaging contract): which records were
 * polled and have not completed yet, and the position that may be committed, which is the lowest offset still in
 * flight, or one past the highest polled offset when none is. Every record below that position completed, so
 * committing it loses nothing (at-least-once), however the records after it complete: records finish out of order
 * (different keys run concurrently) but the commit position only moves over a contiguous completed prefix.
 *
 * <p>Accessed on the consumer's context only; no locks.
 */
final class PartitionProgress {

  private final TreeSet<Long> inFlight = new TreeSet<>();
  /** One past the highest offset polled; -1 before the first. */
  private long polledEnd = -1;
  /** The last position handed to a commit; -1 before the first. */
  private long committed = -1;
  /** The last position whose commit the broker acknowledged; -1 before the first. */
  private long confirmed = -1;
  private Promise<Void> drained;
  private boolean released;

  /** Records that {@code offset} was polled and its work started. */
  void started(long offset) {
    inFlight.add(offset);
    polledEnd = Math.max(polledEnd, offset + 1);
  }

  /** Records that the work of {@code offset} completed (succeeded, or parked as a dead letter). */
  void completed(long offset) {
    inFlight.remove(offset);
    if (inFlight.isEmpty() && drained != null) {
      drained.tryComplete();
    }
  }

  /** @return records polled whose work has not completed */
  int inFlight() {
    return inFlight.size();
  }

  /**
   * @return the position to commit (the offset of the next record to consume after a restart) when it moved past the
   *     last one committed; empty when there is nothing new
   */
  OptionalLong commitPosition() {
    long position = position();
    return position > committed ? OptionalLong.of(position) : OptionalLong.empty();
  }

  /** Records that {@code position} was handed to a commit, so that it is not offered again meanwhile. */
  void committed(long position) {
    committed = Math.max(committed, position);
  }

  /**
   * Records the outcome of the commit of {@code position}: acknowledged, or failed (e.g. during a rebalance), in which
   * case every position after the last acknowledged one is offered again.
   */
  void commitDone(long position, boolean acknowledged) {
    if (acknowledged) {
      confirmed = Math.max(confirmed, position);
    } else {
      committed = confirmed;
    }
  }

  /**
   * @return the position to commit when the partition is given up: like {@link #commitPosition()}, but measured
   *     against the last acknowledged commit, since one still under way may yet fail
   */
  OptionalLong finalPosition() {
    long position = position();
    return position > confirmed ? OptionalLong.of(position) : OptionalLong.empty();
  }

  private long position() {
    return inFlight.isEmpty() ? polledEnd : inFlight.first();
  }

  /** @return completes when no record of the partition is in flight (at once when none is) */
  Future<Void> drained() {
    if (inFlight.isEmpty()) {
      return Future.succeededFuture();
    }
    if (drained == null) {
      drained = Promise.promise();
    }
    return drained.future();
  }

  /** Marks the partition as no longer this member's (revoked, lost or stopped): its records stop retrying. */
  void release() {
    released = true;
  }

  /** @return whether the partition was released; the work of its records still in flight is abandoned */
  boolean released() {
    return released;
  }
}
