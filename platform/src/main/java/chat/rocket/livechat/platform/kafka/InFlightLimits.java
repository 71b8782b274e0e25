package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Bounds on the records a pipelined consumer holds in flight (polled, work not completed), which decide the partitions
 * it pauses and resumes and when it polls (DESIGN.md, Messaging contract): a partition with
 * {@link ConfigKey#CONSUMER_PARTITION_MAX_IN_FLIGHT} records in flight is paused (the broker keeps the rest) until it
 * is down to half its bound, so that a slow key pauses its own partition and not the others; a member holding
 * {@link ConfigKey#CONSUMER_MAX_IN_FLIGHT} in all does not poll until it is down to half ({@link #full},
 * {@link #hasRoom}), and neither does a member whose every partition is paused, until one resumes. Not polling rather
 * than polling with every partition paused: a resume is a task on the consumer's thread, queued behind a poll that
 * blocks up to {@link PipelinedConsumer#POLL_TIMEOUT} when every partition is paused, which stalled a busy member for
 * that long at each pause (bench/results.md, Issue 12: overload; with 2 partitions at 64 connections, session 8:
 * every read waited 200 ms).
 *
 * <p>The bounds are checked after each poll, and one poll returns at most {@code max.poll.records}, which
 * {@link KafkaClients#groupConsumer} sets to {@link ConfigKey#CONSUMER_MAX_IN_FLIGHT}, so they are soft: a partition
 * holds at most its bound + that - 1 records, the member at most twice its bound. The bounds keep the queue of an
 * overloaded service in Kafka, where a command that waited too long is answered without work ({@link CommandLoop}),
 * rather than in the store, where every command started would share its time and all of them end past their
 * deadline (bench/results.md, Issue 12: overload). Accessed on the consumer's context only.
 */
final class InFlightLimits {

  private final int partitionMax;
  private final int totalMax;
  private final Set<TopicPartition> paused = new HashSet<>();

  /** @param config supplies the two bounds (records; at least 1) */
  InFlightLimits(JsonObject config) {
    this.partitionMax = Math.max(1, ConfigKey.CONSUMER_PARTITION_MAX_IN_FLIGHT.getInt(config));
    this.totalMax = Math.max(1, ConfigKey.CONSUMER_MAX_IN_FLIGHT.getInt(config));
  }

  /**
   * @param partitions the member's partitions and their progress
   * @return the partitions to pause now (at their bound), now counted as paused
   */
  Set<TopicPartition> toPause(Map<TopicPartition, PartitionProgress> partitions) {
    Set<TopicPartition> pause = new HashSet<>();
    partitions.forEach((partition, progress) -> {
      if (!paused.contains(partition) && progress.inFlight() >= partitionMax) {
        pause.add(partition);
      }
    });
    paused.addAll(pause);
    return pause;
  }

  /**
   * @param partitions the member's partitions and their progress
   * @return the paused partitions to resume now (down to half their bound), no longer counted as paused
   */
  Set<TopicPartition> toResume(Map<TopicPartition, PartitionProgress> partitions) {
    if (paused.isEmpty()) {
      return Set.of();
    }
    Set<TopicPartition> resume = new HashSet<>();
    for (TopicPartition partition : paused) {
      if (partitions.get(partition).inFlight() <= partitionMax / 2) {
        resume.add(partition);
      }
    }
    paused.removeAll(resume);
    return resume;
  }

  /** @return whether the member holds its bound in all, or every partition it owns is paused: it must not poll */
  boolean full(Map<TopicPartition, PartitionProgress> partitions) {
    return total(partitions) >= totalMax || allPaused(partitions);
  }

  /** @return whether a member that was full is down to half its bound with a partition not paused: it may poll */
  boolean hasRoom(Map<TopicPartition, PartitionProgress> partitions) {
    return total(partitions) <= totalMax / 2 && !allPaused(partitions);
  }

  /** @return whether the member owns partitions and has paused them all (a member without any must poll to get some) */
  private boolean allPaused(Map<TopicPartition, PartitionProgress> partitions) {
    return !partitions.isEmpty() && paused.containsAll(partitions.keySet());
  }

  /** Forgets that {@code partitions} were paused: assigned anew or given up, Kafka no longer pauses them. */
  void forget(Set<TopicPartition> partitions) {
    paused.removeAll(partitions);
  }

  private static int total(Map<TopicPartition, PartitionProgress> partitions) {
    int sum = 0;
    for (PartitionProgress progress : partitions.values()) {
      sum += progress.inFlight();
    }
    return sum;
  }
}
