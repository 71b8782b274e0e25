package chat.rocket.livechat.platform.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.micrometer.backends.BackendRegistries;

/**
 * The names of our own metrics, in one place (README.md, Operating), and the registry they are recorded in. Micrometer
 * names are dotted; the Prometheus scrape shows them with underscores, counters with {@code _total} and timers in
 * seconds ({@code _seconds_bucket}, {@code _seconds_count}, {@code _seconds_sum}, {@code _seconds_max}).
 */
public final class Meters {

  /** Timer, gateway: command sent until reply, timeout or send failure; tags {@code command}, {@code outcome}. */
  public static final String REQUEST_REPLY = "livechat.request.reply";
  /** Gauge, gateway: requests waiting for their reply; tag {@code reply_partition} (one per HTTP verticle). */
  public static final String PENDING_REPLIES = "livechat.pending.replies";
  /** Counter, gateway: requests that got no reply within {@code REPLY_TIMEOUT_MS} (answered 504); tag {@code command}. */
  public static final String REPLY_TIMEOUTS = "livechat.reply.timeouts";
  /** Counter, services: commands answered; tags {@code command}, {@code outcome} (SUCCESS/FAILURE), {@code error}. */
  public static final String COMMANDS_HANDLED = "livechat.commands.handled";
  /**
   * Counter, services: records parked in a dead-letter topic; tags {@code topic} (the command or event topic they
   * came from) and {@code reason}: {@code undecodable} (parked at once) or {@code retries-exhausted} (their work still
   * failed after {@code RECORD_RETRIES} retries).
   */
  public static final String DEAD_LETTERS = "livechat.dead.letters";
  /** Counter, services: CloudEvents the broker acknowledged; tag {@code type} (ce_type). */
  public static final String EVENTS_PUBLISHED = "livechat.events.published";
  /**
   * Gauge, services: records of the member's assigned partitions not consumed yet (Kafka's {@code records-lag},
   * summed; as of the last fetch); tags {@code topic}, {@code group}, {@code client}.
   */
  public static final String CONSUMER_LAG = "livechat.consumer.lag";

  private static final MeterRegistry NONE = new CompositeMeterRegistry();

  private Meters() {
  }

  /**
   * @return the Prometheus registry of a Vert.x instance made by {@link ServiceRuntime}, or a registry that records
   *     nothing when {@code vertx} has no metrics (a plain {@code Vertx.vertx()})
   */
  public static MeterRegistry registry(Vertx vertx) {
    MeterRegistry registry = vertx.isMetricsEnabled() ? BackendRegistries.getDefaultNow() : null;
    return registry == null ? NONE : registry;
  }
}
