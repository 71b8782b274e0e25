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

  /**
   * Timer (seconds), gateway: command sent until reply, timeout or send failure; tags {@code command} (the
   * {@link chat.rocket.livechat.contracts.CommandType} wire name), {@code outcome} ({@code success}, {@code failure}
   * for a failure reply, {@code timeout}, {@code unavailable} for a failed send).
   */
  public static final String REQUEST_REPLY = "livechat.request.reply";
  /** Gauge, gateway: requests waiting for their reply; tag {@code reply_partition} (one per HTTP verticle). */
  public static final String PENDING_REPLIES = "livechat.pending.replies";
  /**
   * Counter, gateway: requests that got no reply within {@code REPLY_TIMEOUT_MS} (answered 504); tag {@code command}
   * (the wire name; every command registered at 0 up front).
   */
  public static final String REPLY_TIMEOUTS = "livechat.reply.timeouts";
  /**
   * Counter, services: commands answered; tags {@code command} (the wire name, {@code unknown} for an unknown type),
   * {@code outcome} ({@code SUCCESS}/{@code FAILURE}), {@code error} (the {@code ErrorCode} name, {@code none} on
   * success).
   */
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
   * summed; as of the last fetch; base unit {@code records}); tags {@code topic}, {@code group}, {@code member} (the
   * member's readiness name, {@code <group>@<topic>}, with {@code #n} for a further member in one process).
   */
  public static final String CONSUMER_LAG = "livechat.consumer.lag";
  /** Gauge, gateway: DDP websockets open in this gateway process. */
  public static final String DDP_CONNECTIONS = "livechat.ddp.connections";
  /** Counter, gateway: stream frames the realtime fan-out pushed to this process's DDP sockets. */
  public static final String DDP_FRAMES_PUSHED = "livechat.ddp.frames.pushed";

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
