package chat.rocket.livechat.contracts;

/**
 * CloudEvents 1.0 types published by the services, in Kafka binary mode ({@code ce_*} headers, JSON data).
 * {@code ce_subject} is the aggregate id ({@code rid} or visitor {@code _id}), which is also the record key.
 * Room event data: {@code {"room": <room document after the change>, "changedFields": [field names]}}; visitor event
 * data: {@code {"visitor": <visitor document>, "changedFields": [...]}}. Dates are ISO-8601 strings.
 */
public enum EventType {
  /** A room was created by {@code room.get-or-create}. */
  ROOM_CREATED("chat.rocket.livechat.room.created", Topics.ROOM_EVENTS, EventSource.ROOM_SERVICE),
  /** A room's info changed ({@code room.save-info}, a visitor rename). */
  ROOM_UPDATED("chat.rocket.livechat.room.updated", Topics.ROOM_EVENTS, EventSource.ROOM_SERVICE),
  /** A room was moved to another visitor ({@code room.change-visitor}). */
  ROOM_VISITOR_CHANGED("chat.rocket.livechat.room.visitor-changed", Topics.ROOM_EVENTS, EventSource.ROOM_SERVICE),
  /** A visitor was created or updated through {@code POST livechat/visitor}. */
  VISITOR_REGISTERED("chat.rocket.livechat.visitor.registered", Topics.VISITOR_EVENTS, EventSource.VISITOR_SERVICE),
  /** A visitor's info changed ({@code visitor.save-guest}, or {@code lastChat} after a room was created). */
  VISITOR_UPDATED("chat.rocket.livechat.visitor.updated", Topics.VISITOR_EVENTS, EventSource.VISITOR_SERVICE);

  private final String type;
  private final String topic;
  private final String source;

  EventType(String type, String topic, String source) {
    this.type = type;
    this.topic = topic;
    this.source = source;
  }

  /**
   * @param type a CloudEvents {@code type} attribute
   * @return the event type, or empty for a type this system does not publish
   */
  public static java.util.Optional<EventType> fromType(String type) {
    return java.util.Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
  }

  /** @return the CloudEvents {@code type} attribute */
  public String type() {
    return type;
  }

  /** @return the topic events of this type are published on */
  public String topic() {
    return topic;
  }

  /** @return the CloudEvents {@code source} attribute (a URI reference naming the producing service) */
  public String source() {
    return source;
  }

  /** CloudEvents {@code source} values. */
  public static final class EventSource {
    /** Source of room events. */
    public static final String ROOM_SERVICE = "/livechat/room-service";
    /** Source of visitor events. */
    public static final String VISITOR_SERVICE = "/livechat/visitor-service";

    private EventSource() {
    }
  }
}
