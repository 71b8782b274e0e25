package chat.rocket.livechat.standalone;

import static chat.rocket.livechat.standalone.AuthorizationMatrixTest.Answer.ADDING_NOT_ALLOWED;
import static chat.rocket.livechat.standalone.AuthorizationMatrixTest.Answer.EDITING_NOT_ALLOWED;
import static chat.rocket.livechat.standalone.AuthorizationMatrixTest.Answer.FORBIDDEN;
import static chat.rocket.livechat.standalone.AuthorizationMatrixTest.Answer.LOGGED_OUT;
import static chat.rocket.livechat.standalone.AuthorizationMatrixTest.Answer.MESSAGES_NOT_ALLOWED;
import static chat.rocket.livechat.standalone.AuthorizationMatrixTest.Answer.NOT_ALLOWED;
import static chat.rocket.livechat.standalone.AuthorizationMatrixTest.Answer.NOT_AUTHORIZED;
import static chat.rocket.livechat.standalone.AuthorizationMatrixTest.Answer.OK;
import static chat.rocket.livechat.standalone.AuthorizationMatrixTest.Answer.UNAUTHORIZED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.gateway.auth.Authenticator;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call which authenticated endpoint (spec §1.2-§1.4, §4, §5, §6; DECISIONS.md Endpoints), as a table of
 * roles × endpoints with Rocket.Chat's answer, through the whole system and Rocket.Chat's default permissions:
 * {@code view-l-room} = livechat-manager, livechat-monitor, livechat-agent, admin;
 * {@code save-others-livechat-room-info}
 * = livechat-manager, livechat-monitor, admin; room access for {@code room.visitor} = serving the room or
 * {@code view-livechat-rooms} (livechat-manager, livechat-monitor, admin). Every case gets its own two visitors and a
 * room served by the serving agent. {@code chat.sendMessage} needs room access (serving, a subscription or
 * {@code view-livechat-rooms}), else 400 {@code error-not-allowed}; {@code room.closeByUser} needs
 * {@code close-livechat-room} (403) and a subscription or {@code close-others-livechat-room} (livechat-manager,
 * livechat-monitor, admin), else 400 {@code error-not-authorized}. A refused call changes nothing in MongoDB; an
 * allowed one changes only its room, the room's inquiry, subscriptions and messages, and its visitors. The caller's
 * own account endpoints ({@code me}, {@code users.setStatus}, {@code logout}) need a session and no permission. The
 * admin endpoints (issue 11) form a second table: {@code settings/:_id} needs {@code view-privileged-setting} /
 * {@code edit-privileged-setting} and {@code permissions.update} {@code access-permissions} (admin only);
 * {@code permissions.listAll} and {@code roles.list} any logged-in user; an allowed call writes only the setting or
 * permission it names. The custom-field endpoints form a third: reads need {@code view-l-room}, writes
 * {@code view-livechat-manager} (livechat-manager, livechat-monitor, admin); an allowed write changes only the field
 * it names (and, for a removal, that field's trash record). The livechat staff endpoints form a fourth table: listing
 * agents needs
 * {@code manage-livechat-agents}, listing managers and the other staff calls {@code view-livechat-manager}
 * (livechat-manager, admin; monitors are not seeded here), {@code agent.status} {@code view-l-room}; an allowed call
 * writes only its target user (a plain user made a manager; the status call names an agent already not available).
 * The users endpoints and {@code channels.info} form a fifth: {@code users.create} needs {@code create-user} (400
 * {@code error-action-not-allowed} as {@code saveUser} answers), {@code users.update} of another user {@code
 * edit-other-user-info} (the same 400), {@code users.delete} {@code delete-user} (403 {@code unauthorized}), all admin
 * only; {@code users.info} any logged-in user; {@code channels.info} the livechat room access rule (403 {@code
 * unauthorized}); {@code livechat/rooms} {@code view-livechat-rooms} (403 {@code unauthorized}; an agent may list only
 * its own rooms), {@code livechat/rooms/filters} {@code view-l-room}; an allowed call writes only the user it creates,
 * changes or removes. The inquiry endpoints and {@code licenses.info} form a sixth: {@code livechat/inquiries.getOne}
 * and {@code livechat/inquiries.take} need {@code view-l-room} (a take names the available serving agent, so every
 * holder may hand it the inquiry), and {@code licenses.info} any logged-in user; an allowed take writes only its room,
 * inquiry and subscription, the reads nothing. The staff's room reads form a seventh: {@code subscriptions.getOne}
 * any logged-in user (their own subscription), {@code livechat/room.join} {@code view-l-room} then the room access
 * rule (400 {@code error-not-allowed}), {@code livechat/:rid/messages} the same (400 {@code not-allowed}); an allowed
 * join writes only the caller's subscription, its room and the room's messages, the reads nothing;
 * {@code POST livechat/messages} any logged-in user, writing only the visitor's room, its messages and the visitor.
 * The {@code livechat/visitors.*} views form an eighth: all need {@code view-l-room}, chatHistory and searchChats
 * also access to the room they are asked from (400 {@code error-not-allowed}); none writes.
 */
class AuthorizationMatrixTest {

  private static final String ROOM_VISITOR = "PUT livechat/room.visitor";
  private static final String SAVE_INFO = "POST livechat/room.saveInfo";
  private static final String VISITORS_INFO = "GET livechat/visitors.info";
  private static final String VISITOR_INFO = "GET livechat/visitor.info";
  private static final String SEND_MESSAGE = "POST chat.sendMessage";
  private static final String CLOSE_BY_USER = "POST livechat/room.closeByUser";
  private static final String ME = "GET me";
  private static final String SET_STATUS = "POST users.setStatus";
  private static final String LOGOUT = "POST logout";
  private static final String GET_SETTING = "GET settings/:_id";
  private static final String SET_SETTING = "POST settings/:_id";
  private static final String PERMISSIONS_LIST_ALL = "GET permissions.listAll";
  private static final String PERMISSIONS_UPDATE = "POST permissions.update";
  private static final String ROLES_LIST = "GET roles.list";
  private static final String CUSTOM_FIELDS_LIST = "GET livechat/custom-fields";
  private static final String CUSTOM_FIELD_GET = "GET livechat/custom-fields/:_id";
  private static final String CUSTOM_FIELD_SAVE = "POST livechat/custom-fields.save";
  private static final String CUSTOM_FIELD_DELETE = "POST livechat/custom-fields.delete";
  private static final String LIST_AGENTS = "GET livechat/users/agent";
  private static final String LIST_MANAGERS = "GET livechat/users/manager";
  private static final String ADD_MANAGER = "POST livechat/users/manager";
  private static final String GET_MANAGER = "GET livechat/users/manager/:_id";
  private static final String REMOVE_MANAGER = "DELETE livechat/users/manager/:_id";
  private static final String AGENT_STATUS = "POST livechat/agent.status";
  private static final String USERS_CREATE = "POST users.create";
  private static final String USERS_INFO = "GET users.info";
  private static final String USERS_UPDATE = "POST users.update";
  private static final String USERS_DELETE = "POST users.delete";
  private static final String CHANNELS_INFO = "GET channels.info";
  private static final String ROOMS_LIST = "GET livechat/rooms";
  private static final String ROOMS_FILTERS = "GET livechat/rooms/filters";
  private static final String INQUIRY_GET_ONE = "GET livechat/inquiries.getOne";
  private static final String INQUIRY_TAKE = "POST livechat/inquiries.take";
  private static final String LICENSES_INFO = "GET licenses.info";
  private static final String SUBSCRIPTION_GET_ONE = "GET subscriptions.getOne";
  private static final String ROOM_JOIN = "GET livechat/room.join";
  private static final String ROOM_MESSAGES = "GET livechat/:rid/messages";
  private static final String MESSAGES_IMPORT = "POST livechat/messages";
  private static final String PAGES_VISITED = "GET livechat/visitors.pagesVisited/:roomId";
  private static final String CHAT_HISTORY = "GET livechat/visitors.chatHistory/room/:roomId/visitor/:visitorId";
  private static final String SEARCH_CHATS = "GET livechat/visitors.searchChats/room/:roomId/visitor/:visitorId";
  private static final String AUTOCOMPLETE = "GET livechat/visitors.autocomplete";
  private static final String VISITORS_SEARCH = "GET livechat/visitors.search";
  private static final AtomicInteger USER_COUNT = new AtomicInteger();

  private static TestSystem system;
  private static Api api;
  private static Visitors visitors;
  private static Map<Role, Map<String, String>> headers;
  private static String servingAgentId;

  /** Who calls. */
  enum Role { NO_USER, BAD_TOKEN, USER, AGENT_SERVING, AGENT_NOT_SERVING, MANAGER, ADMIN }

  /** Rocket.Chat's answer. */
  enum Answer {
    /** 200 with the endpoint's result. */
    OK(200, null),
    /** 401, Restivus's body. */
    LOGGED_OUT(401, new JsonObject().put("status", "error").put("message", "You must be logged in to do this.")),
    /** 403, a required permission is missing. */
    FORBIDDEN(403, new JsonObject().put("success", false)
        .put("error", "User does not have the permissions required for this action [error-unauthorized]")),
    /** 403 {@code API.v1.unauthorized()}: saveInfo on a room the caller neither serves nor may edit as another's. */
    UNAUTHORIZED(403, new JsonObject().put("success", false).put("error", "unauthorized")),
    /** 400, room.visitor or chat.sendMessage on a room the caller cannot access. */
    NOT_ALLOWED(400, new JsonObject().put("success", false).put("error", "error-not-allowed")),
    /** 400, room.closeByUser of a room without the caller's subscription nor close-others-livechat-room. */
    NOT_AUTHORIZED(400, new JsonObject().put("success", false).put("error", "error-not-authorized")),
    /** 400, users.create without create-user ({@code saveUser}'s Meteor error). */
    ADDING_NOT_ALLOWED(400, new JsonObject().put("success", false)
        .put("error", "Adding user is not allowed [error-action-not-allowed]")
        .put("errorType", "error-action-not-allowed")),
    /** 400, users.update of another user without edit-other-user-info. */
    EDITING_NOT_ALLOWED(400, new JsonObject().put("success", false)
        .put("error", "Editing user is not allowed [error-action-not-allowed]")
        .put("errorType", "error-action-not-allowed")),
    /** 400, livechat/:rid/messages of a room the caller cannot access. */
    MESSAGES_NOT_ALLOWED(400, new JsonObject().put("success", false).put("error", "not-allowed"));

    private final int status;
    private final JsonObject body;

    Answer(int status, JsonObject body) {
      this.status = status;
      this.body = body;
    }
  }

  @BeforeAll
  static void start() {
    system = TestSystem.start();
    api = system.api();
    visitors = new Visitors(api);
    Map<String, String> servingAgent = system.user("matrix.agent.serving", List.of("livechat-agent"));
    servingAgentId = servingAgent.get("X-User-Id");
    system.mongo().updateCollection(Collections.USERS, new JsonObject().put("_id", servingAgentId),
        new JsonObject().put("$set", new JsonObject().put("statusLivechat", "available"))).await();
    headers = Map.of(
        Role.NO_USER, Map.of(),
        Role.BAD_TOKEN, Map.of("X-User-Id", servingAgentId, "X-Auth-Token", "not-the-token"),
        Role.USER, system.user("matrix.user", List.of("user")),
        Role.AGENT_SERVING, servingAgent,
        Role.AGENT_NOT_SERVING, system.user("matrix.agent.other", List.of("livechat-agent")),
        Role.MANAGER, system.user("matrix.manager", List.of("livechat-manager")),
        Role.ADMIN, system.user("matrix.admin", List.of("admin")));
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  static Stream<Arguments> matrix() {
    return Stream.of(
        row(Role.NO_USER, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT),
        row(Role.BAD_TOKEN, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT),
        row(Role.USER, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_ALLOWED, FORBIDDEN),
        row(Role.AGENT_SERVING, OK, OK, OK, OK, OK, OK),
        row(Role.AGENT_NOT_SERVING, NOT_ALLOWED, UNAUTHORIZED, OK, OK, NOT_ALLOWED, NOT_AUTHORIZED),
        row(Role.MANAGER, OK, OK, OK, OK, OK, OK),
        row(Role.ADMIN, OK, OK, OK, OK, OK, OK))
        .flatMap(row -> row);
  }

  static Stream<Arguments> adminMatrix() {
    return Stream.of(
        adminRow(Role.NO_USER, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT),
        adminRow(Role.BAD_TOKEN, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT),
        adminRow(Role.USER, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, OK),
        adminRow(Role.AGENT_SERVING, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, OK),
        adminRow(Role.AGENT_NOT_SERVING, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, OK),
        adminRow(Role.MANAGER, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, OK),
        adminRow(Role.ADMIN, OK, OK, OK, OK, OK))
        .flatMap(row -> row);
  }

  /** @return one role's answers on GET and POST settings/:_id, permissions.listAll, permissions.update, roles.list */
  private static Stream<Arguments> adminRow(Role role, Answer getSetting, Answer setSetting, Answer listAll,
                                            Answer update, Answer rolesList) {
    return Stream.of(arguments(role, GET_SETTING, getSetting), arguments(role, SET_SETTING, setSetting),
        arguments(role, PERMISSIONS_LIST_ALL, listAll), arguments(role, PERMISSIONS_UPDATE, update),
        arguments(role, ROLES_LIST, rolesList));
  }

  @ParameterizedTest(name = "{0} on {1} answers {2}")
  @MethodSource("adminMatrix")
  void roleOnAdminEndpointGetsRocketChatsAnswer(Role role, String endpoint, Answer expected) {
    StoreSnapshot before = StoreSnapshot.take(system);

    Api.Response response = adminCall(endpoint, headers.get(role));

    assertAnswered(response, expected, before, "writes besides the named setting or permission", change ->
        change.id().equals(Setting.LIVECHAT_TITLE.id()) || change.id().equals(Permission.VIEW_L_ROOM.id()));
  }

  static Stream<Arguments> customFieldMatrix() {
    return Stream.of(
        customFieldRow(Role.NO_USER, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT),
        customFieldRow(Role.BAD_TOKEN, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT),
        customFieldRow(Role.USER, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
        customFieldRow(Role.AGENT_SERVING, OK, OK, FORBIDDEN, FORBIDDEN),
        customFieldRow(Role.AGENT_NOT_SERVING, OK, OK, FORBIDDEN, FORBIDDEN),
        customFieldRow(Role.MANAGER, OK, OK, OK, OK),
        customFieldRow(Role.ADMIN, OK, OK, OK, OK))
        .flatMap(row -> row);
  }

  /** @return one role's answers on the custom-field list, get, save and delete */
  private static Stream<Arguments> customFieldRow(Role role, Answer list, Answer get, Answer save, Answer delete) {
    return Stream.of(arguments(role, CUSTOM_FIELDS_LIST, list), arguments(role, CUSTOM_FIELD_GET, get),
        arguments(role, CUSTOM_FIELD_SAVE, save), arguments(role, CUSTOM_FIELD_DELETE, delete));
  }

  @ParameterizedTest(name = "{0} on {1} answers {2}")
  @MethodSource("customFieldMatrix")
  void roleOnCustomFieldEndpointGetsRocketChatsAnswer(Role role, String endpoint, Answer expected) {
    String field = "matrix_" + role.name().toLowerCase(Locale.ROOT) + "_" + endpoint.hashCode();
    system.mongo().save(Collections.CUSTOM_FIELDS, new JsonObject().put("_id", field + "_stored").put("label", field)
        .put("scope", "visitor").put("visibility", "visible")).await();
    StoreSnapshot before = StoreSnapshot.take(system);

    Api.Response response = customFieldCall(endpoint, headers.get(role), field);

    assertAnswered(response, expected, before, "writes besides the named field", change ->
        change.id().startsWith(field));
  }

  private static Api.Response customFieldCall(String endpoint, Map<String, String> caller, String field) {
    return switch (endpoint) {
      case CUSTOM_FIELDS_LIST -> api.get("livechat/custom-fields", caller);
      case CUSTOM_FIELD_GET -> api.get("livechat/custom-fields/" + field + "_stored", caller);
      case CUSTOM_FIELD_SAVE -> api.post("livechat/custom-fields.save", caller, new JsonObject()
          .put("customFieldId", null).put("customFieldData", new JsonObject().put("field", field)
              .put("label", "Matrix").put("scope", "visitor").put("visibility", "visible")));
      case CUSTOM_FIELD_DELETE -> api.post("livechat/custom-fields.delete", caller,
          new JsonObject().put("customFieldId", field + "_stored"));
      default -> throw new IllegalArgumentException(endpoint);
    };
  }

  private static Api.Response adminCall(String endpoint, Map<String, String> caller) {
    String title = Setting.LIVECHAT_TITLE.id();
    return switch (endpoint) {
      case GET_SETTING -> api.get("settings/" + title, caller);
      case SET_SETTING -> api.post("settings/" + title, caller, new JsonObject().put("value", "Matrix title"));
      case PERMISSIONS_LIST_ALL -> api.get("permissions.listAll", caller);
      case PERMISSIONS_UPDATE -> api.post("permissions.update", caller, new JsonObject().put("permissions",
          new JsonArray().add(new JsonObject().put("_id", Permission.VIEW_L_ROOM.id())
              .put("roles", new JsonArray(Permission.VIEW_L_ROOM.defaultRoles())))));
      case ROLES_LIST -> api.get("roles.list", caller);
      default -> throw new IllegalArgumentException(endpoint);
    };
  }

  static Stream<Arguments> staffMatrix() {
    return Stream.of(
        staffRow(Role.NO_USER, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT),
        staffRow(Role.BAD_TOKEN, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT),
        staffRow(Role.USER, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
        staffRow(Role.AGENT_SERVING, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
        staffRow(Role.AGENT_NOT_SERVING, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
        staffRow(Role.MANAGER, OK, OK, OK, OK, OK, OK),
        staffRow(Role.ADMIN, OK, OK, OK, OK, OK, OK))
        .flatMap(row -> row);
  }

  /** @return one role's answers on the list of agents, of managers, add, get, remove a manager, agent.status */
  private static Stream<Arguments> staffRow(Role role, Answer agents, Answer managers, Answer add, Answer get,
                                            Answer remove, Answer status) {
    return Stream.of(arguments(role, LIST_AGENTS, agents), arguments(role, LIST_MANAGERS, managers),
        arguments(role, ADD_MANAGER, add), arguments(role, GET_MANAGER, get), arguments(role, REMOVE_MANAGER, remove),
        arguments(role, AGENT_STATUS, status));
  }

  @ParameterizedTest(name = "{0} on {1} answers {2}")
  @MethodSource("staffMatrix")
  void roleOnStaffEndpointGetsRocketChatsAnswer(Role role, String endpoint, Answer expected) {
    Map<String, String> targets = staffTargets();
    StoreSnapshot before = StoreSnapshot.take(system);

    Api.Response response = staffCall(endpoint, headers.get(role), targets);

    assertAnswered(response, expected, before, "writes besides the target user", change ->
        targets.containsValue(change.id()));
  }

  /** The staff calls' target users: a plain user and an agent that is not available ({@code _id} by name). */
  private static synchronized Map<String, String> staffTargets() {
    if (system.findOne(Collections.USERS, new JsonObject().put("username", "matrix.staff.user")) == null) {
      system.user("matrix.staff.user", List.of("user"));
      String idle = system.user("matrix.staff.idle", List.of("livechat-agent")).get("X-User-Id");
      system.mongo().updateCollection(Collections.USERS, new JsonObject().put("_id", idle),
          new JsonObject().put("$set", new JsonObject().put("statusLivechat", "not-available"))).await();
    }
    return Map.of("user", idOf("matrix.staff.user"), "idle", idOf("matrix.staff.idle"));
  }

  private static String idOf(String username) {
    return system.findOne(Collections.USERS, new JsonObject().put("username", username)).getString("_id");
  }

  private static Api.Response staffCall(String endpoint, Map<String, String> caller, Map<String, String> targets) {
    String user = targets.get("user");
    return switch (endpoint) {
      case LIST_AGENTS -> api.get("livechat/users/agent", caller);
      case LIST_MANAGERS -> api.get("livechat/users/manager", caller);
      case ADD_MANAGER -> api.post("livechat/users/manager", caller,
          new JsonObject().put("username", "matrix.staff.user"));
      case GET_MANAGER -> api.get("livechat/users/manager/" + user, caller);
      case REMOVE_MANAGER -> api.send(HttpMethod.DELETE, "livechat/users/manager/" + user, caller, null);
      case AGENT_STATUS -> api.post("livechat/agent.status", caller, new JsonObject().put("status", "not-available")
          .put("agentId", targets.get("idle")));
      default -> throw new IllegalArgumentException(endpoint);
    };
  }

  static Stream<Arguments> usersMatrix() {
    return Stream.of(
        usersRow(Role.NO_USER, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT),
        usersRow(Role.BAD_TOKEN, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT),
        usersRow(Role.USER, ADDING_NOT_ALLOWED, OK, EDITING_NOT_ALLOWED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED,
            FORBIDDEN),
        usersRow(Role.AGENT_SERVING, ADDING_NOT_ALLOWED, OK, EDITING_NOT_ALLOWED, UNAUTHORIZED, OK, UNAUTHORIZED, OK),
        usersRow(Role.AGENT_NOT_SERVING, ADDING_NOT_ALLOWED, OK, EDITING_NOT_ALLOWED, UNAUTHORIZED, UNAUTHORIZED,
            UNAUTHORIZED, OK),
        usersRow(Role.MANAGER, ADDING_NOT_ALLOWED, OK, EDITING_NOT_ALLOWED, UNAUTHORIZED, OK, OK, OK),
        usersRow(Role.ADMIN, OK, OK, OK, OK, OK, OK, OK))
        .flatMap(row -> row);
  }

  /**
   * @return one role's answers on users.create, users.info, users.update, users.delete, channels.info, livechat/rooms
   *     (without agents) and livechat/rooms/filters
   */
  private static Stream<Arguments> usersRow(Role role, Answer create, Answer info, Answer update, Answer delete,
                                            Answer channelInfo, Answer roomsList, Answer roomsFilters) {
    return Stream.of(arguments(role, USERS_CREATE, create), arguments(role, USERS_INFO, info),
        arguments(role, USERS_UPDATE, update), arguments(role, USERS_DELETE, delete),
        arguments(role, CHANNELS_INFO, channelInfo), arguments(role, ROOMS_LIST, roomsList),
        arguments(role, ROOMS_FILTERS, roomsFilters));
  }

  @ParameterizedTest(name = "{0} on {1} answers {2}")
  @MethodSource("usersMatrix")
  void roleOnUsersEndpointGetsRocketChatsAnswer(Role role, String endpoint, Answer expected) {
    String username = "matrix.users." + USER_COUNT.incrementAndGet();
    String target = system.user(username, List.of("user")).get("X-User-Id");
    String rid = fixture().rid();
    StoreSnapshot before = StoreSnapshot.take(system);

    Api.Response response = usersCall(endpoint, headers.get(role), username, target, rid);

    assertAnswered(response, expected, before, "writes besides the user created, changed or removed", change ->
        Collections.USERS.equals(change.collection())
            && (change.id().equals(target) || username.concat(".new").equals(change.field("username"))));
  }

  private static Api.Response usersCall(String endpoint, Map<String, String> caller, String username, String target,
                                        String rid) {
    return switch (endpoint) {
      case USERS_CREATE -> api.post("users.create", caller, new JsonObject().put("username", username + ".new")
          .put("email", username + ".new@example.com").put("name", username).put("password", "secret-1"));
      case USERS_INFO -> api.get("users.info?username=" + username, caller);
      case USERS_UPDATE -> api.post("users.update", caller, new JsonObject().put("userId", target)
          .put("data", new JsonObject().put("name", "Renamed")));
      case USERS_DELETE -> api.post("users.delete", caller, new JsonObject().put("userId", target));
      case CHANNELS_INFO -> api.get("channels.info?roomId=" + rid, caller);
      case ROOMS_LIST -> api.get("livechat/rooms?count=1", caller);
      case ROOMS_FILTERS -> api.get("livechat/rooms/filters", caller);
      default -> throw new IllegalArgumentException(endpoint);
    };
  }

  static Stream<Arguments> inquiriesMatrix() {
    return Stream.of(
        inquiriesRow(Role.NO_USER, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT),
        inquiriesRow(Role.BAD_TOKEN, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT),
        inquiriesRow(Role.USER, FORBIDDEN, FORBIDDEN, OK),
        inquiriesRow(Role.AGENT_SERVING, OK, OK, OK),
        inquiriesRow(Role.AGENT_NOT_SERVING, OK, OK, OK),
        inquiriesRow(Role.MANAGER, OK, OK, OK),
        inquiriesRow(Role.ADMIN, OK, OK, OK))
        .flatMap(row -> row);
  }

  /** @return one role's answers on livechat/inquiries.getOne, livechat/inquiries.take and licenses.info */
  private static Stream<Arguments> inquiriesRow(Role role, Answer getOne, Answer take, Answer licenses) {
    return Stream.of(arguments(role, INQUIRY_GET_ONE, getOne), arguments(role, INQUIRY_TAKE, take),
        arguments(role, LICENSES_INFO, licenses));
  }

  @ParameterizedTest(name = "{0} on {1} answers {2}")
  @MethodSource("inquiriesMatrix")
  void roleOnInquiryEndpointGetsRocketChatsAnswer(Role role, String endpoint, Answer expected) {
    JsonObject inquiry = queuedInquiry();
    String rid = inquiry.getString("rid");
    StoreSnapshot before = StoreSnapshot.take(system);

    Api.Response response = switch (endpoint) {
      case INQUIRY_GET_ONE -> api.get("livechat/inquiries.getOne?roomId=" + rid, headers.get(role));
      case INQUIRY_TAKE -> api.post("livechat/inquiries.take", headers.get(role), new JsonObject()
          .put("inquiryId", inquiry.getString("_id")).put("userId", servingAgentId));
      default -> api.get("licenses.info?loadValues=true", headers.get(role));
    };

    assertAnswered(response, expected, before, "writes besides the taken room, its inquiry and subscription",
        change -> INQUIRY_TAKE.equals(endpoint) && (change.id().equals(rid) || rid.equals(change.field("rid"))));
  }

  static Stream<Arguments> staffReadsMatrix() {
    return Stream.of(
        staffReadsRow(Role.NO_USER, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT),
        staffReadsRow(Role.BAD_TOKEN, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT),
        staffReadsRow(Role.USER, OK, FORBIDDEN, FORBIDDEN, OK),
        staffReadsRow(Role.AGENT_SERVING, OK, OK, OK, OK),
        staffReadsRow(Role.AGENT_NOT_SERVING, OK, NOT_ALLOWED, MESSAGES_NOT_ALLOWED, OK),
        staffReadsRow(Role.MANAGER, OK, OK, OK, OK),
        staffReadsRow(Role.ADMIN, OK, OK, OK, OK))
        .flatMap(row -> row);
  }

  /**
   * @return one role's answers on subscriptions.getOne, livechat/room.join, livechat/:rid/messages and
   *     POST livechat/messages
   */
  private static Stream<Arguments> staffReadsRow(Role role, Answer getOne, Answer join, Answer messages,
                                                 Answer importing) {
    return Stream.of(arguments(role, SUBSCRIPTION_GET_ONE, getOne), arguments(role, ROOM_JOIN, join),
        arguments(role, ROOM_MESSAGES, messages), arguments(role, MESSAGES_IMPORT, importing));
  }

  @ParameterizedTest(name = "{0} on {1} answers {2}")
  @MethodSource("staffReadsMatrix")
  void roleOnStaffReadGetsRocketChatsAnswer(Role role, String endpoint, Answer expected) {
    Fixture fixture = fixture();
    String rid = fixture.rid();
    String token = system.findOne(Collections.VISITORS, new JsonObject().put("_id", fixture.visitorId()))
        .getString("token");
    StoreSnapshot before = StoreSnapshot.take(system);

    Api.Response response = switch (endpoint) {
      case SUBSCRIPTION_GET_ONE -> api.get("subscriptions.getOne?roomId=" + rid, headers.get(role));
      case ROOM_JOIN -> api.get("livechat/room.join?roomId=" + rid, headers.get(role));
      case ROOM_MESSAGES -> api.get("livechat/" + rid + "/messages", headers.get(role));
      default -> api.post("livechat/messages", headers.get(role), new JsonObject()
          .put("visitor", new JsonObject().put("token", token))
          .put("messages", new JsonArray().add(new JsonObject().put("msg", "matrix"))));
    };

    boolean writes = ROOM_JOIN.equals(endpoint) || MESSAGES_IMPORT.equals(endpoint);
    assertAnswered(response, expected, before, "writes besides the room, its messages and subscriptions, its visitor",
        change -> writes && fixture.mayChange(change));
  }

  static Stream<Arguments> visitorViewsMatrix() {
    return Stream.of(
        visitorViewsRow(Role.NO_USER, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT),
        visitorViewsRow(Role.BAD_TOKEN, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT),
        visitorViewsRow(Role.USER, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
        visitorViewsRow(Role.AGENT_SERVING, OK, OK, OK, OK, OK),
        visitorViewsRow(Role.AGENT_NOT_SERVING, OK, NOT_ALLOWED, NOT_ALLOWED, OK, OK),
        visitorViewsRow(Role.MANAGER, OK, OK, OK, OK, OK),
        visitorViewsRow(Role.ADMIN, OK, OK, OK, OK, OK))
        .flatMap(row -> row);
  }

  /** @return one role's answers on the five livechat/visitors.* views */
  private static Stream<Arguments> visitorViewsRow(Role role, Answer pages, Answer history, Answer searchChats,
                                                   Answer autocomplete, Answer search) {
    return Stream.of(arguments(role, PAGES_VISITED, pages), arguments(role, CHAT_HISTORY, history),
        arguments(role, SEARCH_CHATS, searchChats), arguments(role, AUTOCOMPLETE, autocomplete),
        arguments(role, VISITORS_SEARCH, search));
  }

  @ParameterizedTest(name = "{0} on {1} answers {2}")
  @MethodSource("visitorViewsMatrix")
  void roleOnVisitorViewGetsRocketChatsAnswer(Role role, String endpoint, Answer expected) {
    Fixture fixture = fixture();
    String rid = fixture.rid();
    String from = "/room/" + rid + "/visitor/" + fixture.visitorId();
    StoreSnapshot before = StoreSnapshot.take(system);

    Api.Response response = api.get(switch (endpoint) {
      case PAGES_VISITED -> "livechat/visitors.pagesVisited/" + rid;
      case CHAT_HISTORY -> "livechat/visitors.chatHistory" + from;
      case SEARCH_CHATS -> "livechat/visitors.searchChats" + from;
      case AUTOCOMPLETE -> "livechat/visitors.autocomplete?selector=%7B%22term%22%3A%22M%22%7D";
      default -> "livechat/visitors.search?term=matrix";
    }, headers.get(role));

    assertAnswered(response, expected, before, "a read writes nothing", change -> false);
  }

  /** @return a queued inquiry of a new unserved room, written as Rocket.Chat stores them under Manual_Selection */
  private static JsonObject queuedInquiry() {
    String rid = "matrix-room-" + UUID.randomUUID();
    JsonObject v = new JsonObject().put("_id", "matrix-visitor-" + rid).put("username", "guest-matrix")
        .put("token", TestSystem.randomToken()).put("status", "online");
    system.mongo().insert(Collections.ROOMS, new JsonObject().put("_id", rid).put("t", "l").put("open", true)
        .put("fname", "Matrix visitor").put("msgs", 0).put("usersCount", 1).put("v", v).put("ts", MongoDocs.now())
        .put("_updatedAt", MongoDocs.now())).await();
    JsonObject inquiry = new JsonObject().put("_id", "matrix-inquiry-" + rid).put("rid", rid)
        .put("name", "Matrix visitor").put("status", "queued").put("v", v).put("t", "l").put("ts", MongoDocs.now())
        .put("_updatedAt", MongoDocs.now());
    system.mongo().insert(Collections.INQUIRIES, inquiry).await();
    return inquiry;
  }

  /**
   * Asserts Rocket.Chat's answer and what the call wrote: an allowed call succeeds and writes only documents
   * {@code mayChange} accepts; a refused one answers the expected body and writes nothing.
   */
  private static void assertAnswered(Api.Response response, Answer expected, StoreSnapshot before, String allowed,
                                     Predicate<StoreSnapshot.Change> mayChange) {
    assertThat(response.status()).as(response.body()).isEqualTo(expected.status);
    List<StoreSnapshot.Change> changes = StoreSnapshot.take(system).changesSince(before);
    if (expected == OK) {
      assertThat(response.json().getBoolean("success")).isTrue();
      assertThat(changes).as(allowed).allMatch(mayChange);
    } else {
      assertThat(response.json()).isEqualTo(expected.body);
      assertThat(changes).as("a refused call writes nothing").isEmpty();
    }
  }

  /**
   * @return one role's answers on room.visitor, room.saveInfo, visitors.info, visitor.info, chat.sendMessage and
   *     room.closeByUser
   */
  private static Stream<Arguments> row(Role role, Answer roomVisitor, Answer saveInfo, Answer visitorsInfo,
                                       Answer visitorInfo, Answer sendMessage, Answer closeByUser) {
    return Stream.of(arguments(role, ROOM_VISITOR, roomVisitor), arguments(role, SAVE_INFO, saveInfo),
        arguments(role, VISITORS_INFO, visitorsInfo), arguments(role, VISITOR_INFO, visitorInfo),
        arguments(role, SEND_MESSAGE, sendMessage), arguments(role, CLOSE_BY_USER, closeByUser));
  }

  @ParameterizedTest(name = "{0} on {1} answers {2}")
  @MethodSource("matrix")
  void roleOnEndpointGetsRocketChatsAnswer(Role role, String endpoint, Answer expected) {
    Fixture fixture = fixture();
    StoreSnapshot before = StoreSnapshot.take(system);

    Api.Response response = call(endpoint, headers.get(role), fixture);

    assertThat(response.status()).as(response.body()).isEqualTo(expected.status);
    assertThat(response.contentType()).isEqualTo("application/json");
    List<StoreSnapshot.Change> changes = StoreSnapshot.take(system).changesSince(before);
    if (expected == OK) {
      assertSucceeded(endpoint, response.json(), fixture);
      assertThat(changes).as("writes outside the room and its visitors")
          .allMatch(change -> fixture.mayChange(change));
    } else {
      assertThat(response.json()).isEqualTo(expected.body);
      assertThat(changes).as("a refused call writes nothing").isEmpty();
    }
  }

  static Stream<Arguments> accountMatrix() {
    return Stream.of(Role.values()).flatMap(role -> Stream.of(ME, SET_STATUS, LOGOUT).map(endpoint ->
        arguments(role, endpoint, role == Role.NO_USER || role == Role.BAD_TOKEN ? LOGGED_OUT : OK)));
  }

  /**
   * The caller's own account endpoints need a session and no permission: without one they answer 401 and write
   * nothing; with one {@code me} writes nothing, {@code users.setStatus} only the caller's user and {@code logout}
   * only the caller's login tokens (a fresh session of the caller, so the role keeps its own).
   */
  @ParameterizedTest(name = "{0} on {1} answers {2}")
  @MethodSource("accountMatrix")
  void roleOnAccountEndpointGetsRocketChatsAnswer(Role role, String endpoint, Answer expected) {
    Map<String, String> caller = LOGOUT.equals(endpoint) && expected == OK ? freshSession(role) : headers.get(role);
    StoreSnapshot before = StoreSnapshot.take(system);

    Api.Response response = switch (endpoint) {
      case ME -> api.get("me", caller);
      case SET_STATUS -> api.post("users.setStatus", caller, new JsonObject().put("message", "matrix"));
      default -> api.post("logout", caller, null);
    };

    assertThat(response.status()).as(response.body()).isEqualTo(expected.status);
    assertThat(response.contentType()).isEqualTo("application/json");
    List<StoreSnapshot.Change> changes = StoreSnapshot.take(system).changesSince(before);
    if (expected == OK) {
      assertThat(response.json().getBoolean("success")).isTrue();
      assertThat(changes).as("writes outside the caller's user").allMatch(change ->
          Collections.USERS.equals(change.collection()) && change.id().equals(caller.get("X-User-Id")));
      assertThat(changes).hasSize(ME.equals(endpoint) ? 0 : 1);
    } else {
      assertThat(response.json()).isEqualTo(expected.body);
      assertThat(changes).as("a refused call writes nothing").isEmpty();
    }
  }

  /** @return a second session of the role's user, whose login token logout may end */
  private static Map<String, String> freshSession(Role role) {
    String userId = headers.get(role).get("X-User-Id");
    String token = "matrix-" + UUID.randomUUID();
    system.mongo().updateCollection(Collections.USERS, new JsonObject().put("_id", userId),
        new JsonObject().put("$push", new JsonObject().put("services.resume.loginTokens", new JsonObject()
            .put("when", MongoDocs.now()).put("hashedToken", Authenticator.hashLoginToken(token))))).await();
    return Map.of("X-User-Id", userId, "X-Auth-Token", token);
  }

  private static Api.Response call(String endpoint, Map<String, String> caller, Fixture fixture) {
    return switch (endpoint) {
      case ROOM_VISITOR -> api.put("livechat/room.visitor", caller, new JsonObject().put("rid", fixture.rid())
          .put("oldVisitorId", fixture.visitorId()).put("newVisitorId", fixture.otherVisitorId()));
      case SAVE_INFO -> api.post("livechat/room.saveInfo", caller, Visitors.saveInfo(
          new JsonObject().put("_id", fixture.visitorId()),
          new JsonObject().put("_id", fixture.rid()).put("topic", "matrix topic")));
      case VISITORS_INFO -> api.get("livechat/visitors.info?visitorId=" + fixture.visitorId(), caller);
      case VISITOR_INFO -> api.get("livechat/visitor.info?visitorId=" + fixture.visitorId(), caller);
      case SEND_MESSAGE -> api.post("chat.sendMessage", caller,
          new JsonObject().put("message", new JsonObject().put("rid", fixture.rid()).put("msg", "matrix")));
      case CLOSE_BY_USER -> api.post("livechat/room.closeByUser", caller,
          new JsonObject().put("rid", fixture.rid()).put("comment", "matrix"));
      default -> throw new IllegalArgumentException(endpoint);
    };
  }

  private static void assertSucceeded(String endpoint, JsonObject body, Fixture fixture) {
    switch (endpoint) {
      case ROOM_VISITOR -> {
        assertThat(body.getBoolean("success")).isTrue();
        assertThat(body.getJsonObject("room").getJsonObject("v").getString("_id")).isEqualTo(fixture.otherVisitorId());
      }
      case SAVE_INFO -> {
        assertThat(body).isEqualTo(new JsonObject().put("success", true));
        assertThat(system.findOne(Collections.ROOMS, new JsonObject().put("_id", fixture.rid())).getString("topic"))
            .isEqualTo("matrix topic");
      }
      case SEND_MESSAGE -> assertThat(body.getJsonObject("message").getString("rid")).isEqualTo(fixture.rid());
      case CLOSE_BY_USER -> {
        assertThat(body).isEqualTo(new JsonObject().put("success", true));
        assertThat(system.findOne(Collections.ROOMS, new JsonObject().put("_id", fixture.rid())).containsKey("open"))
            .isFalse();
      }
      default -> {
        assertThat(body.getBoolean("success")).isTrue();
        assertThat(body.getJsonObject("visitor").getString("_id")).isEqualTo(fixture.visitorId());
      }
    }
  }

  /** Two new visitors and a room of the first, served by the serving agent, with every event applied. */
  private static Fixture fixture() {
    JsonObject visitor = visitors.create();
    JsonObject other = visitors.create();
    String rid = system.servedRoom(visitor, servingAgentId);
    return new Fixture(rid, visitor.getString("_id"), other.getString("_id"));
  }

  /**
   * One case's documents.
   *
   * @param rid            the room, served by the serving agent
   * @param visitorId      the room's visitor
   * @param otherVisitorId the visitor room.visitor moves the room to
   */
  private record Fixture(String rid, String visitorId, String otherVisitorId) {

    /** @return whether an allowed call may have written this document */
    boolean mayChange(StoreSnapshot.Change change) {
      return switch (change.collection()) {
        case Collections.ROOMS -> change.id().equals(rid);
        case Collections.INQUIRIES, Collections.SUBSCRIPTIONS, Collections.MESSAGES -> rid.equals(change.field("rid"));
        case Collections.VISITORS -> Set.of(visitorId, otherVisitorId).contains(change.id());
        default -> false;
      };
    }
  }
}
