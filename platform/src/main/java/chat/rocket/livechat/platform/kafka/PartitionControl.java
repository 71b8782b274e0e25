package chat.rocket.livechat.platform.kafka;

import io.vertx.core.Future;
import io.vertx.kafka.client.consumer.KafkaReadStream;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link PipelinedConsumer} asks of the Kafka consumer about its {@link OwnedPartitions}, each a task on the
 * consumer's own thread: pause the partitions at their in-flight bound, resume those that caught up, commit the
 * completed prefixes. A pause or resume that fails (the partition was revoked meanwhile) is ignored; a commit that
 * fails (e.g. during a rebalance) is offered again by the next one. Called on the consumer's context.
 */
final class PartitionControl {

  private static final Logger LOG = LoggerFactory.getLogger(PartitionControl.class);

  private final KafkaReadStream<String, ?> stream;
  private final OwnedPartitions owned;
  private final String topic;

  PartitionControl(KafkaReadStream<String, ?> stream, OwnedPartitions owned, String topic) {
    this.stream = stream;
    this.owned = owned;
    this.topic = topic;
  }

  /** Pauses the partitions at their in-flight bound (after a poll). */
  void pauseFull() {
    Set<TopicPartition> pause = owned.toPause();
    if (!pause.isEmpty()) {
      LOG.debug("{}: pausing partitions {} at their in-flight bound", topic, pause);
      stream.pause(pause).onFailure(e -> LOG.debug("{}: pause failed: {}", topic, e.getMessage()));
    }
  }

  /** Resumes the paused partitions that caught up (after a record completed). */
  void resumeCaughtUp() {
    Set<TopicPartition> resume = owned.toResume();
    if (!resume.isEmpty()) {
      LOG.debug("{}: resuming partitions {}", topic, resume);
      stream.resume(resume).onFailure(e -> LOG.debug("{}: resume failed: {}", topic, e.getMessage()));
    }
  }

  /**
   * Commits {@code offsets} asynchronously: the commit completes at the consumer's next poll, or at close, which waits
   * for it.
   *
   * @return succeeded at once
   */
  Future<Void> commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (offsets.isEmpty()) {
      return Future.succeededFuture();
    }
    stream.commit(offsets)
        .onSuccess(done -> owned.commitDone(offsets, true))
        .onFailure(e -> {
          LOG.debug("{}: offset commit failed, offered again: {}", topic, e.getMessage());
          owned.commitDone(offsets, false);
        });
    return Future.succeededFuture();
  }

  /** @return the partitions the consumer has paused */
  Future<Set<TopicPartition>> paused() {
    return stream.paused();
  }
}
