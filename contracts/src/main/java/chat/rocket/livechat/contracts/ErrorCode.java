package chat.rocket.livechat.contracts;

import io.vertx.core.json.JsonObject;

/**
 * The closed set of failures, each with its HTTP status and the way Rocket.Chat renders it (spec §1.5). This is the
 * only place that knows error ids, statuses and body shapes; {@link #body(String)} builds the response body.
 *
 * <p>Body styles:
 * <ul>
 *   <li>{@link Style#PLAIN}: a plain {@code Error('x')}: {@code {"success":false,"error":"<message>"}}.</li>
 *   <li>{@link Style#METEOR}: {@code Meteor.Error(id, reason)}:
 *       {@code {"success":false,"error":"<reason> [<id>]","errorType":"<id>"}}, or {@code "[<id>]"} without
 *       reason.</li>
 *   <li>{@link Style#METEOR_UNTYPED}: a Meteor error whose message alone is rendered:
 *       {@code {"success":false,"error":"<reason> [<id>]"}} (the 429 of {@code API.v1.tooManyRequests}).</li>
 *   <li>{@link Style#LOGGED_OUT}: the Restivus 401 body {@code {"status":"error","message":"<message>"}}.</li>
 *   <li>{@link Style#LOGIN}: the login failure body
 *       {@code {"status":"error","error":"<message>","message":"<message>"}}.</li>
 *   <li>{@link Style#BARE}: {@code {"success":false}} ({@code API.v1.failure()} without argument).</li>
 *   <li>{@link Style#TYPED}: {@code API.v1.failure(message, errorType)}:
 *       {@code {"success":false,"error":"<message>","errorType":"<id>"}}.</li>
 * </ul>
 */
public enum ErrorCode {
  /** 400, ajv validation: message is the ajv text, e.g. {@code must have required property 'rid'}. */
  INVALID_PARAMS(400, Style.METEOR, "invalid-params", null),
  /** 400, Meteor {@code check()}: message is the full {@code Match error: ...} text. */
  MATCH_ERROR(400, Style.PLAIN, null, null),
  /** 400, the body is not JSON (or not UTF-8). */
  INVALID_BODY(400, Style.METEOR, "error-invalid-body", "Malformed JSON body"),
  /** 401 on an authenticated route without valid {@code X-User-Id}/{@code X-Auth-Token} (DECISIONS.md). */
  NOT_LOGGED_IN(401, Style.LOGGED_OUT, null, "You must be logged in to do this."),
  /** 401 from {@code POST login} for an unknown user or a wrong password (spec §7.3). */
  LOGIN_FAILED(401, Style.LOGIN, null, "Unauthorized"),
  /** 403 when an endpoint's {@code permissionsRequired} are not all granted (spec §1.4). */
  PERMISSION_DENIED(403, Style.PLAIN, null,
      "User does not have the permissions required for this action [error-unauthorized]"),
  /** 403 {@code API.v1.unauthorized()}: saveInfo on a room the caller does not serve (spec §5.2 step 3). */
  UNAUTHORIZED(403, Style.PLAIN, null, "unauthorized"),
  /** 404 for a path that is not an endpoint (including a trailing slash, spec §1.1). */
  NOT_FOUND(404, Style.PLAIN, null, "API endpoint does not exist"),
  /**
   * 429 when a client exceeded a route's rate limit (spec §1.6): Rocket.Chat maps {@code error-too-many-requests} to
   * {@code {"success":false,"error":"<reason> [error-too-many-requests]"}}, without {@code errorType} (spec §1.5).
   * The reason is {@link #format(Object...)} with the whole seconds until the window resets.
   */
  TOO_MANY_REQUESTS(429, Style.METEOR_UNTYPED, "error-too-many-requests",
      "Error, too many requests. Please slow down. You must wait %d seconds before trying this endpoint again."),
  /** 413 when a body is larger than {@code BODY_LIMIT_BYTES}. */
  PAYLOAD_TOO_LARGE(413, Style.METEOR, "error-payload-too-large", "Request body too large"),
  /** 414 when the request line is longer than the HTTP server accepts (4096 bytes); the connection is closed. */
  URI_TOO_LONG(414, Style.METEOR, "error-uri-too-long", "Request line too long"),
  /** 431 when the request headers are larger than the HTTP server accepts (8192 bytes); the connection is closed. */
  HEADERS_TOO_LARGE(431, Style.METEOR, "error-headers-too-large", "Request headers too large"),
  /** 400 when the request is not valid HTTP; the connection is closed. */
  MALFORMED_REQUEST(400, Style.METEOR, "error-bad-request", "Malformed HTTP request"),
  /** 400 {@code GET livechat/room}: no visitor with that token (spec §3.2 step 2). */
  INVALID_TOKEN(400, Style.PLAIN, null, "invalid-token"),
  /** 400 {@code GET livechat/visitor/:token}: {@code Meteor.Error('invalid-token')} (spec §7.2). */
  INVALID_TOKEN_METEOR(400, Style.METEOR, "invalid-token", null),
  /** 400 {@code POST livechat/visitor} with a token that trims to empty (spec §7.1). */
  EMPTY_TOKEN(400, Style.METEOR, "error-invalid-token", "Token cannot be empty"),
  /** 400 {@code GET livechat/room} with a rid that is not this visitor's open livechat room (spec §3.2 step 4). */
  INVALID_ROOM(400, Style.PLAIN, null, "invalid-room"),
  /** 400 saveInfo on a missing or non-livechat room (spec §5.2 step 2). */
  ERROR_INVALID_ROOM(400, Style.PLAIN, null, "error-invalid-room"),
  /** 400 visitors.info / room.visitor with an unknown or disabled visitor (spec §4.2, §6.2). */
  VISITOR_NOT_FOUND(400, Style.PLAIN, null, "visitor-not-found"),
  /** 400 room.visitor when {@code room.v._id != oldVisitorId} (spec §4.2 step 4). */
  INVALID_ROOM_VISITOR(400, Style.PLAIN, null, "invalid-room-visitor"),
  /** 400 room.visitor when the caller's user document is gone (spec §4.2 step 5). */
  USER_NOT_FOUND(400, Style.PLAIN, null, "error-user-not-found"),
  /** 400 room.visitor when the caller cannot access the room (spec §4.2 step 5; DECISIONS.md improvement 4). */
  NOT_ALLOWED(400, Style.PLAIN, null, "error-not-allowed"),
  /** 400 saveInfo with an unknown guest {@code _id}; the code itself, not Rocket.Chat's {@code ""} (improvement 3). */
  INVALID_VISITOR(400, Style.PLAIN, null, "error-invalid-visitor"),
  /** 400 saveInfo room custom field failing its regexp: message {@code Invalid value for <label> field}. */
  INVALID_CUSTOM_FIELD_VALUE(400, Style.PLAIN, null, null),
  /** 400 saveInfo visitor custom field failing its regexp; the code itself, not {@code ""} (improvement 3). */
  INVALID_VISITOR_CUSTOM_FIELD(400, Style.PLAIN, null, "error-invalid-custom-field-value"),
  /** 400 room creation without an available agent (spec §3.2 step 3d). */
  NO_AGENT_ONLINE(400, Style.METEOR, "no-agent-online", "Sorry, no online agents"),
  /** 400 room creation while setting {@code Livechat_enabled} is false (spec §3.2 step 3d). */
  OMNICHANNEL_DISABLED(400, Style.METEOR, "error-omnichannel-is-disabled", null),
  /** 400 visitor registration with a malformed email (spec §7.1). */
  INVALID_EMAIL(400, Style.METEOR, "error-invalid-email", "Invalid email"),
  /** 400 visitor registration with an unknown department id or name (spec §7.1). */
  INVALID_DEPARTMENT(400, Style.METEOR, "error-invalid-department", "The provided department is invalid"),
  /** 400 visitor registration whose write returned nothing (spec §7.1). */
  VISITOR_REGISTRATION_FAILED(400, Style.METEOR, "error-livechat-visitor-registration", "Error registering visitor"),
  /** 400 {@code agent.info}: the room has no serving agent, or that user is gone ({@code Error('invalid-agent')}). */
  INVALID_AGENT(400, Style.PLAIN, null, "invalid-agent"),
  /** 400 {@code agent.next} when no agent can take a chat now ({@code Error('agent-not-found')}). */
  AGENT_NOT_FOUND(400, Style.PLAIN, null, "agent-not-found"),
  /** 400 {@code custom.field(s)} with a key that is no custom field ({@code Error('invalid-custom-field')}). */
  INVALID_CUSTOM_FIELD(400, Style.PLAIN, null, "invalid-custom-field"),
  /** 400 {@code POST livechat/transcript} with an unknown visitor token ({@code Error('error-invalid-token')}). */
  ERROR_INVALID_TOKEN(400, Style.PLAIN, null, "error-invalid-token"),
  /**
   * 400 {@code DELETE livechat/visitor/:token} while the visitor has an open room and the GDPR setting
   * {@code Livechat_Allow_collect_and_store_HTTP_header_informations} is off.
   */
  VISITOR_HAS_OPEN_ROOMS(400, Style.METEOR, "visitor-has-open-rooms", "Cannot remove visitors with opened rooms"),
  /** 400 {@code DELETE livechat/visitor/:token} whose write changed nothing. */
  VISITOR_REMOVAL_FAILED(400, Style.METEOR, "error-removing-visitor", "An error ocurred while deleting visitor"),
  /**
   * 400 {@code POST livechat/offline.message} when the message cannot be taken (offline form off, invalid email):
   * Rocket.Chat answers every failure of {@code sendOfflineMessage} with this one text.
   */
  OFFLINE_MESSAGE_FAILED(400, Style.PLAIN, null, "Error sending Livechat offline message"),
  /**
   * 400 {@code {"success":false}}: room.visitor whose re-read found no room (spec §4.2 step 6); {@code settings/:_id}
   * for an unknown or hidden setting, a POST without {@code value} or with a value of another type.
   */
  FAILURE_WITHOUT_MESSAGE(400, Style.BARE, null, null),
  /** 400 {@code livechat/message}, {@code room.close}: the visitor's room is closed. */
  ROOM_CLOSED(400, Style.PLAIN, null, "room-closed"),
  /** 400 {@code livechat/message/:_id}: no such message in the visitor's room. */
  INVALID_MESSAGE(400, Style.PLAIN, null, "invalid-message"),
  /** 400 editing or deleting a message that is not the visitor's own, or while the setting forbids it. */
  ACTION_NOT_ALLOWED(400, Style.PLAIN, null, "error-action-not-allowed"),
  /** 400 {@code livechat/messages.history} with an empty token. */
  TOKEN_PARAM_NOT_PROVIDED(400, Style.PLAIN, null, "error-token-param-not-provided"),
  /** 400 {@code livechat/room.closeByUser} on a room that is already closed. */
  ROOM_ALREADY_CLOSED(400, Style.PLAIN, null, "error-room-already-closed"),
  /** 400 {@code livechat/room.closeByUser} by a user without subscription and without close-others-livechat-room. */
  NOT_AUTHORIZED(400, Style.PLAIN, null, "error-not-authorized"),
  /** 400 {@code livechat/room.close} while {@code Omnichannel_allow_visitors_to_close_conversation} is false. */
  NOT_ALLOWED_TO_CLOSE_CONVERSATION(400, Style.PLAIN, null, "error-not-allowed-to-close-conversation"),
  /**
   * 400 {@code livechat/room.closeByUser} without a comment (or a blank one) while
   * {@code Livechat_request_comment_when_closing_conversation} is on (Rocket.Chat 7.x {@code closeRoom}).
   */
  COMMENT_IS_REQUIRED(400, Style.PLAIN, null, "error-comment-is-required"),
  /**
   * 400 {@code livechat/room.close}, {@code livechat/room.closeByUser}: another close of the room finished while this
   * request was waiting (Rocket.Chat 7.x {@code closeRoom}'s answer when its transaction loses to a concurrent
   * close).
   */
  ROOM_CANNOT_BE_CLOSED_TRY_AGAIN(400, Style.PLAIN, null, "error-room-cannot-be-closed-try-again"),
  /** 400 {@code livechat/message} longer than {@code Livechat_message_character_limit} while that limit is on. */
  MESSAGE_TOO_LONG(400, Style.PLAIN, null, "message-length-exceeds-character-limit"),
  /**
   * 400 {@code POST livechat/visitor} with custom fields that leave out a {@code required} visitor-scope field
   * (Rocket.Chat 7.x {@code validateRequiredCustomFields}, a plain {@code Error}): message
   * {@code Missing required custom fields: <id>, <id>}.
   */
  MISSING_REQUIRED_CUSTOM_FIELDS(400, Style.PLAIN, null, null),
  /** 400 {@code POST users.setStatus} while {@code Accounts_AllowUserStatusMessageChange} is false. */
  STATUS_CHANGE_NOT_ALLOWED(400, Style.METEOR, "error-not-allowed", "Change status is not allowed"),
  /** 400 {@code POST users.setStatus} with a status other than online, away, offline and busy. */
  INVALID_STATUS(400, Style.METEOR, "error-invalid-status",
      "Valid status types include online, away, offline, and busy."),
  /** 400 {@code POST users.setStatus} to offline while {@code Accounts_AllowInvisibleStatusOption} is false. */
  STATUS_NOT_ALLOWED(400, Style.METEOR, "error-status-not-allowed", "Invisible status is disabled"),
  /** 400 a {@code userId} / {@code username} parameter naming no user (Rocket.Chat's {@code getUserFromParams}). */
  INVALID_USER(400, Style.METEOR, "error-invalid-user",
      "The required \"userId\" or \"username\" param provided does not match any users"),
  /** 400 {@code permissions.update} naming a permission that does not exist. */
  INVALID_PERMISSION(400, Style.TYPED, "error-invalid-permission", "Invalid permission"),
  /** 400 {@code permissions.update} naming a role that does not exist. */
  INVALID_ROLE(400, Style.TYPED, "error-invalid-role", "Invalid role"),
  /** 400 {@code permissions.listAll} with an {@code updatedSince} that is no date (Rocket.Chat's error id). */
  INVALID_UPDATED_SINCE(400, Style.METEOR, "error-roomId-param-invalid",
      "The \"updatedSince\" query parameter must be a valid date."),
  /** 400 {@code livechat/custom-fields.save} with a field name other than letters, digits, {@code -} and {@code _}. */
  INVALID_CUSTOM_FIELD_NAME(400, Style.PLAIN, null,
      "Invalid custom field name. Use only letters, numbers, hyphens and underscores."),
  /** 400 {@code livechat/custom-fields.save} creating a field whose name is taken. */
  CUSTOM_FIELD_EXISTS(400, Style.PLAIN, null, "Custom Field already exists"),
  /** 400 {@code livechat/custom-fields.save} updating a {@code customFieldId} that does not exist. */
  CUSTOM_FIELD_NOT_FOUND_FOR_UPDATE(400, Style.PLAIN, null, "Custom Field Not found"),
  /** 400 {@code livechat/custom-fields.delete} of a {@code customFieldId} that does not exist. */
  CUSTOM_FIELD_NOT_FOUND(400, Style.PLAIN, null, "Custom field not found"),
  /** 400 {@code POST livechat/users/agent|manager}, unknown username: {@code Meteor.Error('error-invalid-user')}. */
  STAFF_INVALID_USER(400, Style.METEOR, "error-invalid-user", null),
  /** 400 {@code GET livechat/users/agent|manager/:_id}, unknown user: {@code API.v1.failure('User not found')}. */
  STAFF_USER_NOT_FOUND(400, Style.PLAIN, null, "User not found"),
  /** 400 {@code livechat/users/:type} with a type other than agent or manager: {@code Error('Invalid type')}. */
  INVALID_STAFF_TYPE(400, Style.PLAIN, null, "Invalid type"),
  /** 404 {@code POST livechat/agent.status}, a user who is no agent: {@code API.v1.notFound('Agent not found')}. */
  AGENT_NOT_FOUND_404(404, Style.PLAIN, null, "Agent not found"),
  /** 400 {@code POST livechat/agent.status}, a deactivated agent: {@code API.v1.failure('error-user-deactivated')}. */
  USER_DEACTIVATED(400, Style.PLAIN, null, "error-user-deactivated"),
  /** 400 a user write Rocket.Chat refuses ({@code saveUser}, {@code deleteUser}); the reason is given. */
  USER_ACTION_NOT_ALLOWED(400, Style.METEOR, "error-action-not-allowed", null),
  /** 400 {@code users.create|update} with a username or email another user has; {@link #format} with the value. */
  FIELD_UNAVAILABLE(400, Style.METEOR, "error-field-unavailable", "%s is already in use :("),
  /** 400 {@code users.create|update} with a username outside {@code [0-9a-zA-Z-_.]+}; {@link #format} with it. */
  INVALID_USERNAME(400, Style.METEOR, "error-input-is-not-a-valid-field", "%s is not a valid username"),
  /** 400 {@code users.create|update} with an email that is not one; {@link #format} with it. */
  USER_INVALID_EMAIL(400, Style.METEOR, "error-invalid-email", "Invalid email %s"),
  /** 400 {@code users.info|update}, no such user: {@code API.v1.failure('User not found.')}. */
  USER_NOT_FOUND_INFO(400, Style.PLAIN, null, "User not found."),
  /** 400 {@code users.delete} without {@code userId} or {@code username} ({@code getUserFromParams}). */
  USER_PARAM_NOT_PROVIDED(400, Style.METEOR, "error-user-param-not-provided",
      "The required \"userId\" or \"username\" param was not provided"),
  /** 400 {@code GET channels.info}: no livechat room with that id or name ({@code findChannelByIdOrName}). */
  CHANNEL_NOT_FOUND(400, Style.METEOR, "error-room-not-found",
      "The required \"roomId\" or \"roomName\" param provided does not match any channel"),
  /** 400 {@code livechat/rooms} with a JSON filter that is not JSON (or not an object); {@link #format} the name. */
  INVALID_JSON_PARAM(400, Style.PLAIN, null, "The \"%s\" query parameter must be a valid JSON."),
  /** 400 {@code livechat/rooms}, a date range bound that is no ISO date; {@link #format} with e.g. createdAt.end. */
  INVALID_DATE_PARAM(400, Style.PLAIN, null, "The \"%s\" query parameter must be a valid date."),
  /** 400 a {@code sort} that is not a JSON object of field names to 1 or -1 ({@code parseJsonQuery}). */
  INVALID_SORT(400, Style.METEOR, "error-invalid-sort", "Invalid sort parameter provided \"%s\""),
  /** 400 a {@code fields} that is not a JSON object of field names to 0 or 1 ({@code parseJsonQuery}). */
  INVALID_FIELDS(400, Style.METEOR, "error-invalid-fields", "Invalid fields parameter provided \"%s\""),
  /** 400 {@code livechat/inquiries.take} with a {@code userId} naming no user: {@code API.v1.failure(...)}. */
  INQUIRY_USER_INVALID(400, Style.PLAIN, null, "The user is invalid"),
  /** 400 {@code livechat/inquiries.take} of an unknown inquiry ({@code takeInquiry}'s Meteor error). */
  INQUIRY_NOT_FOUND(400, Style.METEOR, "error-not-found", "Inquiry not found"),
  /** 400 {@code livechat/inquiries.take} of an inquiry whose status is {@code taken}. */
  INQUIRY_TAKEN(400, Style.METEOR, "error-inquiry-taken", "Inquiry already taken"),
  /** 400 {@code livechat/inquiries.take} by (or for) a user who is no online, available agent. */
  AGENT_OFFLINE(400, Style.METEOR, "error-agent-status-service-offline",
      "Agent status is offline or Omnichannel service is not active"),
  /**
   * 400 {@code livechat/inquiries.take} of an inquiry whose room is gone: Rocket.Chat's
   * {@code Meteor.Error('error-mac-limit-reached')} without reason (it checks the room and the MAC limit at once).
   */
  MAC_LIMIT_REACHED(400, Style.METEOR, "error-mac-limit-reached", null),
  /** 400 {@code livechat/:rid/messages} on a room the caller may not access ({@code Error('not-allowed')}). */
  ROOM_MESSAGES_NOT_ALLOWED(400, Style.PLAIN, null, "not-allowed"),
  /** 500: a service received a command type it does not know. */
  UNKNOWN_COMMAND(500, Style.PLAIN, null, "Internal server error"),
  /** 504: the command reached a service after its deadline and was not executed. */
  DEADLINE_EXCEEDED(504, Style.METEOR, "error-timeout", "The service did not answer in time"),
  /** 504: the gateway got no reply within {@code REPLY_TIMEOUT_MS}. */
  TIMEOUT(504, Style.METEOR, "error-timeout", "The service did not answer in time"),
  /**
   * 503: the command could not be handed to Kafka, or its service shed it unexecuted because it waited longer than
   * {@code COMMAND_MAX_QUEUE_MS} (overload).
   */
  SERVICE_UNAVAILABLE(503, Style.METEOR, "error-service-unavailable", "The service is unavailable, try again later"),
  /** 500: anything unexpected; the cause goes to the log, never to the body (DECISIONS.md). */
  INTERNAL(500, Style.PLAIN, null, "Internal server error");

  /** How a code is rendered; see the class comment. */
  public enum Style { PLAIN, METEOR, METEOR_UNTYPED, LOGGED_OUT, LOGIN, BARE, TYPED }

  private final int status;
  private final Style style;
  private final String errorType;
  private final String defaultMessage;

  ErrorCode(int status, Style style, String errorType, String defaultMessage) {
    this.status = status;
    this.style = style;
    this.errorType = errorType;
    this.defaultMessage = defaultMessage;
  }

  /** @return the HTTP status this code is answered with */
  public int status() {
    return status;
  }

  /** @return the default message (reason) of this code, or null when the message is always given */
  public String defaultMessage() {
    return defaultMessage;
  }

  /**
   * Fills the default message's placeholders, for codes whose reason carries a value.
   *
   * @param args the values of the {@link String#format} placeholders of {@link #defaultMessage()}
   * @return the reason, e.g. {@code Error, too many requests. ... You must wait 60 seconds ...} for
   *     {@link #TOO_MANY_REQUESTS} with {@code 60}
   */
  public String format(Object... args) {
    return String.format(java.util.Locale.ROOT, defaultMessage, args);
  }

  /**
   * Builds the Rocket.Chat error body of this code.
   *
   * @param message the message or Meteor reason; null uses {@link #defaultMessage()}
   * @return the body, e.g.
   *     {@code {"success":false,"error":"Sorry, no online agents [no-agent-online]","errorType":"no-agent-online"}}
   */
  public JsonObject body(String message) {
    String text = message != null ? message : defaultMessage;
    return switch (style) {
      case PLAIN -> new JsonObject().put("success", false).put("error", text);
      case METEOR -> new JsonObject().put("success", false)
          .put("error", text == null ? "[" + errorType + "]" : text + " [" + errorType + "]")
          .put("errorType", errorType);
      case METEOR_UNTYPED -> new JsonObject().put("success", false).put("error", text + " [" + errorType + "]");
      case LOGGED_OUT -> new JsonObject().put("status", "error").put("message", text);
      case LOGIN -> new JsonObject().put("status", "error").put("error", text).put("message", text);
      case BARE -> new JsonObject().put("success", false);
      case TYPED -> new JsonObject().put("success", false).put("error", text).put("errorType", errorType);
    };
  }
}
