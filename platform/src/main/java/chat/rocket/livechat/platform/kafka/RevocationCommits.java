package chat.rocket.livechat.platform.kafka;

import io.vertx.core.Context;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rebalance listener of a {@link PipelinedConsumer}, called by Kafka on the consumer's own thread inside
 * {@code poll} or {@code close} (DESIGN.md, Messaging contract). A revocation holds that thread, and so the hand-over
 * of the partitions to another member, until the records of the revoked partitions still in flight completed (at most
 * the consumer's drain time) and their offsets are committed with {@code commitSync}: the next owner starts after the
 * last record that ran here instead of running it again. Vert.x's own listener hands revocations to the event loop
 * without waiting, too late for that, hence this one, registered on the unwrapped consumer.
 *
 * <p>Assignments and lost partitions (a session that expired: their offsets can no longer be committed) are handed to
 * the consumer's context without waiting.
 */
final class RevocationCommits implements ConsumerRebalanceListener {

  private static final Logger LOG = LoggerFactory.getLogger(RevocationCommits.class);
  /** Extra wait for the context's answer beyond the drain time, in ms. */
  private static final long ANSWER_MARGIN_MS = 1000;

  private final Context context;
  private final Consumer<?, ?> consumer;
  private final PipelinedConsumer owner;
  private final long drainMs;

  /**
   * @param context  the consumer's context, where {@code owner} keeps its state
   * @param consumer the native consumer, used only on its own thread (inside this listener)
   * @param drainMs  how long a revocation waits for the records in flight, in ms
   */
  RevocationCommits(Context context, Consumer<?, ?> consumer, PipelinedConsumer owner, long drainMs) {
    this.context = context;
    this.consumer = consumer;
    this.owner = owner;
    this.drainMs = drainMs;
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    Set<TopicPartition> assigned = Set.copyOf(partitions);
    context.runOnContext(v -> owner.assigned(assigned));
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    Set<TopicPartition> revoked = Set.copyOf(partitions);
    CompletableFuture<Map<TopicPartition, OffsetAndMetadata>> offsets = new CompletableFuture<>();
    context.runOnContext(v -> owner.drain(revoked).onComplete(drained ->
        offsets.complete(drained.succeeded() ? drained.result() : Map.of())));
    try {
      commit(offsets.get(drainMs + ANSWER_MARGIN_MS, TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("revoked partitions {}: no offsets to commit in time; their records in flight will run again", revoked);
    }
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    Set<TopicPartition> lost = Set.copyOf(partitions);
    context.runOnContext(v -> owner.lost(lost));
  }

  private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (offsets.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(offsets);
      LOG.info("committed {} of revoked partitions", offsets);
    } catch (KafkaException e) {
      LOG.warn("revoked partitions: committing {} failed, those records may run again: {}", offsets, e.getMessage());
    }
  }
}
