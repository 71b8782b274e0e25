package chat.rocket.livechat.platform.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's crash point for fault tests ({@code OUTBOX_CRASH_POINT}): {@code off} (the default) does nothing;
 * {@code after-write:<n>} halts the process (exit status 137, no shutdown hooks, as a SIGKILL) at the n-th evented
 * write of one {@link Outbox}, after the MongoDB write and before any publish.
 */
final class CrashPoint {

  private static final Logger LOG = LoggerFactory.getLogger(CrashPoint.class);
  private static final String AFTER_WRITE = "after-write:";
  private static final CrashPoint OFF = new CrashPoint(0);

  private final long atWrite;
  private long writes;

  private CrashPoint(long atWrite) {
    this.atWrite = atWrite;
  }

  /**
   * @param value {@code off} or {@code after-write:<n>} (surrounding spaces ignored)
   * @return the crash point it names
   * @throws IllegalArgumentException for any other value
   */
  static CrashPoint parse(String value) {
    String trimmed = value.trim();
    if ("off".equals(trimmed)) {
      return OFF;
    }
    try {
      if (trimmed.startsWith(AFTER_WRITE)) {
        return new CrashPoint(Long.parseLong(trimmed.substring(AFTER_WRITE.length())));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("OUTBOX_CRASH_POINT must be off or after-write:<n>, got '" + value + "'");
  }

  /** Counts one evented write of {@code collection} and halts the process when it is the n-th. */
  void afterWrite(String collection, String id) {
    if (atWrite > 0 && ++writes == atWrite) {
      LOG.warn("OUTBOX_CRASH_POINT: halting after write {} to {} _id={}, before publishing", writes, collection, id);
      Runtime.getRuntime().halt(137);
    }
  }
}
