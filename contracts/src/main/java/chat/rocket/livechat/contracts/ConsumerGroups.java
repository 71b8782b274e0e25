package chat.rocket.livechat.contracts;

/** Kafka consumer group ids: one per service, so each service scales out by adding group members (DESIGN.md). */
public final class ConsumerGroups {

  /** Group of every room-service instance; consumes {@link Topics#ROOM_COMMANDS} and {@link Topics#VISITOR_EVENTS}. */
  public static final String ROOM_SERVICE = "room-service";
  /** Group of every visitor-service instance; consumes {@link Topics#VISITOR_COMMANDS} and {@link Topics#ROOM_EVENTS}. */
  public static final String VISITOR_SERVICE = "visitor-service";

  private ConsumerGroups() {
  }
}
