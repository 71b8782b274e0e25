package chat.rocket.livechat.platform.kafka;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions a {@link PipelinedConsumer} owns, each with its {@link PartitionProgress}, and what follows from
 * them: the offsets to commit (each partition's contiguous completed prefix, once), the partitions to pause and resume
 * ({@link InFlightLimits}), the wait for a revoked partition's records in flight. A partition is owned from its
 * assignment until it is released (revoked, lost, or the consumer stops); a record of a released partition no longer
 * counts. Accessed on the consumer's context only.
 */
final class OwnedPartitions {

  private final Map<TopicPartition, PartitionProgress> partitions = new HashMap<>();
  private final InFlightLimits limits;

  /** @param config supplies the in-flight bounds of {@link InFlightLimits} */
  OwnedPartitions(JsonObject config) {
    this.limits = new InFlightLimits(config);
  }

  /** Starts owning {@code assigned}, from the group's committed offsets on. */
  void assign(Set<TopicPartition> assigned) {
    assigned.forEach(partition -> partitions.put(partition, new PartitionProgress()));
    limits.forget(assigned);
  }

  /** @return the progress of an owned partition; {@code null} when it is not owned */
  PartitionProgress progress(String topic, int partition) {
    return partitions.get(new TopicPartition(topic, partition));
  }

  /** @return the owned partitions, a copy */
  Set<TopicPartition> owned() {
    return Set.copyOf(partitions.keySet());
  }

  /** @return whether any of {@code candidates} is owned */
  boolean ownsAny(Set<TopicPartition> candidates) {
    return candidates.stream().anyMatch(partitions::containsKey);
  }

  /** @return completes when none of {@code released}'s owned partitions has a record in flight */
  Future<Void> drained(Set<TopicPartition> released) {
    return Future.all(released.stream().map(partitions::get).filter(Objects::nonNull)
        .map(PartitionProgress::drained).toList()).mapEmpty();
  }

  /**
   * Stops owning {@code released}: their records still in flight stop retrying and no longer count.
   *
   * @return their offsets to commit, where they moved since the last commit
   */
  Map<TopicPartition, OffsetAndMetadata> release(Set<TopicPartition> released) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    limits.forget(released);
    for (TopicPartition partition : released) {
      PartitionProgress progress = partitions.remove(partition);
      if (progress != null) {
        progress.release();
        progress.finalPosition().ifPresent(position -> offsets.put(partition, new OffsetAndMetadata(position)));
      }
    }
    return offsets;
  }

  /** @return the offsets to commit now, where they moved since the last commit; counted as committed */
  Map<TopicPartition, OffsetAndMetadata> toCommit() {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    partitions.forEach((partition, progress) -> progress.commitPosition().ifPresent(position -> {
      progress.committed(position);
      offsets.put(partition, new OffsetAndMetadata(position));
    }));
    return offsets;
  }

  /**
   * Records the outcome of a commit of {@code offsets}: a failed one is offered again by the next {@link #toCommit()}.
   */
  void commitDone(Map<TopicPartition, OffsetAndMetadata> offsets, boolean acknowledged) {
    offsets.forEach((partition, offset) -> {
      PartitionProgress progress = partitions.get(partition);
      if (progress != null) {
        progress.commitDone(offset.offset(), acknowledged);
      }
    });
  }

  /** @return the partitions to pause now ({@link InFlightLimits#toPause}) */
  Set<TopicPartition> toPause() {
    return limits.toPause(partitions);
  }

  /** @return whether the member holds its bound of records in flight ({@link InFlightLimits#full}) */
  boolean full() {
    return limits.full(partitions);
  }

  /** @return whether the member is down to half its bound ({@link InFlightLimits#hasRoom}) */
  boolean hasRoom() {
    return limits.hasRoom(partitions);
  }

  /** @return the paused partitions to resume now ({@link InFlightLimits#toResume}) */
  Set<TopicPartition> toResume() {
    return limits.toResume(partitions);
  }
}
