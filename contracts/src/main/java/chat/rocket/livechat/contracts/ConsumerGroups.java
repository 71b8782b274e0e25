package chat.rocket.livechat.contracts;

/** Kafka consumer group ids: one per service, so each service scales out by adding group members (DESIGN.md). */
public final class ConsumerGroups {

  /** Group of every room-service instance on {@link Topics#ROOM_COMMANDS}. */
  public static final String ROOM_SERVICE = "room-service";
  /** Group of every visitor-service instance on {@link Topics#VISITOR_COMMANDS}. */
  public static final String VISITOR_SERVICE = "visitor-service";
  /** Group of every admin-service instance on {@link Topics#ADMIN_COMMANDS}. */
  public static final String ADMIN_SERVICE = "admin-service";
  /** Group of the room-service on {@link Topics#VISITOR_EVENTS} (renames open rooms, spec §7.1). */
  public static final String ROOM_SERVICE_VISITOR_EVENTS = "room-service.visitor-events";
  /** Group of the visitor-service on {@link Topics#ROOM_EVENTS} (records {@code lastChat}, spec §2.1). */
  public static final String VISITOR_SERVICE_ROOM_EVENTS = "visitor-service.room-events";

  private ConsumerGroups() {
  }
}
