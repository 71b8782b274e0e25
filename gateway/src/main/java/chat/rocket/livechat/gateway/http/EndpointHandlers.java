package chat.rocket.livechat.gateway.http;

import chat.rocket.livechat.gateway.auth.Access;
import chat.rocket.livechat.gateway.auth.AccountRoutes;
import chat.rocket.livechat.gateway.auth.LoginRoute;
import chat.rocket.livechat.gateway.messaging.CommandSender;
import chat.rocket.livechat.gateway.ratelimit.RateLimit;
import chat.rocket.livechat.platform.rocketchat.CacheInvalidation;
import chat.rocket.livechat.platform.runtime.HealthRoutes;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The handler chain of every {@link Endpoint}, for one HTTP verticle's Router ({@link HttpApiVerticle}). Routes without
 * authentication count their rate limit before anything else (spec §1.3, §1.6); authenticated ones right after
 * authentication ({@link Access}).
 */
final class EndpointHandlers {

  private final Vertx vertx;
  private final MongoClient mongo;
  private final CommandSender requester;
  private final Access access;
  private final RateLimit rateLimit;
  /** The visitors' open rooms this HTTP verticle instance answered, shared by the room and widget routes. */
  private final OpenRoomHints hints = new OpenRoomHints();

  /**
   * @param requester this verticle's command sender
   * @param access    authentication, rate limit, validation and permission checks, in Rocket.Chat's order
   * @param rateLimit the anonymous routes' rate limit
   */
  EndpointHandlers(Vertx vertx, MongoClient mongo, CommandSender requester, Access access, RateLimit rateLimit) {
    this.vertx = vertx;
    this.mongo = mongo;
    this.requester = requester;
    this.access = access;
    this.rateLimit = rateLimit;
  }

  /**
   * @param openApi the OpenAPI document served at {@link Endpoint#OPENAPI}
   * @param account the caller's account routes
   * @return a handler chain for every endpoint
   */
  Map<Endpoint, List<Handler<RoutingContext>>> all(Buffer openApi, AccountRoutes account) {
    return withInquiries(withAdmin(withAccount(withWidget(withConversation(core(openApi))), account)));
  }

  /** Adds the inquiry endpoints ({@link InquiryRoutes}) and {@code licenses.info} ({@link LicenseRoutes}). */
  private Map<Endpoint, List<Handler<RoutingContext>>> withInquiries(
      Map<Endpoint, List<Handler<RoutingContext>>> handlers) {
    InquiryRoutes inquiries = new InquiryRoutes(requester, access);
    handlers.put(Endpoint.INQUIRIES_GET_ONE, List.of(inquiries::getOne));
    handlers.put(Endpoint.INQUIRIES_TAKE, List.of(inquiries::take));
    handlers.put(Endpoint.LICENSES_INFO, List.of(new LicenseRoutes(requester, access)::info));
    return withStaffReads(handlers);
  }

  /**
   * Adds the staff's room reads ({@link StaffReadRoutes}), the message import ({@link MessageImportRoutes}) and the
   * visitor views ({@link VisitorViewRoutes}).
   */
  private Map<Endpoint, List<Handler<RoutingContext>>> withStaffReads(
      Map<Endpoint, List<Handler<RoutingContext>>> handlers) {
    StaffReadRoutes staffReads = new StaffReadRoutes(requester, access);
    handlers.put(Endpoint.SUBSCRIPTIONS_GET_ONE, List.of(staffReads::subscriptionGetOne));
    handlers.put(Endpoint.ROOM_JOIN, List.of(staffReads::roomJoin));
    handlers.put(Endpoint.ROOM_MESSAGES, List.of(staffReads::roomMessages));
    handlers.put(Endpoint.MESSAGES_IMPORT, List.of(new MessageImportRoutes(requester, access)::importMessages));
    VisitorViewRoutes visitorViews = new VisitorViewRoutes(requester, access);
    handlers.put(Endpoint.VISITORS_PAGES_VISITED, List.of(visitorViews::pagesVisited));
    handlers.put(Endpoint.VISITORS_CHAT_HISTORY, List.of(visitorViews::chatHistory));
    handlers.put(Endpoint.VISITORS_SEARCH_CHATS, List.of(visitorViews::searchChats));
    handlers.put(Endpoint.VISITORS_AUTOCOMPLETE, List.of(visitorViews::autocomplete));
    handlers.put(Endpoint.VISITORS_SEARCH, List.of(visitorViews::search));
    return handlers;
  }

  /**
   * The seeds' endpoints, login and the ops routes.
   */
  private Map<Endpoint, List<Handler<RoutingContext>>> core(Buffer openApi) {
    RoomRoutes rooms = new RoomRoutes(requester, access, hints);
    VisitorRoutes visitors = new VisitorRoutes(requester, access);
    LoginRoute login = new LoginRoute(vertx, mongo);
    Map<Endpoint, List<Handler<RoutingContext>>> handlers = new EnumMap<>(Endpoint.class);
    handlers.put(Endpoint.ROOM, List.of(rateLimit.anonymous(RateLimit.LIVECHAT_WIDGET), rooms::getOrCreate));
    handlers.put(Endpoint.ROOM_VISITOR, List.of(rooms::changeVisitor));
    handlers.put(Endpoint.ROOM_SAVE_INFO, List.of(rooms::saveInfo));
    handlers.put(Endpoint.CHANNELS_INFO, List.of(rooms::channelInfo));
    RoomListRoutes roomList = new RoomListRoutes(requester, access);
    handlers.put(Endpoint.ROOMS_LIST, List.of(roomList::list));
    handlers.put(Endpoint.ROOMS_FILTERS, List.of(roomList::sources));
    handlers.put(Endpoint.VISITORS_INFO, List.of(visitors::info));
    handlers.put(Endpoint.VISITOR_INFO, List.of(visitors::info));
    handlers.put(Endpoint.VISITOR_REGISTER, List.of(rateLimit.anonymous(RateLimit.LIVECHAT_WIDGET),
        visitors::register));
    handlers.put(Endpoint.VISITOR_BY_TOKEN, List.of(rateLimit.anonymous(null), visitors::byToken));
    handlers.put(Endpoint.LOGIN, List.of(rateLimit.anonymous(null), login::login));
    handlers.put(Endpoint.OPENAPI, List.of(ctx -> ApiResponses.json(ctx, openApi)));
    handlers.put(Endpoint.METRICS, List.of(PrometheusScrapingHandler.create()));
    handlers.put(Endpoint.HEALTH_LIVE, List.of(HealthRoutes.live(vertx)));
    handlers.put(Endpoint.HEALTH_READY, List.of(HealthRoutes.ready(vertx, mongo)));
    return handlers;
  }

  /**
   * Adds the conversation's endpoints: the visitor's count their rate limit (Rocket.Chat's defaults) before anything
   * else, the agent's after authentication ({@link Access}).
   */
  private Map<Endpoint, List<Handler<RoutingContext>>> withConversation(
      Map<Endpoint, List<Handler<RoutingContext>>> handlers) {
    ConversationRoutes conversation = new ConversationRoutes(requester, access);
    Handler<RoutingContext> limit = rateLimit.anonymous(null);
    handlers.put(Endpoint.MESSAGE_SEND, List.of(limit, conversation::send));
    handlers.put(Endpoint.CHAT_SEND_MESSAGE, List.of(conversation::chatSendMessage));
    handlers.put(Endpoint.MESSAGES_HISTORY, List.of(limit, conversation::history));
    handlers.put(Endpoint.MESSAGE_GET, List.of(limit, conversation::get));
    handlers.put(Endpoint.MESSAGE_UPDATE, List.of(limit, conversation::update));
    handlers.put(Endpoint.MESSAGE_DELETE, List.of(limit, conversation::delete));
    handlers.put(Endpoint.ROOM_CLOSE, List.of(limit, conversation::close));
    handlers.put(Endpoint.ROOM_CLOSE_BY_USER, List.of(conversation::closeByUser));
    handlers.put(Endpoint.PAGE_VISITED, List.of(limit, conversation::pageVisited));
    return handlers;
  }

  /**
   * Adds the widget's endpoints ({@link WidgetRoutes}), each rate limited as an anonymous route: the default limits,
   * {@code offline.message} its own {@link RateLimit#OFFLINE_MESSAGE}.
   */
  private Map<Endpoint, List<Handler<RoutingContext>>> withWidget(
      Map<Endpoint, List<Handler<RoutingContext>>> handlers) {
    WidgetRoutes widget = new WidgetRoutes(requester, hints);
    Handler<RoutingContext> limit = rateLimit.anonymous(null);
    handlers.put(Endpoint.WIDGET_CONFIG, List.of(limit, widget::config));
    handlers.put(Endpoint.AGENT_INFO, List.of(limit, widget::agentInfo));
    handlers.put(Endpoint.AGENT_NEXT, List.of(limit, widget::agentNext));
    handlers.put(Endpoint.VISITOR_STATUS, List.of(limit, widget::visitorStatus));
    handlers.put(Endpoint.CUSTOM_FIELD, List.of(limit, widget::customField));
    handlers.put(Endpoint.CUSTOM_FIELDS, List.of(limit, widget::customFields));
    handlers.put(Endpoint.TRANSCRIPT, List.of(limit, widget::transcript));
    handlers.put(Endpoint.OFFLINE_MESSAGE, List.of(rateLimit.anonymous(RateLimit.OFFLINE_MESSAGE),
        widget::offlineMessage));
    handlers.put(Endpoint.VISITOR_DELETE, List.of(limit, widget::deleteVisitor));
    return handlers;
  }

  /** Adds the caller's account endpoints ({@link AccountRoutes}), rate limited after authentication. */
  private static Map<Endpoint, List<Handler<RoutingContext>>> withAccount(
      Map<Endpoint, List<Handler<RoutingContext>>> handlers, AccountRoutes account) {
    handlers.put(Endpoint.LOGOUT, List.of(account::logout));
    handlers.put(Endpoint.ME, List.of(account::me));
    handlers.put(Endpoint.USERS_SET_STATUS, List.of(account::setStatus));
    return handlers;
  }

  /**
   * Adds the settings, permissions and roles endpoints ({@link AdminRoutes}), the custom-field ones
   * ({@link CustomFieldRoutes}), the livechat staff endpoints ({@link StaffRoutes}) and the users endpoints
   * ({@link UserRoutes}), rate limited after authentication.
   */
  private Map<Endpoint, List<Handler<RoutingContext>>> withAdmin(
      Map<Endpoint, List<Handler<RoutingContext>>> handlers) {
    AdminRoutes admin = new AdminRoutes(requester, access, CacheInvalidation.of(vertx));
    handlers.put(Endpoint.SETTING_GET, List.of(admin::settingGet));
    handlers.put(Endpoint.SETTING_SET, List.of(admin::settingSet));
    handlers.put(Endpoint.PERMISSIONS_LIST_ALL, List.of(admin::permissionsListAll));
    handlers.put(Endpoint.PERMISSIONS_UPDATE, List.of(admin::permissionsUpdate));
    handlers.put(Endpoint.ROLES_LIST, List.of(admin::rolesList));
    CustomFieldRoutes customFields = new CustomFieldRoutes(requester, access, CacheInvalidation.of(vertx));
    handlers.put(Endpoint.CUSTOM_FIELDS_LIST, List.of(customFields::list));
    handlers.put(Endpoint.CUSTOM_FIELD_GET, List.of(customFields::get));
    handlers.put(Endpoint.CUSTOM_FIELD_SAVE, List.of(customFields::save));
    handlers.put(Endpoint.CUSTOM_FIELD_DELETE, List.of(customFields::delete));
    StaffRoutes staff = new StaffRoutes(requester, access);
    handlers.put(Endpoint.STAFF_LIST, List.of(staff::list));
    handlers.put(Endpoint.STAFF_ADD, List.of(staff::add));
    handlers.put(Endpoint.STAFF_GET, List.of(staff::get));
    handlers.put(Endpoint.STAFF_REMOVE, List.of(staff::remove));
    handlers.put(Endpoint.AGENT_STATUS, List.of(staff::agentStatus));
    UserRoutes users = new UserRoutes(vertx, requester, access);
    handlers.put(Endpoint.USERS_CREATE, List.of(users::create));
    handlers.put(Endpoint.USERS_INFO, List.of(users::info));
    handlers.put(Endpoint.USERS_UPDATE, List.of(users::update));
    handlers.put(Endpoint.USERS_DELETE, List.of(users::delete));
    return handlers;
  }
}
