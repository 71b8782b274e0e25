package chat.rocket.livechat.standalone;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Awaitility's waits as these tests use them: the condition is first checked at once, then every 20 ms, in the test's
 * own thread (Kafka consumers must not be used from two threads), until it holds or the deadline passes
 * ({@link org.awaitility.core.ConditionTimeoutException}, naming what was awaited).
 */
final class Waits {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

  private Waits() {
  }

  /**
   * @param what   what is awaited, for the timeout message
   * @param within the deadline
   * @return a condition factory with that deadline
   */
  static ConditionFactory upTo(String what, Duration within) {
    return Awaitility.await(what).atMost(within).pollInSameThread().pollDelay(Duration.ZERO)
        .pollInterval(POLL_INTERVAL);
  }
}
