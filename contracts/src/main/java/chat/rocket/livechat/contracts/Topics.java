package chat.rocket.livechat.contracts;

/**
 * Every Kafka topic name of the system, declared once (DESIGN.md, Messaging contract).
 *
 * <ul>
 *   <li>{@link #ROOM_COMMANDS}: key = visitor token for {@code room.get-or-create}, {@code rid} otherwise;
 *       produced by the gateway, consumed by consumer group {@link ConsumerGroups#ROOM_SERVICE}.</li>
 *   <li>{@link #VISITOR_COMMANDS}: key = visitor token or visitor {@code _id}; consumed by
 *       {@link ConsumerGroups#VISITOR_SERVICE}.</li>
 *   <li>{@link #replies(String)}: one topic per gateway instance, created at start and deleted at clean stop;
 *       partition = the gateway's HTTP verticle instance that waits for the reply.</li>
 *   <li>{@link #ADMIN_COMMANDS}: key = the changed document's {@code _id} (setting or permission id; the route's
 *       name for reads); consumed by {@link ConsumerGroups#ADMIN_SERVICE}.</li>
 *   <li>{@link #ROOM_EVENTS} and {@link #VISITOR_EVENTS}: CloudEvents 1.0 in Kafka binary mode, key = {@code rid}
 *       or visitor {@code _id}.</li>
 *   <li>{@link #ADMIN_EVENTS}: CloudEvents of setting, permission, role and custom-field changes, key = the changed
 *       document's {@code _id}; read by every process from its end, in no consumer group, to drop its cached
 *       copies.</li>
 *   <li>{@link #deadLetter(String)}: command and event records a consumer gave up on (undecodable, or their work
 *       still failed after its retries), with headers {@link Headers#DLT_REASON}, {@link Headers#DLT_ORIGIN},
 *       {@link Headers#DLT_GROUP}, {@link Headers#DLT_ATTEMPTS}; key as received.</li>
 * </ul>
 */
public final class Topics {

  /** Room commands: get-or-create, change-visitor, check-save-info, save-info. */
  public static final String ROOM_COMMANDS = "livechat.room.commands";
  /** Visitor commands: register, get by id or token, check-guest, save-guest. */
  public static final String VISITOR_COMMANDS = "livechat.visitor.commands";
  /** Admin commands: settings, permissions, roles (issue 11). */
  public static final String ADMIN_COMMANDS = "livechat.admin.commands";
  /** Room change events (CloudEvents), key {@code rid}. */
  public static final String ROOM_EVENTS = "livechat.room.events";
  /** Visitor change events (CloudEvents), key visitor {@code _id}. */
  public static final String VISITOR_EVENTS = "livechat.visitor.events";
  /** Setting, permission, role and custom-field change events (CloudEvents), key = the document's {@code _id}. */
  public static final String ADMIN_EVENTS = "livechat.admin.events";
  /**
   * Ephemeral room activity (typing), key {@code rid}; short retention ({@link #ACTIVITY_RETENTION_MS}), read by
   * every gateway instance from the latest offset, never stored in MongoDB.
   */
  public static final String ROOM_ACTIVITY = "livechat.room.activity";
  /** Retention of {@link #ROOM_ACTIVITY} in ms (one minute: a typing notice is stale after seconds). */
  public static final long ACTIVITY_RETENTION_MS = 60_000;
  /** Prefix of the per-gateway-instance reply topics. */
  public static final String REPLIES_PREFIX = "livechat.replies.";
  /** Suffix appended to a topic name to form its dead-letter topic. */
  public static final String DEAD_LETTER_SUFFIX = ".dlt";
  /** Default partition count of command and event topics (configurable through {@code TOPIC_PARTITIONS}). */
  public static final int DEFAULT_PARTITIONS = 12;

  private Topics() {
  }

  /**
   * Reply topic of one gateway instance.
   *
   * @param gatewayInstanceId the gateway's instance id ({@code GATEWAY_INSTANCE_ID}); letters, digits, '.', '_', '-'
   * @return {@code livechat.replies.<instanceId>}
   */
  public static String replies(String gatewayInstanceId) {
    return REPLIES_PREFIX + gatewayInstanceId;
  }

  /**
   * Dead-letter topic of a command or event topic.
   *
   * @param topic the topic whose poison records are parked
   * @return {@code <topic>.dlt}
   */
  public static String deadLetter(String topic) {
    return topic + DEAD_LETTER_SUFFIX;
  }
}
