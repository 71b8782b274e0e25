package chat.rocket.livechat.platform.runtime;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Every configuration setting of the services: its environment variable, its default and its unit, in one place
 * (DESIGN.md, Configuration; STYLE.md P3). {@code Main} classes map the environment to a {@link JsonObject} with
 * {@link #fromEnv(Map)} and hand it to the verticles as {@code config()}; verticles read values only through these
 * constants. Tests and the standalone inject their own values through the same keys.
 */
public enum ConfigKey {
  /** HTTP port of the gateway. */
  PORT("3000"),
  /**
   * The public origin of the system, e.g. {@code https://chat.example.com} (Rocket.Chat's {@code ROOT_URL}): the
   * {@code SERVER_URL} the Livechat widget page at {@code /livechat} connects to. Empty = the origin the browser asked
   * for ({@code http://} + the request's {@code Host} header).
   */
  ROOT_URL(""),
  /** MongoDB connection string; its path names the database (default {@code rocketchat}). */
  MONGO_URL("mongodb://127.0.0.1:27017/rocketchat"),
  /** Kafka bootstrap servers, comma-separated host:port. */
  KAFKA_BOOTSTRAP_SERVERS("127.0.0.1:9092"),
  /** Gateway instance id, names its reply topic; empty = host name + random suffix. */
  GATEWAY_INSTANCE_ID(""),
  /** How long the gateway waits for a reply before answering 504, in ms. */
  REPLY_TIMEOUT_MS("5000"),
  /** Partitions of command and event topics when this service creates them. */
  TOPIC_PARTITIONS("12"),
  /** Replication factor of topics this service creates. */
  TOPIC_REPLICATION_FACTOR("1"),
  /**
   * How long settings, permissions and users are cached, in ms (Rocket.Chat: about 1 s); changes made through the
   * admin endpoints drop their entries at once ({@code livechat.admin.events}), so this bounds direct MongoDB writes.
   */
  CACHE_TTL_MS("1000"),
  /**
   * Room-service: how many open rooms its read model keeps in memory (about 2 KiB of heap each), for the rooms of the
   * partitions it owns. 0 turns the read model off.
   */
  ROOM_CACHE_ENTRIES("20000"),
  /**
   * Room-service: how long a room stays in the read model after its load, in ms: the bound for a room written straight
   * into the store by another system. {@code auto}: {@link #CACHE_TTL_MS} on a store that another system may share (a
   * real MongoDB, detected as for {@link #OPEN_ROOM_PROOF}: it honours partial indexes), 600000 on the embedded store,
   * which only this system writes. 0 turns the read model off.
   */
  ROOM_CACHE_TTL_MS("auto"),
  /** Largest accepted request body, in bytes; larger bodies get 413. */
  BODY_LIMIT_BYTES("102400"),
  /** HTTP verticle instances in the gateway (each with its own reply partition); 0 = number of CPU cores. */
  HTTP_INSTANCES("0"),
  /**
   * How long a DDP websocket may stay silent, in ms, before the gateway sends it a {@code {"msg":"ping"}} (Meteor's
   * server heartbeat interval).
   */
  DDP_PING_INTERVAL_MS("15000"),
  /**
   * How long, in ms, the gateway waits for any message (a {@code pong} or anything else) after its ping before it
   * closes the websocket (Meteor's heartbeat timeout).
   */
  DDP_PING_TIMEOUT_MS("15000"),
  /**
   * Largest DDP message a websocket may send, in bytes (all fragments of one message together): a larger one is
   * answered {@code {"msg":"error","reason":"Frame too large"}} and that socket is closed with status 1009.
   */
  DDP_MAX_FRAME_BYTES("65536"),
  /** Most DDP websockets one gateway process holds; an upgrade beyond it is refused with 503. */
  DDP_MAX_CONNECTIONS("20000"),
  /** Command-consumer verticle instances per service process (members of the consumer group). */
  CONSUMER_INSTANCES("1"),
  /**
   * How many times a service retries a command or event record whose work failed before it parks the record in
   * {@code <topic>.dlt} (0 = at once); see {@code PipelinedConsumer}.
   */
  RECORD_RETRIES("3"),
  /**
   * Base of the retries' exponential backoff, in ms: retry n waits a random 0 to
   * min({@link #RECORD_RETRY_MAX_MS}, this * 2^n) ms (full jitter). Must be positive.
   */
  RECORD_RETRY_INITIAL_MS("100"),
  /** Longest wait before one retry of a record, in ms; at least {@link #RECORD_RETRY_INITIAL_MS}. */
  RECORD_RETRY_MAX_MS("2000"),
  /**
   * How often, in ms, a service's consumers commit their offsets: each partition up to its lowest record still in
   * flight (also at a revocation and at stop). A crash redelivers the records in flight plus at most this much
   * completed work; see {@code PipelinedConsumer}.
   */
  COMMIT_INTERVAL_MS("100"),
  /**
   * Records one partition of a consumer may hold in flight (polled, work not completed) before it is paused; it
   * resumes at half. A soft bound: checked after each poll, which returns at most {@link #CONSUMER_MAX_IN_FLIGHT}
   * records.
   */
  CONSUMER_PARTITION_MAX_IN_FLIGHT("16"),
  /**
   * Records one consumer may hold in flight over all its partitions before it pauses them all; it resumes at half.
   * Also the most records one poll returns ({@code max.poll.records}). Work started beyond what the store can finish
   * in time only makes every command late: the rest waits in Kafka, where {@link #COMMAND_MAX_QUEUE_MS} and the
   * deadline drop it without work (issue 12).
   */
  CONSUMER_MAX_IN_FLIGHT("64"),
  /**
   * Longest time, in ms, a command may have waited before its service starts it (from the record's Kafka timestamp,
   * set when the gateway sent it, until its turn: behind a paused partition, or behind the same key's commands); one
   * that waited longer is answered 503 {@code error-service-unavailable} at once without running (load shedding under
   * overload: the excess is refused quickly instead of queueing until every command times out). 0 = no bound (only
   * the command's deadline applies).
   */
  COMMAND_MAX_QUEUE_MS("1000"),
  /**
   * How long, in ms, a consumer whose partitions are revoked (or that stops) waits for their records in flight before
   * it commits and lets them go; records still running then are run again by the next owner.
   */
  CONSUMER_DRAIN_MS("10000"),
  /**
   * How many proxies in front of the gateway append to {@code X-Forwarded-For}; the client IP of the rate limiter is
   * the entry this many from the end (Rocket.Chat's {@code HTTP_FORWARDED_COUNT}). 0 ignores the header.
   */
  HTTP_FORWARDED_COUNT("0"),
  /**
   * The value the seed step ({@code java -jar gateway.jar seed}, the standalone) writes for setting
   * {@code API_Enable_Rate_Limiter} when it is absent ({@code true} / {@code false}); the setting in
   * {@code rocketchat_settings} stays the only switch afterwards.
   */
  RATE_LIMITER_DEFAULT("true"),
  /** Username of the admin the seed step creates when absent (with ADMIN_PASS). */
  ADMIN_USERNAME("admin"),
  /** Password of the admin the seed step creates; empty = no admin is created (the standalone defaults it). */
  ADMIN_PASS(""),
  /** Email of the admin the seed step creates. */
  ADMIN_EMAIL("admin@localhost"),
  /** Standalone only: directory of the Kafka log and the MongoDB-wire store's files. */
  DATA_DIR("./data"),
  /**
   * Standalone only: the MongoDB-wire store's page cache in MiB, taken from the heap. A page found there is read
   * without deserializing its documents again; with many stored rooms a cache too small for the working set makes
   * every read deserialize (issue 12). H2's own default is 16.
   */
  STORE_CACHE_MB("64"),
  /** Standalone only: {@code true} runs the Kafka broker and the MongoDB-wire store without any service. */
  INFRA_ONLY("false"),
  /**
   * Port of the ops HTTP server of a room-service or visitor-service process ({@code /metrics},
   * {@code /health/live}, {@code /health/ready}); 0 = off. The gateway serves the same routes on {@link #PORT}; the
   * standalone runs one ops server for all its services.
   */
  MANAGEMENT_PORT("9100"),
  /**
   * Log line format: {@code plain} (one human-readable line) or {@code json} (one JSON object per line). Read by
   * {@code logback.xml} from the environment or a system property, before any configuration is loaded.
   */
  LOG_FORMAT("plain"),
  /**
   * Tracing: {@code off}, or {@code otlp} to create OpenTelemetry spans for HTTP requests, commands, replies and
   * events, propagate W3C {@code traceparent} headers, and export the spans to {@link #OTLP_ENDPOINT}.
   */
  TRACING("off"),
  /** Base URL of the OTLP/HTTP collector spans are sent to ({@code /v1/traces} is appended) when TRACING=otlp. */
  OTLP_ENDPOINT("http://127.0.0.1:4318"),
  /**
   * How often, in ms, a room-service or visitor-service looks for documents whose pending events a dead instance
   * left unpublished (the outbox sweep, also run at start); it publishes those whose oldest pending event is at least
   * min(this, 2 x REPLY_TIMEOUT_MS) old. Each sweep reads the collection's pending events with one query, which the
   * embedded store answers by scanning the collection (a real MongoDB from a sparse index), hence the long default.
   */
  OUTBOX_SWEEP_MS("300000"),
  /**
   * How often, in ms, a room-service or visitor-service publishes again the documents whose events it failed to
   * publish (found by {@code _id}, no scan).
   */
  OUTBOX_RETRY_MS("5000"),
  /**
   * Fault tests only, off by default: {@code after-write:<n>} halts the process ({@code Runtime.halt}) on its n-th
   * evented write to one collection (rooms or visitors), after the handler's MongoDB writes and before its events are
   * published; {@code off} never does.
   */
  OUTBOX_CRASH_POINT("off"),
  /**
   * How the room-service proves that a visitor has no open livechat room (DESIGN.md, Room creation): {@code keys}
   * follows the visitor's {@code lastChat} and the room-service's claims ({@code livechat_room_claim}), point reads
   * by {@code _id} only, O(1) in the number of stored rooms on any store; {@code query} also runs Rocket.Chat's
   * {@code {t:'l', open:true, 'v.token'}} query, which counts rooms another system wrote without a claim and is a
   * point lookup only where {@code v.token} is indexed (a real MongoDB); {@code auto} is {@code query} on a store that
   * honours partial indexes (a real MongoDB) and {@code keys} otherwise (the embedded store, which would scan).
   */
  OPEN_ROOM_PROOF("auto");

  private final String defaultValue;

  ConfigKey(String defaultValue) {
    this.defaultValue = defaultValue;
  }

  /** @return the environment variable name, which is also the config key */
  public String env() {
    return name();
  }

  /** @return the documented default */
  public String defaultValue() {
    return defaultValue;
  }

  /** @return this key's value in {@code config}, or the default */
  public String get(JsonObject config) {
    Object value = config.getValue(name());
    return value == null ? defaultValue : value.toString();
  }

  /**
   * @return this key's value as an int
   * @throws IllegalArgumentException when the value is not an integer, naming the variable
   */
  public int getInt(JsonObject config) {
    return (int) getLong(config);
  }

  /**
   * @return this key's value as a long
   * @throws IllegalArgumentException when the value is not an integer, naming the variable
   */
  public long getLong(JsonObject config) {
    String value = get(config);
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name() + " must be an integer, got '" + value + "'");
    }
  }

  /** @return this key's value as a boolean ({@code true} ignoring case) */
  public boolean getBoolean(JsonObject config) {
    return Boolean.parseBoolean(get(config).trim());
  }

  /**
   * Reads every key from the environment, falling back to the defaults.
   *
   * @param env the process environment ({@code System.getenv()})
   * @return config with one string entry per key
   */
  public static JsonObject fromEnv(Map<String, String> env) {
    JsonObject config = new JsonObject();
    for (ConfigKey key : values()) {
      String value = env.get(key.env());
      config.put(key.name(), value == null || value.isEmpty() ? key.defaultValue : value);
    }
    return config;
  }
}
