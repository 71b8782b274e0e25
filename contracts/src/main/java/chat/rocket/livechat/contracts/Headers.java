package chat.rocket.livechat.contracts;

/**
 * Kafka record header names of commands, replies and dead letters (DESIGN.md, Messaging contract). Values are
 * UTF-8 strings.
 */
public final class Headers {

  /** UUID that ties a reply to its command; copied unchanged onto the reply. */
  public static final String CORRELATION_ID = "correlation-id";
  /** Topic the reply must be sent to ({@link Topics#replies(String)}). */
  public static final String REPLY_TO = "reply-to";
  /** Partition of {@link #REPLY_TO} the reply must be sent to (decimal integer). */
  public static final String REPLY_PARTITION = "reply-partition";
  /** {@link CommandType#wireName()} of the command. */
  public static final String COMMAND_TYPE = "command-type";
  /** Epoch milliseconds after which the command must not be executed (the gateway has given up waiting). */
  public static final String DEADLINE = "deadline";
  /** {@code _id} of the authenticated caller, on commands that need the caller. */
  public static final String USER_ID = "user-id";
  /** Username of the authenticated caller. */
  public static final String USERNAME = "username";
  /** Comma-separated roles of the authenticated caller ({@code users.roles}). */
  public static final String USER_ROLES = "user-roles";
  /** On a reply: {@link Outcome} name. */
  public static final String OUTCOME = "outcome";
  /**
   * On a dead letter: why the record was parked, e.g. {@code header correlation-id is missing} (it cannot be
   * decoded) or the last failure of its work ({@code java.lang.IllegalStateException: ...}).
   */
  public static final String DLT_REASON = "dlt-reason";
  /** On a dead letter: topic-partition@offset the record came from. */
  public static final String DLT_ORIGIN = "dlt-origin";
  /** On a dead letter: the consumer group that gave up on the record ({@link ConsumerGroups}). */
  public static final String DLT_GROUP = "dlt-group";
  /** On a dead letter: how many times its work was tried (decimal integer; 0 when it could not be decoded). */
  public static final String DLT_ATTEMPTS = "dlt-attempts";
  /**
   * W3C trace context ({@code 00-<trace id>-<span id>-<flags>}) on commands, replies and events when
   * {@code TRACING=otlp}; written and read by OpenTelemetry's propagator through Vert.x's tracing, never by hand.
   */
  public static final String TRACEPARENT = "traceparent";

  private Headers() {
  }
}
