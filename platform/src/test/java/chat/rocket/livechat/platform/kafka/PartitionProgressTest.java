package chat.rocket.livechat.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The commit position of one partition: the contiguous completed prefix of its polled records. */
class PartitionProgressTest {

  @Test
  @DisplayName("nothing polled gives nothing to commit")
  void nothingPolled() {
    assertThat(new PartitionProgress().commitPosition()).isEmpty();
  }

  @Test
  @DisplayName("records completing out of order move the commit position only over the records all done before them")
  void outOfOrderCompletion() {
    PartitionProgress progress = new PartitionProgress();
    for (long offset = 10; offset <= 13; offset++) {
      progress.started(offset);
    }
    progress.completed(12);
    progress.completed(11);
    assertThat(progress.commitPosition()).hasValue(10);
    progress.completed(10);
    assertThat(progress.commitPosition()).hasValue(13);
    progress.completed(13);
    assertThat(progress.commitPosition()).hasValue(14);
    assertThat(progress.inFlight()).isZero();
  }

  @Test
  @DisplayName("a position handed to a commit is not offered again, a later one is")
  void committedOnce() {
    PartitionProgress progress = new PartitionProgress();
    progress.started(0);
    progress.started(1);
    progress.completed(0);
    OptionalLong first = progress.commitPosition();
    progress.committed(first.orElseThrow());
    assertThat(progress.commitPosition()).isEmpty();
    progress.completed(1);
    assertThat(progress.commitPosition()).hasValue(2);
  }

  @Test
  @DisplayName("a failed commit is offered again; a partition given up commits what the broker has not acknowledged")
  void failedCommit() {
    PartitionProgress progress = new PartitionProgress();
    progress.started(0);
    progress.completed(0);
    progress.committed(1);
    progress.commitDone(1, true);
    progress.started(1);
    progress.completed(1);
    progress.committed(2);
    assertThat(progress.finalPosition()).hasValue(2);
    progress.commitDone(2, false);
    assertThat(progress.commitPosition()).hasValue(2);
    progress.commitDone(2, true);
    assertThat(progress.finalPosition()).isEmpty();
  }

  @Test
  @DisplayName("a gap in the offsets (a compacted or transactional topic) does not hold the position back")
  void gapInOffsets() {
    PartitionProgress progress = new PartitionProgress();
    progress.started(3);
    progress.started(7);
    progress.completed(7);
    assertThat(progress.commitPosition()).hasValue(3);
    progress.completed(3);
    assertThat(progress.commitPosition()).hasValue(8);
  }

  @Test
  @DisplayName("drained completes when the last record in flight completes, at once when none is")
  void drained() {
    PartitionProgress progress = new PartitionProgress();
    assertThat(progress.drained().succeeded()).isTrue();
    progress.started(0);
    progress.started(1);
    Future<Void> drained = progress.drained();
    progress.completed(1);
    assertThat(drained.isComplete()).isFalse();
    progress.completed(0);
    assertThat(drained.succeeded()).isTrue();
  }
}
