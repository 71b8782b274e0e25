package chat.rocket.livechat.testkit;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Blocks a test thread until a Vert.x {@link Future} completes, for at most {@link #TIMEOUT}, and turns every other
 * outcome into an {@link AssertionError} that says what happened instead. For test threads only: it would block an
 * event loop.
 */
public final class FutureAwait {

  /** Longest wait for one future: 5 s. */
  public static final Duration TIMEOUT = Duration.ofSeconds(5);

  private FutureAwait() {
  }

  /**
   * @param future the future to wait for
   * @param <T>    its value type
   * @return the value the future succeeds with
   * @throws AssertionError when it fails (the failure is the cause) or does not complete within {@link #TIMEOUT}
   */
  public static <T> T await(Future<T> future) {
    try {
      return get(future);
    } catch (ExecutionException e) {
      throw new AssertionError("expected success, failed with " + e.getCause(), e.getCause());
    }
  }

  /**
   * @param future the future to wait for
   * @param type   the failure expected
   * @param <E>    its type
   * @return the failure, of {@code type}, the future fails with
   * @throws AssertionError when it succeeds, fails with another type or does not complete within {@link #TIMEOUT}
   */
  public static <E extends Throwable> E awaitFailure(Future<?> future, Class<E> type) {
    Object result;
    try {
      result = get(future);
    } catch (ExecutionException e) {
      if (type.isInstance(e.getCause())) {
        return type.cast(e.getCause());
      }
      throw new AssertionError("expected a " + type.getSimpleName() + ", failed with " + e.getCause(), e.getCause());
    }
    throw new AssertionError("expected a " + type.getSimpleName() + ", succeeded with " + result);
  }

  private static <T> T get(Future<T> future) throws ExecutionException {
    try {
      return future.toCompletionStage().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting", e);
    } catch (TimeoutException e) {
      throw new AssertionError("no outcome within " + TIMEOUT.toSeconds() + " s", e);
    }
  }
}
