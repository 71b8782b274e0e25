package chat.rocket.livechat.gateway.http;

import chat.rocket.livechat.platform.runtime.HealthRoutes;
import chat.rocket.livechat.platform.runtime.OpsHttpVerticle;
import io.vertx.core.http.HttpMethod;

/**
 * Every API and ops route of the gateway's Router, once: {@link HttpApiVerticle} binds a handler to each of them,
 * {@code docs/openapi.yaml} documents each of them (OpenApiDocumentTest holds both to it), and the request log names a
 * request by its endpoint's path template, never by its actual path (a visitor token is part of some paths). The only
 * other routes are what Rocket.Chat serves outside its API, the Livechat widget and the avatars
 * ({@code chat.rocket.livechat.gateway.web}, README.md, The Livechat widget), which the OpenAPI document leaves out.
 */
public enum Endpoint {
  /** Get or create the visitor's open room (spec §3). */
  ROOM(HttpMethod.GET, "/api/v1/livechat/room"),
  /** Move a room to another visitor (deprecated, spec §4). */
  ROOM_VISITOR(HttpMethod.PUT, "/api/v1/livechat/room.visitor"),
  /** Save room and guest info (spec §5). */
  ROOM_SAVE_INFO(HttpMethod.POST, "/api/v1/livechat/room.saveInfo"),
  /** A visitor by id (spec §6). */
  VISITORS_INFO(HttpMethod.GET, "/api/v1/livechat/visitors.info"),
  /** The same as {@link #VISITORS_INFO}, under the seeds' name (spec §6). */
  VISITOR_INFO(HttpMethod.GET, "/api/v1/livechat/visitor.info"),
  /** Register or update a visitor (spec §7.1). */
  VISITOR_REGISTER(HttpMethod.POST, "/api/v1/livechat/visitor"),
  /** A visitor by token (spec §7.2). */
  VISITOR_BY_TOKEN(HttpMethod.GET, "/api/v1/livechat/visitor/:token"),
  /** A visitor sends a message to its room. */
  MESSAGE_SEND(HttpMethod.POST, "/api/v1/livechat/message"),
  /** An agent sends a message to a room. */
  CHAT_SEND_MESSAGE(HttpMethod.POST, "/api/v1/chat.sendMessage"),
  /** A room's messages, newest first, for its visitor. */
  MESSAGES_HISTORY(HttpMethod.GET, "/api/v1/livechat/messages.history/:rid"),
  /** One message of the visitor's room. */
  MESSAGE_GET(HttpMethod.GET, "/api/v1/livechat/message/:_id"),
  /** The visitor edits its message. */
  MESSAGE_UPDATE(HttpMethod.PUT, "/api/v1/livechat/message/:_id"),
  /** The visitor deletes its message. */
  MESSAGE_DELETE(HttpMethod.DELETE, "/api/v1/livechat/message/:_id"),
  /** The visitor closes its room. */
  ROOM_CLOSE(HttpMethod.POST, "/api/v1/livechat/room.close"),
  /** An agent closes a room. */
  ROOM_CLOSE_BY_USER(HttpMethod.POST, "/api/v1/livechat/room.closeByUser"),
  /** The widget reports the page the visitor is on. */
  PAGE_VISITED(HttpMethod.POST, "/api/v1/livechat/page.visited"),
  /** The widget's configuration, with the visitor's room and agent when it sends its token. */
  WIDGET_CONFIG(HttpMethod.GET, "/api/v1/livechat/config"),
  /** The agent serving a visitor's room. */
  AGENT_INFO(HttpMethod.GET, "/api/v1/livechat/agent.info/:rid/:token"),
  /** The agent a new chat of the visitor would be routed to. */
  AGENT_NEXT(HttpMethod.GET, "/api/v1/livechat/agent.next/:token"),
  /** The visitor's presence. */
  VISITOR_STATUS(HttpMethod.POST, "/api/v1/livechat/visitor.status"),
  /** One custom field of the visitor (or of its open room). */
  CUSTOM_FIELD(HttpMethod.POST, "/api/v1/livechat/custom.field"),
  /** Several custom fields of the visitor (or of its open room). */
  CUSTOM_FIELDS(HttpMethod.POST, "/api/v1/livechat/custom.fields"),
  /** A transcript request of a visitor's room. */
  TRANSCRIPT(HttpMethod.POST, "/api/v1/livechat/transcript"),
  /** A message left while no agent is online. */
  OFFLINE_MESSAGE(HttpMethod.POST, "/api/v1/livechat/offline.message"),
  /** Remove a visitor and its personal data. */
  VISITOR_DELETE(HttpMethod.DELETE, "/api/v1/livechat/visitor/:token"),
  /** One setting's value (issue 11). */
  SETTING_GET(HttpMethod.GET, "/api/v1/settings/:_id"),
  /** Change one setting's value (issue 11). */
  SETTING_SET(HttpMethod.POST, "/api/v1/settings/:_id"),
  /** Every permission with its roles (issue 11). */
  PERMISSIONS_LIST_ALL(HttpMethod.GET, "/api/v1/permissions.listAll"),
  /** Change the roles of permissions (issue 11). */
  PERMISSIONS_UPDATE(HttpMethod.POST, "/api/v1/permissions.update"),
  /** Every role (issue 11). */
  ROLES_LIST(HttpMethod.GET, "/api/v1/roles.list"),
  /** Custom field definitions, paged (issue 11). */
  CUSTOM_FIELDS_LIST(HttpMethod.GET, "/api/v1/livechat/custom-fields"),
  /** One custom field definition (issue 11). */
  CUSTOM_FIELD_GET(HttpMethod.GET, "/api/v1/livechat/custom-fields/:_id"),
  /** Create or update a custom field definition (issue 11). */
  CUSTOM_FIELD_SAVE(HttpMethod.POST, "/api/v1/livechat/custom-fields.save"),
  /** Remove a custom field definition (issue 11). */
  CUSTOM_FIELD_DELETE(HttpMethod.POST, "/api/v1/livechat/custom-fields.delete"),
  /** Livechat agents or managers, paged (issue 11). */
  STAFF_LIST(HttpMethod.GET, "/api/v1/livechat/users/:type"),
  /** Make a user an agent or a manager (issue 11). */
  STAFF_ADD(HttpMethod.POST, "/api/v1/livechat/users/:type"),
  /** One agent or manager (issue 11). */
  STAFF_GET(HttpMethod.GET, "/api/v1/livechat/users/:type/:_id"),
  /** Take the agent or manager role away (issue 11). */
  STAFF_REMOVE(HttpMethod.DELETE, "/api/v1/livechat/users/:type/:_id"),
  /** An agent's livechat status: available or not (issue 11). */
  AGENT_STATUS(HttpMethod.POST, "/api/v1/livechat/agent.status"),
  /** Log in (spec §7.3). */
  LOGIN(HttpMethod.POST, "/api/v1/login"),
  /** Log out: the request's login token stops authenticating. */
  LOGOUT(HttpMethod.POST, "/api/v1/logout"),
  /** The caller's own user. */
  ME(HttpMethod.GET, "/api/v1/me"),
  /** Create a user (admin). */
  USERS_CREATE(HttpMethod.POST, "/api/v1/users.create"),
  /** A user by id or username. */
  USERS_INFO(HttpMethod.GET, "/api/v1/users.info"),
  /** Change a user (admin, or the user itself). */
  USERS_UPDATE(HttpMethod.POST, "/api/v1/users.update"),
  /** Delete a user (admin). */
  USERS_DELETE(HttpMethod.POST, "/api/v1/users.delete"),
  /** The livechat rooms, filtered and paged, for staff. */
  ROOMS_LIST(HttpMethod.GET, "/api/v1/livechat/rooms"),
  /** The source types of the stored rooms, for the room list's filter. */
  ROOMS_FILTERS(HttpMethod.GET, "/api/v1/livechat/rooms/filters"),
  /** A livechat room as staff read it through Rocket.Chat's channels API. */
  CHANNELS_INFO(HttpMethod.GET, "/api/v1/channels.info"),
  /** Set the caller's (or, with edit-other-user-info, another user's) status and status text. */
  USERS_SET_STATUS(HttpMethod.POST, "/api/v1/users.setStatus"),
  /** The inquiry of a livechat room. */
  INQUIRIES_GET_ONE(HttpMethod.GET, "/api/v1/livechat/inquiries.getOne"),
  /** An agent takes a queued inquiry. */
  INQUIRIES_TAKE(HttpMethod.POST, "/api/v1/livechat/inquiries.take"),
  /** The license's modules and limits (none: Community Edition), with the current values of the limits. */
  LICENSES_INFO(HttpMethod.GET, "/api/v1/licenses.info"),
  /** The caller's subscription to a room. */
  SUBSCRIPTIONS_GET_ONE(HttpMethod.GET, "/api/v1/subscriptions.getOne"),
  /** A staff member joins a livechat room (a subscription). */
  ROOM_JOIN(HttpMethod.GET, "/api/v1/livechat/room.join"),
  /** The pages a room's visitor navigated, for staff. */
  VISITORS_PAGES_VISITED(HttpMethod.GET, "/api/v1/livechat/visitors.pagesVisited/:roomId"),
  /** A visitor's livechat rooms, for staff looking at one of them. */
  VISITORS_CHAT_HISTORY(HttpMethod.GET, "/api/v1/livechat/visitors.chatHistory/room/:roomId/visitor/:visitorId"),
  /** A visitor's livechat rooms, filtered, for staff looking at one of them. */
  VISITORS_SEARCH_CHATS(HttpMethod.GET, "/api/v1/livechat/visitors.searchChats/room/:roomId/visitor/:visitorId"),
  /** Visitors whose name starts with a term, for staff's pickers. */
  VISITORS_AUTOCOMPLETE(HttpMethod.GET, "/api/v1/livechat/visitors.autocomplete"),
  /** Visitors by email, phone, name, username or searchable custom field, for staff. */
  VISITORS_SEARCH(HttpMethod.GET, "/api/v1/livechat/visitors.search"),
  /** An integration posts messages as a visitor, to its open room (created when missing). */
  MESSAGES_IMPORT(HttpMethod.POST, "/api/v1/livechat/messages"),
  /**
   * A livechat room's messages, searched and paged, for staff; after every other {@code livechat/*} route so that
   * their fixed segments win.
   */
  ROOM_MESSAGES(HttpMethod.GET, "/api/v1/livechat/:rid/messages"),
  /** This API's OpenAPI 3.1 document, as JSON. */
  OPENAPI(HttpMethod.GET, "/api/v1/openapi.json"),
  /** Prometheus scrape of the process's metrics. */
  METRICS(HttpMethod.GET, OpsHttpVerticle.METRICS),
  /** Liveness. */
  HEALTH_LIVE(HttpMethod.GET, HealthRoutes.LIVE),
  /** Readiness: MongoDB reachable and the reply partitions assigned. */
  HEALTH_READY(HttpMethod.GET, HealthRoutes.READY);

  private final HttpMethod method;
  private final String path;

  Endpoint(HttpMethod method, String path) {
    this.method = method;
    this.path = path;
  }

  /** @return the HTTP method */
  public HttpMethod method() {
    return method;
  }

  /** @return the Vert.x Web path template, e.g. {@code /api/v1/livechat/visitor/:token} */
  public String path() {
    return path;
  }

  /** @return the OpenAPI path template, e.g. {@code /api/v1/livechat/visitor/{token}} */
  public String openApiPath() {
    return path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
  }

  /** @return true for the ops routes ({@code /metrics}, {@code /health/*}), which are logged at debug level */
  public boolean isOps() {
    return this == METRICS || this == HEALTH_LIVE || this == HEALTH_READY;
  }
}
