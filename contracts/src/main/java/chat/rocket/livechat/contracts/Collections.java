package chat.rocket.livechat.contracts;

/**
 * Rocket.Chat's MongoDB collection names (spec §2; DECISIONS.md, Data). Model names are prefixed, {@code users} is
 * not.
 */
public final class Collections {

  /** Rooms ({@code t: 'l'} for livechat). Written by room-service. */
  public static final String ROOMS = "rocketchat_room";
  /** Livechat visitors (guests). Written by visitor-service. */
  public static final String VISITORS = "rocketchat_livechat_visitor";
  /** Routing inquiries, one per livechat room. Written by room-service. */
  public static final String INQUIRIES = "rocketchat_livechat_inquiry";
  /** Agent subscriptions to rooms. Written by room-service. */
  public static final String SUBSCRIPTIONS = "rocketchat_subscription";
  /** Users (agents, admins). Login tokens written by the gateway. */
  public static final String USERS = "users";
  /** {@code {_id: permission, roles: [...]}}. */
  public static final String PERMISSIONS = "rocketchat_permissions";
  /** Role definitions. */
  public static final String ROLES = "rocketchat_roles";
  /** {@code {_id: setting, value}}. */
  public static final String SETTINGS = "rocketchat_settings";
  /** Custom field definitions {@code {_id, label, scope: 'visitor'|'room', regexp}}. */
  public static final String CUSTOM_FIELDS = "rocketchat_livechat_custom_field";
  /**
   * Rocket.Chat's trash: removed documents {@code {_id, __collection__, _deletedAt, ...}} (Rocket.Chat's
   * {@code BaseRaw} trash). Removed custom fields land here, with their removal event.
   */
  public static final String TRASH = "rocketchat__trash";
  /** Departments. */
  public static final String DEPARTMENTS = "rocketchat_livechat_department";

  /** Messages {@code {_id, rid, msg, ts, u: {_id, username, name}, token?, t?}}. Written by room-service. */
  public static final String MESSAGES = "rocketchat_message";
  /**
   * The room-service's room claims (not Rocket.Chat's; DESIGN.md, Room creation): one per livechat room it created,
   * {@code {_id: "<previous rid>:<visitor token>", rid, token, ts, room, inquiry, subscription?}} (the previous rid is
   * empty for a visitor's first room), inserted before the room's documents. {@code _id} is unique, so only one room
   * can follow a given room of a visitor: the proof of "no open room" reads only by {@code _id}.
   */
  public static final String ROOM_CLAIMS = "livechat_room_claim";
  /** Offline messages left through the widget when no agent is online. Written by visitor-service. */
  public static final String OFFLINE_MESSAGES = "rocketchat_livechat_offline_message";

  private Collections() {
  }
}
