package chat.rocket.livechat.contracts;

/**
 * The Rocket.Chat settings this system reads from {@link Collections#SETTINGS} ({@code {_id, value}}) or serves to
 * Rocket.Chat's clients through {@code settings/:_id}, with the default used when the document is absent
 * (DECISIONS.md, Data). The seeding step ({@code chat.rocket.livechat.gateway.seed.DefaultData}) inserts these defaults
 * when absent.
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
  /**
   * Store user-agent, ip and host of registering visitors (the GDPR setting); when true,
   * {@code DELETE livechat/visitor/:token} also removes a visitor with open rooms, as Rocket.Chat does.
   */
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
  /**
   * An agent's close ({@code livechat/room.closeByUser}) needs a comment that is not blank; default true, as in
   * Rocket.Chat ({@code apps/meteor/server/settings/omnichannel.ts}).
   */
  LIVECHAT_REQUEST_COMMENT_WHEN_CLOSING_CONVERSATION("Livechat_request_comment_when_closing_conversation", true),
  /**
   * {@code livechat/room.closeByUser} honours {@code forceClose: true} (closes a room even when it is closed);
   * default false, as in Rocket.Chat.
   */
  OMNICHANNEL_ALLOW_FORCE_CLOSE_CONVERSATIONS("Omnichannel_allow_force_close_conversations", false),
  /** When false, navigation messages are stored hidden ({@code _hidden: true}). */
  LIVECHAT_VISITOR_NAVIGATION_AS_A_MESSAGE("Livechat_Visitor_navigation_as_a_message", false),
  /**
   * CORS on the REST API ({@code /api/*}): when true, responses carry {@code Access-Control-Allow-*} headers and an
   * {@code OPTIONS} preflight is answered; when false a preflight answers 405. Default false, as in Rocket.Chat
   * ({@code apps/meteor/server/settings/general.ts}).
   */
  API_ENABLE_CORS("API_Enable_CORS", false),
  /** The origins CORS allows when {@link #API_ENABLE_CORS} is on: {@code *} or a comma-separated list of origins. */
  API_CORS_ORIGIN("API_CORS_Origin", "*"),
  /** With true, the agent's {@code emails} are part of the agent shown to the widget (config, agent.info). */
  LIVECHAT_SHOW_AGENT_EMAIL("Livechat_show_agent_email", false),
  /** Widget title ({@code config.theme.title}). */
  LIVECHAT_TITLE("Livechat_title", "Rocket.Chat"),
  /** Widget title bar color ({@code config.theme.color}). */
  LIVECHAT_TITLE_COLOR("Livechat_title_color", "#C1272D"),
  /** Title while no agent is online ({@code config.theme.offlineTitle}). */
  LIVECHAT_OFFLINE_TITLE("Livechat_offline_title", "Leave a message"),
  /** Title bar color while no agent is online ({@code config.theme.offlineColor}). */
  LIVECHAT_OFFLINE_TITLE_COLOR("Livechat_offline_title_color", "#666666"),
  /** {@code left} or {@code right} ({@code config.theme.position}). */
  LIVECHAT_WIDGET_POSITION("Livechat_widget_position", "right"),
  /** Show the registration form before a chat ({@code config.settings.registrationForm}). */
  LIVECHAT_REGISTRATION_FORM("Livechat_registration_form", true),
  /** Ask the name in the registration form. */
  LIVECHAT_NAME_FIELD_REGISTRATION_FORM("Livechat_name_field_registration_form", true),
  /** Ask the email in the registration form. */
  LIVECHAT_EMAIL_FIELD_REGISTRATION_FORM("Livechat_email_field_registration_form", true),
  /** Let the visitor change department. */
  LIVECHAT_ALLOW_SWITCHING_DEPARTMENTS("Livechat_allow_switching_departments", true),
  /**
   * Show the offline form when no agent is online; when false, {@code POST livechat/offline.message} fails with
   * {@link ErrorCode#OFFLINE_MESSAGE_FAILED}.
   */
  LIVECHAT_DISPLAY_OFFLINE_FORM("Livechat_display_offline_form", true),
  /** Offer the visitor a transcript ({@code config.settings.transcript}). */
  LIVECHAT_ENABLE_TRANSCRIPT("Livechat_enable_transcript", false),
  /**
   * {@code url} or {@code page}: which page change the widget reports ({@code config.settings.historyMonitorType}) and
   * {@code livechat/page.visited} records.
   */
  LIVECHAT_HISTORY_MONITOR_TYPE("Livechat_history_monitor_type", "url"),
  /** The visitor must accept the data processing consent text. */
  LIVECHAT_FORCE_ACCEPT_DATA_PROCESSING_CONSENT("Livechat_force_accept_data_processing_consent", false),
  /** Show "connecting" until an agent joined. */
  LIVECHAT_SHOW_CONNECTING("Livechat_Show_Connecting", false),
  /** The widget clears its local storage when a chat ends. */
  LIVECHAT_CLEAR_LOCAL_STORAGE_WHEN_CHAT_ENDED("Livechat_clear_local_storage_when_chat_ended", false),
  /**
   * Limit the length of a visitor's message ({@code config.settings.limitTextLength}); {@code POST livechat/message}
   * refuses a longer one.
   */
  LIVECHAT_ENABLE_MESSAGE_CHARACTER_LIMIT("Livechat_enable_message_character_limit", false),
  /** The limit in characters; 0 falls back to {@link #MESSAGE_MAX_ALLOWED_SIZE}. */
  LIVECHAT_MESSAGE_CHARACTER_LIMIT("Livechat_message_character_limit", 0),
  /** Largest message in characters. */
  MESSAGE_MAX_ALLOWED_SIZE("Message_MaxAllowedSize", 5000),
  /** The server's language ({@code config.settings.language}); empty = the browser's. */
  LANGUAGE("Language", ""),
  /** The server's public URL; the widget's notification sound is {@code <Site_Url>/sounds/chime.mp3}. */
  SITE_URL("Site_Url", "http://localhost:3000"),
  /** Text of the offline form ({@code config.messages.offlineMessage}). */
  LIVECHAT_OFFLINE_MESSAGE("Livechat_offline_message", ""),
  /** Text after an offline message was sent. */
  LIVECHAT_OFFLINE_SUCCESS_MESSAGE("Livechat_offline_success_message", ""),
  /** Text while the offline form is off. */
  LIVECHAT_OFFLINE_FORM_UNAVAILABLE("Livechat_offline_form_unavailable", ""),
  /** Text when a chat was finished. */
  LIVECHAT_CONVERSATION_FINISHED_MESSAGE("Livechat_conversation_finished_message", ""),
  /** Longer text when a chat was finished. */
  LIVECHAT_CONVERSATION_FINISHED_TEXT("Livechat_conversation_finished_text", ""),
  /** Question offering the transcript. */
  LIVECHAT_TRANSCRIPT_MESSAGE("Livechat_transcript_message", "Would you like a copy of this chat emailed?"),
  /** Text above the registration form. */
  LIVECHAT_REGISTRATION_FORM_MESSAGE("Livechat_registration_form_message", ""),
  /** The data processing consent text. */
  LIVECHAT_DATA_PROCESSING_CONSENT_TEXT("Livechat_data_processing_consent_text", ""),
  /** When false, {@code POST users.setStatus} answers {@link ErrorCode#STATUS_CHANGE_NOT_ALLOWED}. */
  ACCOUNTS_ALLOW_USER_STATUS_MESSAGE_CHANGE("Accounts_AllowUserStatusMessageChange", true),
  /** When false, {@code POST users.setStatus} to {@code offline} answers {@link ErrorCode#STATUS_NOT_ALLOWED}. */
  ACCOUNTS_ALLOW_INVISIBLE_STATUS_OPTION("Accounts_AllowInvisibleStatusOption", true),
  /**
   * Whether departments may be removed. Seeded with Rocket.Chat's default so that its clients (and its own test
   * set-up) can read and write it; this system serves no department removal and never reads it.
   */
  OMNICHANNEL_ENABLE_DEPARTMENT_REMOVAL("Omnichannel_enable_department_removal", false);

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
