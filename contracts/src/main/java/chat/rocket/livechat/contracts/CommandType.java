package chat.rocket.livechat.contracts;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every command of the system, its wire name ({@link Headers#COMMAND_TYPE}) and the topic it travels on.
 * Body and result shapes are given per constant; all bodies are JSON objects. The caller ({@link Caller}: user id,
 * username, roles) travels in headers, never in the body: "caller set" means the gateway sends the authenticated
 * user, whose id and roles the handler checks; "no caller" marks the unauthenticated routes.
 */
public enum CommandType {
  /**
   * {@code GET livechat/room} (spec §3). Body {@code {token, rid?, hint?, agentId?, source: {type:
   * "widget"|"api"}}}, no caller; result {@code {room, newRoom}}. Key: {@code rid} when given, else {@code hint} (the
   * rid the gateway last answered as the visitor's open room), else the visitor token: keyed by a rid, the command
   * reaches the room-service member whose read model holds that room (issue 12).
   */
  ROOM_GET_OR_CREATE("room.get-or-create", Topics.ROOM_COMMANDS),
  /**
   * {@code PUT livechat/room.visitor} (spec §4). Body {@code {rid, oldVisitorId, newVisitorId}}, caller set;
   * result {@code {room}}. Key: rid.
   */
  ROOM_CHANGE_VISITOR("room.change-visitor", Topics.ROOM_COMMANDS),
  /**
   * First half of {@code POST livechat/room.saveInfo} (spec §5.2 steps 2-3, 5). Body {@code {roomData}}, caller
   * required; checks room, ownership and room custom fields without writing; result {@code {sms: boolean}} (an SMS
   * room drops the guest's phone, step 4). Key: {@code roomData._id}.
   */
  ROOM_CHECK_SAVE_INFO("room.check-save-info", Topics.ROOM_COMMANDS),
  /**
   * Room write of {@code POST livechat/room.saveInfo} (spec §5.2). Body {@code {roomData}}, caller set; repeats
   * the checks, then writes topic, tags, livechatData and any other key (priorityId, slaId); result {@code {}}.
   * Key: {@code roomData._id}.
   */
  ROOM_SAVE_INFO("room.save-info", Topics.ROOM_COMMANDS),
  /**
   * {@code POST livechat/visitor} (spec §7.1). Body {@code {visitor: {token, name?, email?, department?, phone?,
   * username?, id?, status?, customFields?}, connection: {userAgent, ip, host}}}, no caller; result
   * {@code {visitor}}. Key: the visitor token.
   */
  VISITOR_REGISTER("visitor.register", Topics.VISITOR_COMMANDS),
  /**
   * {@code GET livechat/visitors.info} (spec §6). Body {@code {visitorId}}, caller set; result {@code {visitor}} or
   * failure {@link ErrorCode#VISITOR_NOT_FOUND}. Key: visitorId.
   */
  VISITOR_GET_BY_ID("visitor.get-by-id", Topics.VISITOR_COMMANDS),
  /**
   * {@code GET livechat/visitor/:token} (spec §7.2). Body {@code {token}}, no caller; result {@code {visitor}} or
   * failure {@link ErrorCode#INVALID_TOKEN_METEOR}. Key: the token.
   */
  VISITOR_GET_BY_TOKEN("visitor.get-by-token", Topics.VISITOR_COMMANDS),
  /**
   * Guest half of {@code POST livechat/room.saveInfo} (spec §5.2). Body {@code {guestData}}, caller set; checks
   * the guest and its custom fields without writing; result {@code {}}. Key: {@code guestData._id}.
   */
  VISITOR_CHECK_GUEST("visitor.check-guest", Topics.VISITOR_COMMANDS),
  /**
   * Guest write of {@code POST livechat/room.saveInfo} (spec §5.2). Body {@code {guestData}} (without {@code phone}
   * for an SMS room), caller set; writes name, visitorEmails, phone, livechatData; result {@code {}}. Key:
   * {@code guestData._id}.
   */
  VISITOR_SAVE_GUEST("visitor.save-guest", Topics.VISITOR_COMMANDS),
  /**
   * {@code POST livechat/message} (visitor, token in the body) and {@code POST chat.sendMessage} (agent, caller set).
   * Body {@code {rid, msg, _id?, token?}}; result {@code {message}} (the stored {@code rocketchat_message} document);
   * publishes {@code message.created}. Key: rid.
   */
  MESSAGE_SEND("room.send-message", Topics.ROOM_COMMANDS),
  /**
   * {@code GET livechat/messages.history/:rid}. Body {@code {rid, token, ls?, end?, limit?, offset?}}, no caller;
   * result {@code {messages}}, newest first. Key: rid.
   */
  MESSAGE_HISTORY("room.message-history", Topics.ROOM_COMMANDS),
  /** {@code GET livechat/message/:_id}. Body {@code {_id, rid, token}}; result {@code {message}}. Key: rid. */
  MESSAGE_GET("room.get-message", Topics.ROOM_COMMANDS),
  /**
   * {@code PUT livechat/message/:_id}. Body {@code {_id, rid, token, msg}}; result {@code {message}}; publishes
   * {@code message.updated}. Key: rid.
   */
  MESSAGE_UPDATE("room.update-message", Topics.ROOM_COMMANDS),
  /**
   * {@code DELETE livechat/message/:_id}. Body {@code {_id, rid, token}}; result {@code {message: {_id, ts}}};
   * publishes {@code message.deleted}. Key: rid.
   */
  MESSAGE_DELETE("room.delete-message", Topics.ROOM_COMMANDS),
  /**
   * {@code POST livechat/room.close} (visitor: body {@code {rid, token, requestedAt}}, no caller) and
   * {@code POST livechat/room.closeByUser} (agent: body {@code {rid, comment?, tags?, forceClose?,
   * generateTranscriptPdf?, transcriptEmail?, requestedAt}}, caller set); {@code requestedAt}: epoch ms the gateway
   * accepted the request (a room closed after it answers {@link ErrorCode#ROOM_CANNOT_BE_CLOSED_TRY_AGAIN}). Writes the
   * closing fields, the {@code livechat-close} message, closes inquiry and subscriptions; result
   * {@code {rid, comment}}; publishes {@code message.created} and {@code room.closed}. Key: rid.
   */
  ROOM_CLOSE("room.close", Topics.ROOM_COMMANDS),
  /**
   * Authorizes a DDP subscription to a room's streams. Body {@code {rid, token?}} (a visitor's token) or a caller (an
   * agent); result {@code {}}, or failure when the token is not the room's {@code v.token} and the caller neither
   * serves the room nor holds {@code view-l-room}. Key: rid.
   */
  ROOM_CHECK_ACCESS("room.check-access", Topics.ROOM_COMMANDS),
  /**
   * {@code GET livechat/config?token&department}. Body {@code {token?, department?}}, no caller; result
   * {@code {config: {enabled, settings, theme, messages, survey, triggers, departments, resources, online, guest?,
   * room?, agent?}}}, or {@code {config: {enabled: false}}} while {@code Livechat_enabled} is off. Key: the token
   * (empty without one).
   */
  ROOM_WIDGET_CONFIG("room.widget-config", Topics.ROOM_COMMANDS),
  /**
   * {@code GET livechat/agent.info/:rid/:token}. Body {@code {rid, token}}; result {@code {agent}}; failures
   * {@link ErrorCode#INVALID_TOKEN}, {@link ErrorCode#INVALID_ROOM}, {@link ErrorCode#INVALID_AGENT}. Key: rid.
   */
  ROOM_AGENT_INFO("room.agent-info", Topics.ROOM_COMMANDS),
  /**
   * {@code GET livechat/agent.next/:token}. Body {@code {token, department?}}; result {@code {agent}}, or {@code {}}
   * when the visitor has an open room; failure {@link ErrorCode#AGENT_NOT_FOUND}. Key: the token.
   */
  ROOM_NEXT_AGENT("room.next-agent", Topics.ROOM_COMMANDS),
  /**
   * {@code POST livechat/page.visited}. Body {@code {token, rid?, pageInfo}}; stores a
   * {@code livechat_navigation_history} message in the open room; result {@code {page}}. Key: rid, else the token.
   */
  ROOM_PAGE_VISITED("room.page-visited", Topics.ROOM_COMMANDS),
  /**
   * {@code POST livechat/transcript}. Body {@code {token, rid, email, subject?}}; records the request on the room
   * ({@code transcriptRequest: {requestedAt, requestedBy, email, subject}}, event {@code room.updated}); result
   * {@code {message}}. Key: rid.
   */
  ROOM_REQUEST_TRANSCRIPT("room.request-transcript", Topics.ROOM_COMMANDS),
  /**
   * Room half of {@code POST livechat/custom.field(s)}: body {@code {token, customFields: [{key, value, overwrite}]}}
   * with room-scope fields the visitor-service already checked; sets {@code livechatData.<key>} on the visitor's open
   * livechat rooms (with {@code overwrite: false} only where the key is absent), event {@code room.updated}; result
   * {@code {}}. Key: the token.
   */
  ROOM_SET_CUSTOM_FIELDS("room.set-custom-fields", Topics.ROOM_COMMANDS),
  /**
   * {@code POST livechat/visitor.status}. Body {@code {token, status}}; sets the visitor's {@code status} (event
   * {@code visitor.updated}); result {@code {token, status}}; failure {@link ErrorCode#INVALID_TOKEN_METEOR}. Key: the
   * token.
   */
  VISITOR_SET_STATUS("visitor.set-status", Topics.VISITOR_COMMANDS),
  /**
   * {@code POST livechat/custom.field} and {@code livechat/custom.fields}. Body {@code {token, customFields: [{key,
   * value, overwrite}]}}; checks every key and value first ({@link ErrorCode#INVALID_TOKEN},
   * {@link ErrorCode#INVALID_CUSTOM_FIELD}, {@link ErrorCode#INVALID_CUSTOM_FIELD_VALUE}), then writes the
   * visitor-scope ones to the visitor's {@code livechatData}; result {@code {fields: [{Key, value, overwrite}],
   * roomFields: [{key, value, overwrite}]}}, the room-scope ones for {@link #ROOM_SET_CUSTOM_FIELDS}. Key: the token.
   */
  VISITOR_SET_CUSTOM_FIELDS("visitor.set-custom-fields", Topics.VISITOR_COMMANDS),
  /**
   * {@code DELETE livechat/visitor/:token}. Body {@code {token}}; refuses a visitor with an open room unless the GDPR
   * setting is on, then disables the visitor and removes its personal data; result {@code {visitor: {_id, ts}}};
   * publishes {@code visitor.deleted}. Key: the token.
   */
  VISITOR_DELETE("visitor.delete", Topics.VISITOR_COMMANDS),
  /**
   * {@code POST livechat/offline.message}. Body {@code {name, email, message, department?, host?}}; stores it in
   * {@link Collections#OFFLINE_MESSAGES} with {@code ts}; result {@code {message}}; failure
   * {@link ErrorCode#OFFLINE_MESSAGE_FAILED}. Key: the email.
   */
  VISITOR_OFFLINE_MESSAGE("visitor.offline-message", Topics.VISITOR_COMMANDS),
  /**
   * {@code GET settings/:_id}. Body {@code {_id}}, caller set (the gateway checked {@code view-privileged-setting});
   * result {@code {_id, value}}; a missing or hidden setting is {@link ErrorCode#FAILURE_WITHOUT_MESSAGE}. Key: the
   * setting id.
   */
  SETTING_GET("setting.get", Topics.ADMIN_COMMANDS),
  /**
   * {@code POST settings/:_id}. Body {@code {_id, value}}, caller set (the gateway checked
   * {@code edit-privileged-setting}); the value must have the stored setting's type, else
   * {@link ErrorCode#FAILURE_WITHOUT_MESSAGE}, as for a missing or hidden setting; sets {@code value} and
   * {@code _updatedAt} with a {@link EventType#SETTING_CHANGED} event; result {@code {}}. Key: the setting id.
   */
  SETTING_SET("setting.set", Topics.ADMIN_COMMANDS),
  /**
   * {@code GET permissions.listAll}. Body {@code {updatedSince?: ISO date}}, caller set; result
   * {@code {update: [permissions changed after updatedSince, or all], remove: []}}. Key: {@code permissions}.
   */
  PERMISSIONS_LIST("permissions.list", Topics.ADMIN_COMMANDS),
  /**
   * {@code POST permissions.update}. Body {@code {permissions: [{_id, roles: [...]}]}}, caller set (the gateway
   * checked {@code access-permissions}); every permission and every role must exist
   * ({@link ErrorCode#INVALID_PERMISSION}, {@link ErrorCode#INVALID_ROLE}, nothing written); sets each permission's
   * {@code roles} with a {@link EventType#PERMISSION_CHANGED} event; result {@code {permissions: [all]}}. Key:
   * {@code permissions}.
   */
  PERMISSIONS_UPDATE("permissions.update", Topics.ADMIN_COMMANDS),
  /** {@code GET roles.list}. Body {@code {}}, caller set; result {@code {roles: [...]}}. Key: {@code roles}. */
  ROLES_LIST("roles.list", Topics.ADMIN_COMMANDS),
  /**
   * {@code GET livechat/custom-fields}. Body {@code {text?, offset?, count?}} (query strings), caller set (the gateway
   * checked {@code view-l-room}); result {@code {customFields: [...], count, offset, total}}, sorted by label. Key:
   * {@code custom-fields}.
   */
  CUSTOM_FIELDS_LIST("custom-fields.list", Topics.ADMIN_COMMANDS),
  /**
   * {@code GET livechat/custom-fields/:_id}. Body {@code {_id}}, caller set (the gateway checked {@code view-l-room});
   * result {@code {customField: {...} | null}}. Key: the field's {@code _id}.
   */
  CUSTOM_FIELD_GET("custom-field.get", Topics.ADMIN_COMMANDS),
  /**
   * {@code POST livechat/custom-fields.save}. Body {@code {customFieldId?, customFieldData: {field, label, scope,
   * visibility, ...}}}, caller set (the gateway checked {@code view-livechat-manager}); creates ({@code _id} = field)
   * or updates the field with a {@link EventType#CUSTOM_FIELD_CHANGED} event; result {@code {customField}}; failures
   * {@link ErrorCode#INVALID_CUSTOM_FIELD_NAME}, {@link ErrorCode#CUSTOM_FIELD_EXISTS},
   * {@link ErrorCode#CUSTOM_FIELD_NOT_FOUND_FOR_UPDATE}, {@link ErrorCode#INVALID_PARAMS} (scope). Key: the field.
   */
  CUSTOM_FIELD_SAVE("custom-field.save", Topics.ADMIN_COMMANDS),
  /**
   * {@code POST livechat/custom-fields.delete}. Body {@code {customFieldId}}, caller set (the gateway checked
   * {@code view-livechat-manager}); moves the field to {@link Collections#TRASH} with a
   * {@link EventType#CUSTOM_FIELD_CHANGED} event; result {@code {}}; failure {@link ErrorCode#CUSTOM_FIELD_NOT_FOUND}.
   * Key: the field's {@code _id}.
   */
  CUSTOM_FIELD_DELETE("custom-field.delete", Topics.ADMIN_COMMANDS),
  /**
   * {@code GET livechat/users/agent|manager}. Body {@code {role, text?, onlyAvailable, excludeId?, showIdleAgents,
   * offset, count}} ({@code role} is
   * {@code livechat-agent} or {@code livechat-manager}), caller set; result {@code {users: [{_id, username, name,
   * status, statusLivechat, emails, livechat}], count, offset, total}}, sorted by name. Key: the role.
   */
  STAFF_LIST("staff.list", Topics.ADMIN_COMMANDS),
  /**
   * {@code POST livechat/users/agent|manager}. Body {@code {role, username}}; adds the role to the user (an agent
   * also gets {@code operator: true}, {@code statusLivechat: "available"}); result {@code {user: {_id, username}}};
   * an unknown username is {@link ErrorCode#STAFF_INVALID_USER}. Key: the username.
   */
  STAFF_ADD("staff.add", Topics.ADMIN_COMMANDS),
  /**
   * {@code GET livechat/users/agent|manager/:_id}. Body {@code {role, _id}}; result {@code {user: {_id, username,
   * name, status, statusLivechat, emails, livechat}}}, {@code user: null} when the user lacks the role; an unknown
   * user is {@link ErrorCode#STAFF_USER_NOT_FOUND}. Key: the user id.
   */
  STAFF_GET("staff.get", Topics.ADMIN_COMMANDS),
  /**
   * {@code DELETE livechat/users/agent|manager/:_id}. Body {@code {role, _id}}; removes the role (an agent also
   * loses {@code operator} and {@code statusLivechat}); result {@code {}}; an unknown user is
   * {@link ErrorCode#FAILURE_WITHOUT_MESSAGE}. Key: the user id.
   */
  STAFF_REMOVE("staff.remove", Topics.ADMIN_COMMANDS),
  /**
   * {@code POST livechat/agent.status}. Body {@code {status?: available|not-available, agentId?}}, caller set (the
   * gateway checked {@code view-l-room}); without {@code status} the agent's status toggles; another agent's status
   * needs {@code manage-livechat-agents} ({@link ErrorCode#UNAUTHORIZED}); result {@code {status}}. Failures
   * {@link ErrorCode#AGENT_NOT_FOUND_404}, {@link ErrorCode#USER_DEACTIVATED}. Key: the agent id.
   */
  AGENT_STATUS("agent.status", Topics.ADMIN_COMMANDS),
  /**
   * {@code POST users.create}. Body {@code {username, email, name, bcrypt, roles?, active?, verified?,
   * requirePasswordChange?}} (the gateway hashed the password; it never travels), caller set (the gateway checked
   * {@code create-user}, and {@code assign-roles} for {@code roles}); result {@code {user}} without
   * {@code services}. Failures {@link ErrorCode#FIELD_UNAVAILABLE} (username or email taken). Key: the username.
   */
  USER_CREATE("user.create", Topics.ADMIN_COMMANDS),
  /**
   * {@code GET users.info}. Body {@code {userId?, username?, full}} ({@code full}: the caller holds
   * {@code view-full-other-user-info} or asks for itself); result {@code {user}}; failure
   * {@link ErrorCode#USER_NOT_FOUND_INFO}. Key: the user id or username.
   */
  USER_INFO("user.info", Topics.ADMIN_COMMANDS),
  /**
   * {@code POST users.update}. Body {@code {userId, data: {email?, name?, username?, bcrypt?, active?, roles?,
   * verified?, requirePasswordChange?}}}, caller set (the gateway checked the permissions of each key); result
   * {@code {user}}; failures {@link ErrorCode#USER_NOT_FOUND_INFO}, {@link ErrorCode#FIELD_UNAVAILABLE},
   * {@link ErrorCode#USER_ACTION_NOT_ALLOWED} (the last admin loses its role or is deactivated). Key: the user id.
   */
  USER_UPDATE("user.update", Topics.ADMIN_COMMANDS),
  /**
   * {@code POST users.delete}. Body {@code {userId?, username?}}, caller set (the gateway checked
   * {@code delete-user}); removes the user and its subscriptions; result {@code {}}; failures
   * {@link ErrorCode#INVALID_USER}, {@link ErrorCode#USER_ACTION_NOT_ALLOWED} (the last admin).
   * Key: the user id or name.
   */
  USER_DELETE("user.delete", Topics.ADMIN_COMMANDS),
  /**
   * {@code GET channels.info} for a livechat room. Body {@code {roomId?, roomName?}}, caller set; result
   * {@code {channel}} (the room as stored) when the caller may access it (serving, subscribed or
   * {@code view-livechat-rooms}); failures {@link ErrorCode#CHANNEL_NOT_FOUND}, {@link ErrorCode#UNAUTHORIZED}.
   * Key: the room id or name.
   */
  ROOM_INFO("room.info", Topics.ROOM_COMMANDS),
  /**
   * {@code GET livechat/rooms}. Body {@code {agents?, roomName?, departmentId?, open?, queued?, createdAt?: {start?,
   * end?}, closedAt?: {start?, end?}, tags?, customFields?: {field: text}, sort?: {field: 1|-1}, fields?: {field: 0|1},
   * offset, count}} (the gateway checked the caller may list and that every field name is a plain name), caller set;
   * result {@code {rooms, count, offset, total}}, newest first by default. Key: the caller's user id.
   */
  ROOM_LIST("room.list", Topics.ROOM_COMMANDS),
  /**
   * {@code GET livechat/rooms/filters}. Body {@code {}}, caller set; result {@code {filters: [{type}]}}: the source
   * types of the stored livechat rooms. Key: {@code "filters"}.
   */
  ROOM_FILTERS("room.filters", Topics.ROOM_COMMANDS),
  /**
   * {@code GET livechat/inquiries.getOne}. Body {@code {roomId}}, caller set (the gateway checked
   * {@code view-l-room}); result {@code {inquiry}}: the room's inquiry as stored (ISO dates), or null. Key: the rid.
   */
  INQUIRY_GET("inquiry.get-by-room", Topics.ROOM_COMMANDS),
  /**
   * {@code POST livechat/inquiries.take}. Body {@code {inquiryId, userId?}}, caller set (the gateway checked
   * {@code view-l-room}); the agent ({@code userId}, else the caller) takes the inquiry: inquiry {@code taken}, room
   * {@code servedBy} and {@code usersCount + 1}, the agent's subscription, {@link EventType#ROOM_UPDATED} and
   * {@link EventType#ROOM_AGENT_CHANGED}; result {@code {}}. Failures {@link ErrorCode#INQUIRY_USER_INVALID},
   * {@link ErrorCode#INQUIRY_NOT_FOUND}, {@link ErrorCode#INQUIRY_TAKEN}, {@link ErrorCode#AGENT_OFFLINE},
   * {@link ErrorCode#MAC_LIMIT_REACHED} (the inquiry's room is gone). Key: the inquiry id.
   */
  INQUIRY_TAKE("inquiry.take", Topics.ROOM_COMMANDS),
  /**
   * {@code GET licenses.info?loadValues=true}. Body {@code {}}, caller set (the gateway checked
   * {@code view-privileged-setting}); result {@code {activeUsers, guestUsers, monthlyActiveContacts}}: the current
   * values of Rocket.Chat's license limits this system can count. Key: {@code licenses}.
   */
  LICENSE_USAGE("license.usage", Topics.ROOM_COMMANDS),
  /**
   * {@code GET subscriptions.getOne?roomId}. Body {@code {roomId}}, caller set; result {@code {subscription}}: the
   * caller's subscription to that room as stored (ISO dates), or null. Key: the rid.
   */
  SUBSCRIPTION_GET("subscription.get", Topics.ROOM_COMMANDS),
  /**
   * {@code GET livechat/room.join?roomId}. Body {@code {roomId}}, caller set (the gateway checked
   * {@code view-l-room}); the caller gets a subscription to the open livechat room (once: {@code usersCount + 1}
   * and a {@code uj} system message, {@link EventType#MESSAGE_CREATED}); result {@code {}}. Failures
   * {@link ErrorCode#ERROR_INVALID_ROOM}, {@link ErrorCode#ROOM_CLOSED}, {@link ErrorCode#NOT_ALLOWED} (the caller
   * may not access the room). Key: the rid.
   */
  ROOM_JOIN("room.join", Topics.ROOM_COMMANDS),
  /**
   * {@code GET livechat/:rid/messages}. Body {@code {rid, searchTerm?, sort?: {field: 1|-1}, offset, count}}, caller
   * set (the gateway checked {@code view-l-room} and that every sort field is a plain name); result {@code {messages,
   * offset, count, total}}: the room's visible messages and {@code livechat-close} messages whose {@code msg}
   * contains {@code searchTerm} (literally, case-insensitive), newest first by default. Failures
   * {@link ErrorCode#INVALID_ROOM}, {@link ErrorCode#ROOM_MESSAGES_NOT_ALLOWED}. Key: the rid.
   */
  ROOM_MESSAGES("room.messages", Topics.ROOM_COMMANDS),
  /**
   * {@code GET livechat/visitors.pagesVisited/:roomId}. Body {@code {roomId, sort?, offset, count}}, caller set (the
   * gateway checked {@code view-l-room}); result {@code {pages, count, offset, total}}: the room's
   * {@code livechat_navigation_history} messages, newest first by default. Failure {@link ErrorCode#INVALID_ROOM}.
   * Key: the rid.
   */
  ROOM_PAGES_VISITED("room.pages-visited", Topics.ROOM_COMMANDS),
  /**
   * {@code GET livechat/visitors.chatHistory/room/:roomId/visitor/:visitorId}. Body {@code {roomId, visitorId, sort?,
   * offset, count}}, caller set (the gateway checked {@code view-l-room}); result {@code {history, count, offset,
   * total}}: the visitor's livechat rooms, newest first by default. Failures {@link ErrorCode#INVALID_ROOM},
   * {@link ErrorCode#NOT_ALLOWED} (the caller may not access {@code roomId}). Key: the rid.
   */
  ROOM_CHAT_HISTORY("room.chat-history", Topics.ROOM_COMMANDS),
  /**
   * {@code GET livechat/visitors.searchChats/room/:roomId/visitor/:visitorId}. Body {@code {roomId, visitorId,
   * searchText?, closedOnly, servedOnly, source?, sort?, offset, count}}, caller set (the gateway checked
   * {@code view-l-room}); result {@code {history, count, offset, total}}: the visitor's livechat rooms (closed ones
   * only, served ones only, of that source type or alias, with a message containing {@code searchText}). Failures
   * {@link ErrorCode#INVALID_ROOM}, {@link ErrorCode#NOT_ALLOWED}. Key: the rid.
   */
  ROOM_SEARCH_CHATS("room.search-chats", Topics.ROOM_COMMANDS),
  /**
   * {@code GET livechat/visitors.autocomplete?selector}. Body {@code {term, exceptions: [_id], conditions: {field:
   * scalar}}} (the gateway parsed the selector and checked every condition is a plain field name with a scalar),
   * caller set; result {@code {items: [{_id, name, username}]}}: at most 10 enabled visitors whose name starts with
   * {@code term}, by name. Key: {@code "autocomplete"}.
   */
  VISITOR_AUTOCOMPLETE("visitor.autocomplete", Topics.VISITOR_COMMANDS),
  /**
   * {@code GET livechat/visitors.search?term}. Body {@code {term, sort?, offset, count}}, caller set; result
   * {@code {visitors: [{_id, username, name, phone, livechatData, visitorEmails, lastChat}], count, offset, total}}:
   * visitors whose email or phone is {@code term}, or whose name, username or searchable visitor custom field
   * contains it; every visitor for an empty term. Key: {@code "search"}.
   */
  VISITOR_SEARCH("visitor.search", Topics.VISITOR_COMMANDS);

  private static final Map<String, CommandType> BY_WIRE_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(CommandType::wireName, Function.identity()));

  private final String wireName;
  private final String topic;

  CommandType(String wireName, String topic) {
    this.wireName = wireName;
    this.topic = topic;
  }

  /** @return the value of the {@link Headers#COMMAND_TYPE} header, e.g. {@code room.get-or-create} */
  public String wireName() {
    return wireName;
  }

  /** @return the topic this command is sent to */
  public String topic() {
    return topic;
  }

  /**
   * @param wireName a {@link Headers#COMMAND_TYPE} header value
   * @return the command type, or empty for an unknown name (which gets a {@code UNKNOWN_COMMAND} failure reply)
   */
  public static Optional<CommandType> fromWireName(String wireName) {
    return Optional.ofNullable(wireName).map(BY_WIRE_NAME::get);
  }
}
