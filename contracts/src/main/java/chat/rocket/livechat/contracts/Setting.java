package chat.rocket.livechat.contracts;

/**
 * The Rocket.Chat settings this system reads from {@link Collections#SETTINGS} ({@code {_id, value}}), with the
 * default used when the document is absent (DECISIONS.md, Data). The seeding step
 * ({@code chat.rocket.livechat.gateway.seed.DefaultData}) inserts these defaults when absent.
 */
public enum Setting {
  /** Omnichannel on; when false, room creation answers {@link ErrorCode#OMNICHANNEL_DISABLED}. */
  LIVECHAT_ENABLED("Livechat_enabled", true),
  /** When false, room creation without an available agent answers {@link ErrorCode#NO_AGENT_ONLINE}. */
  LIVECHAT_ACCEPT_CHATS_WITH_NO_AGENTS("Livechat_accept_chats_with_no_agents", false),
  /** {@code Auto_Selection} (assign on creation) or {@code Manual_Selection} (inquiry stays queued). */
  LIVECHAT_ROUTING_METHOD("Livechat_Routing_Method", "Auto_Selection"),
  /** When false, a requested agent is used by id only. */
  LIVECHAT_SHOW_AGENT_INFO("Livechat_show_agent_info", true),
  /** Atomic counter behind {@code guest-N} usernames. */
  LIVECHAT_GUEST_COUNT("Livechat_guest_count", 0),
  /** Store user-agent, ip and host of registering visitors. */
  LIVECHAT_COLLECT_HTTP_HEADERS("Livechat_Allow_collect_and_store_HTTP_header_informations", false),
  /**
   * The REST rate limiter on (spec §1.6); when false no route is limited. The seeding step inserts it, when absent,
   * from the {@code RATE_LIMITER_DEFAULT} configuration (default true, as in Rocket.Chat).
   */
  API_ENABLE_RATE_LIMITER("API_Enable_Rate_Limiter", true),
  /** Calls a client may make per window on a route without its own limits (spec §1.6). */
  API_RATE_LIMITER_LIMIT_CALLS_DEFAULT("API_Enable_Rate_Limiter_Limit_Calls_Default", 10),
  /** Length of the rate limiter's window on a route without its own limits, in ms (spec §1.6). */
  API_RATE_LIMITER_LIMIT_TIME_DEFAULT("API_Enable_Rate_Limiter_Limit_Time_Default", 60000),
  /** A visitor may edit its own messages ({@code PUT livechat/message/:_id}). */
  MESSAGE_ALLOW_EDITING("Message_AllowEditing", true),
  /** A visitor may delete its own messages ({@code DELETE livechat/message/:_id}). */
  MESSAGE_ALLOW_DELETING("Message_AllowDeleting", true),
  /** A visitor may close its room ({@code POST livechat/room.close}). */
  OMNICHANNEL_ALLOW_VISITORS_TO_CLOSE_CONVERSATION("Omnichannel_allow_visitors_to_close_conversation", true),
  /** Limit the length of a visitor's message to {@link #LIVECHAT_MESSAGE_CHARACTER_LIMIT}. */
  LIVECHAT_ENABLE_MESSAGE_CHARACTER_LIMIT("Livechat_enable_message_character_limit", false),
  /** Longest visitor message, in characters, while the limit is on. */
  LIVECHAT_MESSAGE_CHARACTER_LIMIT("Livechat_message_character_limit", 0),
  /** The {@code pageInfo.change} that {@code livechat/page.visited} records ({@code url}). */
  LIVECHAT_HISTORY_MONITOR_TYPE("Livechat_history_monitor_type", "url"),
  /** When false, navigation messages are stored hidden ({@code _hidden: true}). */
  LIVECHAT_VISITOR_NAVIGATION_AS_A_MESSAGE("Livechat_Visitor_navigation_as_a_message", false),
  /**
   * CORS on the REST API ({@code /api/*}): when true, responses carry {@code Access-Control-Allow-*} headers and an
   * {@code OPTIONS} preflight is answered; when false a preflight answers 405. Default false, as in Rocket.Chat
   * ({@code apps/meteor/server/settings/general.ts}).
   */
  API_ENABLE_CORS("API_Enable_CORS", false),
  /** The origins CORS allows when {@link #API_ENABLE_CORS} is on: {@code *} or a comma-separated list of origins. */
  API_CORS_ORIGIN("API_CORS_Origin", "*");

  /** The routing method value that assigns an agent on creation. */
  public static final String AUTO_SELECTION = "Auto_Selection";

  private final String id;
  private final Object defaultValue;

  Setting(String id, Object defaultValue) {
    this.id = id;
    this.defaultValue = defaultValue;
  }

  /** @return the setting's {@code _id} in {@link Collections#SETTINGS} */
  public String id() {
    return id;
  }

  /** @return the value used when the setting is absent (Boolean, String or Integer) */
  public Object defaultValue() {
    return defaultValue;
  }
}
