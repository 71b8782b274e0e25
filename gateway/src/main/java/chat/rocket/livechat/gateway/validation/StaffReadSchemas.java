package chat.rocket.livechat.gateway.validation;

/**
 * The request schemas of the staff's room reads, as Rocket.Chat's rest-typings declare them
 * ({@code isSubscriptionsGetOneProps}, {@code isLiveChatRoomJoinProps}, {@code isLivechatRidMessagesProps}): no
 * additional keys; the page parameters ({@code count}, {@code offset}) and {@code sort} arrive as query strings.
 * Held to {@code docs/openapi.yaml} by {@code SchemasDocumentTest}, like {@link Schemas}.
 */
public final class StaffReadSchemas {

  /** {@code GET subscriptions.getOne} query: {@code roomId} required. */
  public static final Schema SUBSCRIPTION_GET_QUERY = Schema.object()
      .requiredProperty("roomId", Schema.string());

  /** {@code GET livechat/room.join} query: {@code roomId} required. */
  public static final Schema ROOM_JOIN_QUERY = Schema.object()
      .requiredProperty("roomId", Schema.string());

  /** {@code GET livechat/:rid/messages}: {@code searchTerm}, {@code sort} (JSON), {@code count}, {@code offset}. */
  public static final Schema ROOM_MESSAGES_QUERY = Schema.object()
      .property("count", Schema.string())
      .property("offset", Schema.string())
      .property("sort", Schema.string())
      .property("searchTerm", Schema.string());

  private StaffReadSchemas() {
  }
}
