package chat.rocket.livechat.gateway.validation;

/**
 * The request schemas of the staff's room reads and of the message import, as Rocket.Chat's rest-typings declare them
 * ({@code isSubscriptionsGetOneProps}, {@code isLiveChatRoomJoinProps}, {@code isLivechatRidMessagesProps},
 * {@code isGETLivechatMessagesParams}): no additional keys; the page parameters ({@code count}, {@code offset}) and
 * {@code sort} arrive as query strings. Held to {@code docs/openapi.yaml} by {@code SchemasDocumentTest}, like
 * {@link Schemas}.
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

  /**
   * {@code POST livechat/messages} body ({@code isGETLivechatMessagesParams}, despite its name):
   * {@code visitor: {token}} and at least one {@code {msg}}.
   */
  public static final Schema MESSAGES_IMPORT_BODY = Schema.object()
      .requiredProperty("visitor", Schema.object().requiredProperty("token", Schema.string()))
      .requiredProperty("messages",
          Schema.nonEmptyArrayOf(Schema.object().requiredProperty("msg", Schema.string())));

  /**
   * {@code GET livechat/visitors.pagesVisited/:roomId} and {@code livechat/visitors.chatHistory/...} query
   * ({@code PaginatedRequest}): {@code count}, {@code offset}, {@code sort}.
   */
  public static final Schema VISITOR_PAGE_QUERY = Schema.object()
      .property("count", Schema.string())
      .property("offset", Schema.string())
      .property("sort", Schema.string());

  /**
   * {@code GET livechat/visitors.searchChats/...} query: the page and the optional filters, all strings (Rocket.Chat
   * declares the filters nullable, which a query string cannot express).
   */
  public static final Schema SEARCH_CHATS_QUERY = Schema.object()
      .property("count", Schema.string())
      .property("offset", Schema.string())
      .property("sort", Schema.string())
      .property("searchText", Schema.string())
      .property("closedChatsOnly", Schema.string())
      .property("servedChatsOnly", Schema.string())
      .property("source", Schema.string());

  /** {@code GET livechat/visitors.autocomplete} query: {@code selector} (JSON) required. */
  public static final Schema VISITOR_AUTOCOMPLETE_QUERY = Schema.object()
      .requiredProperty("selector", Schema.string());

  /** {@code GET livechat/visitors.search} query: {@code term} required (may be empty), and the page. */
  public static final Schema VISITOR_SEARCH_QUERY = Schema.object()
      .property("count", Schema.string())
      .property("offset", Schema.string())
      .property("sort", Schema.string())
      .requiredProperty("term", Schema.string());

  private StaffReadSchemas() {
  }
}
