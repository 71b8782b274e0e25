package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.RetryPolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded retries of one record's work, then the dead-letter topic, so that no poison record stalls a partition:
 * a failed attempt is retried up to {@link ConfigKey#RECORD_RETRIES} times, retry n after a random 0 to
 * min({@link ConfigKey#RECORD_RETRY_MAX_MS}, {@link ConfigKey#RECORD_RETRY_INITIAL_MS} * 2^n) ms (exponential backoff
 * with full jitter); when the last attempt fails too, the owner's last word runs (a command still gets its FAILURE
 * reply) and the record goes to {@code <topic>.dlt} ({@link DeadLetters#RETRIES_EXHAUSTED}). A work that fails with
 * {@link PoisonRecordException} goes there at once ({@link DeadLetters#UNDECODABLE}).
 *
 * <p>The retries are Vert.x's own {@code vertx-circuit-breaker} (in the Vert.x stack BOM, Future-based, timers on the
 * caller's context, {@link RetryPolicy#exponentialDelayWithJitter}), used for its retry policy only: the breaker never
 * opens ({@code maxFailures} = {@link Integer#MAX_VALUE}), since an open breaker would park records without trying
 * them, and has no timeout, since a handler's own deadlines bound it; it publishes no event-bus notifications. A second
 * breaker of the same kind runs the whole again while the dead letter cannot be sent ({@link #settle}).
 */
final class RecordRetries {

  /** Wait before a record whose dead letter could not be sent runs again, in ms. */
  static final long SETTLE_DELAY_MS = 500;
  private static final Logger LOG = LoggerFactory.getLogger(RecordRetries.class);

  private final CircuitBreaker breaker;
  private final CircuitBreaker settling;
  private final DeadLetters deadLetters;
  private final BiFunction<KafkaConsumerRecord<String, Buffer>, Throwable, Future<Void>> lastWord;

  /**
   * @param name        the breaker's name ({@code <group>@<topic>})
   * @param deadLetters where records end that cannot be processed
   * @param lastWord    runs once before a record whose retries are exhausted is parked, with its last failure; its
   *                    own failure (or exception) is ignored
   */
  RecordRetries(Vertx vertx, JsonObject config, String name, DeadLetters deadLetters,
                BiFunction<KafkaConsumerRecord<String, Buffer>, Throwable, Future<Void>> lastWord) {
    CircuitBreakerOptions options = new CircuitBreakerOptions()
        .setMaxRetries(ConfigKey.RECORD_RETRIES.getInt(config))
        .setMaxFailures(Integer.MAX_VALUE)
        .setTimeout(-1)
        .setNotificationAddress(null);
    this.breaker = CircuitBreaker.create(name, vertx, options)
        .retryPolicy(RetryPolicy.exponentialDelayWithJitter(ConfigKey.RECORD_RETRY_INITIAL_MS.getLong(config),
            ConfigKey.RECORD_RETRY_MAX_MS.getLong(config)));
    this.settling = CircuitBreaker.create(name + "-settle", vertx, new CircuitBreakerOptions(options)
            .setMaxRetries(Integer.MAX_VALUE))
        .retryPolicy(RetryPolicy.constantDelay(SETTLE_DELAY_MS));
    this.deadLetters = deadLetters;
    this.lastWord = lastWord;
  }

  /**
   * @param work the work of one record, run once per attempt
   * @return completes when the work succeeded or the record was parked; fails only when the dead letter could not be
   *     sent
   */
  Future<Void> run(KafkaConsumerRecord<String, Buffer> record,
                   Function<KafkaConsumerRecord<String, Buffer>, Future<Void>> work) {
    int[] attempts = {0};
    return breaker.<Optional<PoisonRecordException>>execute(() -> {
      attempts[0]++;
      return attempt(record, work);
    }).transform(outcome -> {
      if (outcome.failed()) {
        return giveUp(record, outcome.cause(), attempts[0]);
      }
      return outcome.result().map(poison -> deadLetters.park(record, poison.getMessage(), DeadLetters.UNDECODABLE, 0))
          .orElse(Future.succeededFuture());
    });
  }

  /**
   * {@link #run} until the record is settled: when its dead letter could not be sent (the broker unreachable), the
   * whole runs again, at once and then every {@link #SETTLE_DELAY_MS} ms (the work must be idempotent), as long as
   * {@code owned} holds. The second breaker is entered only then, so the common path costs one breaker call.
   *
   * @param owned whether this member still owns the record's partition; once not, the record is abandoned (the
   *              future succeeds) and its next owner runs it
   * @return completes when the work succeeded, the record was parked or abandoned; never fails
   */
  Future<Void> settle(KafkaConsumerRecord<String, Buffer> record,
                      Function<KafkaConsumerRecord<String, Buffer>, Future<Void>> work, BooleanSupplier owned) {
    return run(record, work).recover(failure -> {
      logUnsettled(record, failure);
      return settling.<Void>execute(() -> owned.getAsBoolean()
              ? run(record, work).onFailure(e -> logUnsettled(record, e))
              : Future.succeededFuture())
          .recover(stopped -> Future.succeededFuture());
    });
  }

  private static void logUnsettled(KafkaConsumerRecord<String, Buffer> record, Throwable failure) {
    LOG.warn("{}-{}@{}: dead letter failed ({}); running it again", record.topic(), record.partition(),
        record.offset(), failure.getMessage());
  }

  /** Stops the breakers' timers. */
  void close() {
    breaker.close();
    settling.close();
  }

  /** @return a poison record as a success, so that the breaker does not retry it; other failures as they are */
  private static Future<Optional<PoisonRecordException>> attempt(
      KafkaConsumerRecord<String, Buffer> record, Function<KafkaConsumerRecord<String, Buffer>, Future<Void>> work) {
    return work.apply(record)
        .map(v -> Optional.<PoisonRecordException>empty())
        .recover(failure -> failure instanceof PoisonRecordException poison
            ? Future.succeededFuture(Optional.of(poison)) : Future.failedFuture(failure));
  }

  private Future<Void> giveUp(KafkaConsumerRecord<String, Buffer> record, Throwable failure, int attempts) {
    LOG.error("{}-{}@{} failed {} time(s); giving up on it", record.topic(), record.partition(), record.offset(),
        attempts, failure);
    return Future.<Void>succeededFuture()
        .compose(start -> lastWord.apply(record, failure))
        .transform(said -> deadLetters.park(record, failure.toString(), DeadLetters.RETRIES_EXHAUSTED, attempts));
  }
}
