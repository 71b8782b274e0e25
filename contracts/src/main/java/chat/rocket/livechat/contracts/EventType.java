package chat.rocket.livechat.contracts;

/**
 * CloudEvents 1.0 types published by the services, in Kafka binary mode ({@code ce_*} headers, JSON data).
 * {@code ce_subject} is the aggregate id ({@code rid} or visitor {@code _id}), which is also the record key.
 * Room event data: {@code {"room": <room document after the change>, "changedFields": [field names]}}; visitor event
 * data: {@code {"visitor": <visitor document>, "changedFields": [...]}}; admin event data:
 * {@code {"<setting|permission|role|custom-field>": <document after the change>, "changedFields": [...]}}, key and
 * subject the document's {@code _id}. Dates are ISO-8601 strings.
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
  VISITOR_UPDATED("chat.rocket.livechat.visitor.updated", Topics.VISITOR_EVENTS, EventSource.VISITOR_SERVICE),
  /**
   * A visitor was deleted ({@code visitor.delete}): data {@code {visitor, changedFields}}, the visitor as left by the
   * removal ({@code _id}, {@code disabled: true}, no token and no personal data).
   */
  VISITOR_DELETED("chat.rocket.livechat.visitor.deleted", Topics.VISITOR_EVENTS, EventSource.VISITOR_SERVICE),
  /** A message was stored in a room; data {@code {message}}; key and subject {@code rid}. */
  MESSAGE_CREATED("chat.rocket.livechat.message.created", Topics.ROOM_EVENTS, EventSource.ROOM_SERVICE),
  /** A message was edited; data {@code {message}}; key and subject {@code rid}. */
  MESSAGE_UPDATED("chat.rocket.livechat.message.updated", Topics.ROOM_EVENTS, EventSource.ROOM_SERVICE),
  /** A message was deleted; data {@code {message: {_id, rid}}}; key and subject {@code rid}. */
  MESSAGE_DELETED("chat.rocket.livechat.message.deleted", Topics.ROOM_EVENTS, EventSource.ROOM_SERVICE),
  /** A room was closed ({@code room.close}); data {@code {room}} with the closing fields. */
  ROOM_CLOSED("chat.rocket.livechat.room.closed", Topics.ROOM_EVENTS, EventSource.ROOM_SERVICE),
  /** A room's serving agent changed; data {@code {room, agent: {_id, username, name?}}}. */
  ROOM_AGENT_CHANGED("chat.rocket.livechat.room.agent-changed", Topics.ROOM_EVENTS, EventSource.ROOM_SERVICE),
  /**
   * Ephemeral user activity in a room (typing), published by the gateway that received it on the short-retention
   * {@link Topics#ROOM_ACTIVITY}; data {@code {rid, username, activities: ["user-typing"] or [], extra: {client's
   * extra data without its token}, origin: <DDP session id of the sender>}}; never stored; never sent back to the
   * session named by {@code origin}.
   */
  ROOM_ACTIVITY("chat.rocket.livechat.room.activity", Topics.ROOM_ACTIVITY, EventSource.GATEWAY),
  /**
   * A setting's value changed ({@code POST settings/:_id}); data {@code {setting: {_id, value, ...}, changedFields:
   * ["value"]}}. Every process drops its cached value of the setting.
   */
  SETTING_CHANGED("chat.rocket.livechat.setting.changed", Topics.ADMIN_EVENTS, EventSource.ADMIN_SERVICE),
  /**
   * A permission's roles changed ({@code POST permissions.update}); data {@code {permission: {_id, roles,
   * _updatedAt}, changedFields: ["roles"]}}. Every process drops its cached roles of the permission.
   */
  PERMISSION_CHANGED("chat.rocket.livechat.permission.changed", Topics.ADMIN_EVENTS, EventSource.ADMIN_SERVICE),
  /**
   * A livechat custom field was saved or deleted; data {@code {custom-field, changedFields}}. Every process drops its
   * cached custom field definitions. Published by {@code custom-field.save} and {@code custom-field.delete}.
   */
  CUSTOM_FIELD_CHANGED("chat.rocket.livechat.custom-field.changed", Topics.ADMIN_EVENTS, EventSource.ADMIN_SERVICE);

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
    /** Source of setting, permission, role and custom-field events. */
    public static final String ADMIN_SERVICE = "/livechat/admin-service";
    /** Source of ephemeral activity events, published by a gateway. */
    public static final String GATEWAY = "/livechat/gateway";

    private EventSource() {
    }
  }
}
