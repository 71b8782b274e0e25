package chat.rocket.livechat.room;

import static chat.rocket.livechat.testkit.FutureAwait.await;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.platform.rocketchat.CustomFields;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.rocketchat.Permissions;
import chat.rocket.livechat.platform.rocketchat.Settings;
import chat.rocket.livechat.platform.rocketchat.Users;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.testkit.HandlerFixture;
import chat.rocket.livechat.testkit.MemoryStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * The room-service's handlers wired as {@link RoomServiceVerticle} wires them, on a fresh database of a
 * {@link MemoryStore}, with an outbox that records what it publishes instead of sending it to Kafka
 * ({@link HandlerFixture}). Also writes the room-side Rocket.Chat documents a test needs (users, visitors, rooms) in
 * their stored shapes (spec §2). The one place that calls the handlers' constructors.
 */
final class RoomFixture extends HandlerFixture {

  /** Entries of the fixture's read model live a minute, so that a test sees what it holds. */
  static final long READ_MODEL_TTL_MS = 60_000;
  static final long READ_MODEL_ENTRIES = 1_000;
  final RoomRepository rooms;
  final RoomReadModel readModel;
  final AgentRouter router;
  final OpenRooms openRooms;
  final GetOrCreateRoom getOrCreate;
  final ChangeRoomVisitor changeVisitor;
  final SaveRoomInfo saveInfo;
  final RenameOpenRooms rename;
  final SendMessage send;
  final MessageHistory history;
  final EditMessage edit;
  final CloseRoom close;
  final PageVisited pageVisited;
  final CheckRoomAccess checkAccess;
  final RoomInfo roomInfo;
  final RoomList roomList;
  final WidgetConfig widgetConfig;
  final AgentInfo agentInfo;
  final RequestTranscript transcript;
  final RoomCustomFields customFields;
  final RoomVisitorStatus visitorStatus;
  final InquiryByRoom inquiryByRoom;
  final TakeInquiry takeInquiry;
  final LicenseUsage licenseUsage;
  final SubscriptionByRoom subscriptionByRoom;
  final JoinRoom joinRoom;
  final RoomMessages roomMessages;
  final VisitorChats visitorChats;

  RoomFixture(MemoryStore store) {
    this(store, MemoryStore.serviceConfig());
  }

  /** @param config the service config ({@link ConfigKey#OPEN_ROOM_PROOF} etc.) */
  RoomFixture(MemoryStore store, JsonObject config) {
    super(store, "room");
    Vertx vertx = vertx();
    rooms = new RoomRepository(mongo);
    RoomVisitors visitors = new RoomVisitors(mongo);
    readModel = new RoomReadModel(rooms, visitors, Long.toString(READ_MODEL_TTL_MS), 0, READ_MODEL_ENTRIES);
    rooms.afterWrite(readModel::forget);
    RoomEvents events = new RoomEvents(outbox(Collections.ROOMS));
    Settings settings = new Settings(vertx, mongo, config);
    Permissions permissions = new Permissions(vertx, mongo, config);
    Users users = new Users(mongo);
    router = new AgentRouter(rooms, users);
    openRooms = new OpenRooms(mongo, rooms, visitors, config);
    openRooms.useStore(false);
    getOrCreate = new GetOrCreateRoom(rooms, visitors, openRooms, new RoomCreation(rooms, visitors, openRooms,
        new RoomCreation.Services(settings, users, router, events)), readModel);
    RoomAccess access = new RoomAccess(rooms, permissions);
    changeVisitor = new ChangeRoomVisitor(rooms, openRooms, visitors, users, access, events);
    saveInfo = new SaveRoomInfo(rooms, permissions, new CustomFields(vertx, mongo, config), events);
    rename = new RenameOpenRooms(rooms, openRooms, mongo, events);
    MessageRepository messages = new MessageRepository(mongo);
    await(messages.ensureIndexes(false));
    VisitorRoomLookup lookup = new VisitorRoomLookup(visitors, rooms);
    send = new SendMessage(lookup, rooms, messages, new RoomAccess(rooms, permissions), users, settings, events,
        readModel);
    history = new MessageHistory(lookup, messages);
    edit = new EditMessage(lookup, rooms, messages, settings, events);
    close = new CloseRoom(lookup, rooms, settings, permissions, new RoomClosing(rooms, messages, settings, events));
    pageVisited = new PageVisited(rooms, messages, users, settings, events);
    checkAccess = new CheckRoomAccess(rooms, access, permissions);
    roomInfo = new RoomInfo(rooms, access);
    roomList = new RoomList(mongo);
    AgentProfiles agents = new AgentProfiles(mongo, settings);
    widgetConfig = new WidgetConfig(new WidgetSettings(vertx, ConfigKey.CACHE_TTL_MS.getLong(config), settings,
        new WidgetAvailability(mongo, settings)), openRooms, mongo, agents);
    agentInfo = new AgentInfo(rooms, openRooms, visitors, router, settings, agents);
    transcript = new RequestTranscript(rooms, visitors, events);
    customFields = new RoomCustomFields(rooms, openRooms, events);
    visitorStatus = new RoomVisitorStatus(rooms, openRooms, mongo, events);
    InquiryRepository inquiries = new InquiryRepository(mongo);
    inquiryByRoom = new InquiryByRoom(inquiries);
    takeInquiry = new TakeInquiry(inquiries, rooms, users, agents, events);
    licenseUsage = new LicenseUsage(mongo);
    SubscriptionRepository subscriptions = new SubscriptionRepository(mongo);
    subscriptionByRoom = new SubscriptionByRoom(subscriptions);
    joinRoom = new JoinRoom(rooms, subscriptions, messages, access, users, events);
    roomMessages = new RoomMessages(rooms, access, mongo);
    visitorChats = new VisitorChats(rooms, access, mongo);
  }

  /** @return an inserted enabled visitor {@code {_id, token, username, name, status: online}} */
  JsonObject visitor(String name) {
    String id = "visitor-" + UUID.randomUUID();
    JsonObject visitor = new JsonObject().put("_id", id).put("token", "token-" + id)
        .put("username", "guest-" + id.substring(8, 14)).put("name", name).put("status", "online")
        .put("ts", MongoDocs.now()).put("_updatedAt", MongoDocs.now());
    return insert(Collections.VISITORS, visitor);
  }

  /**
   * @param status         presence ({@code online}, {@code away}, {@code offline})
   * @param statusLivechat {@code available} or {@code not-available}
   * @return an inserted livechat agent user
   */
  JsonObject agent(String username, String status, String statusLivechat) {
    JsonObject agent = new JsonObject().put("_id", "agent-" + username).put("username", username)
        .put("name", "Agent " + username).put("type", "user").put("active", true).put("status", status)
        .put("statusLivechat", statusLivechat).put("roles", new JsonArray().add("user").add(Users.AGENT_ROLE));
    return insert(Collections.USERS, agent);
  }

  /**
   * @return an inserted open livechat room of the visitor, unserved, written as Rocket.Chat writes one: the room,
   *     then the visitor's {@code lastChat} naming it (its {@code livechat.newRoom} callback)
   */
  JsonObject openRoom(JsonObject visitor) {
    JsonObject room = roomWithoutLastChat(visitor);
    await(mongo.updateCollection(Collections.VISITORS, new JsonObject().put("_id", visitor.getString("_id")),
        new JsonObject().put("$set", new JsonObject().put("lastChat",
            new JsonObject().put("_id", room.getString("_id")).put("ts", MongoDocs.now())))));
    return room;
  }

  /** @return an inserted open livechat room of the visitor, unserved, that its {@code lastChat} does not name */
  JsonObject roomWithoutLastChat(JsonObject visitor) {
    JsonObject v = new JsonObject().put("_id", visitor.getString("_id"))
        .put("username", visitor.getString("username")).put("token", visitor.getString("token"))
        .put("status", "online");
    JsonObject room = new JsonObject().put("_id", "room-" + UUID.randomUUID()).put("t", "l").put("open", true)
        .put("fname", visitor.getString("name")).put("msgs", 0).put("usersCount", 1).put("v", v)
        .put("ts", MongoDocs.now()).put("_updatedAt", MongoDocs.now());
    return insert(Collections.ROOMS, room);
  }

  /** {@code $set}s {@code fields} on the visitor. */
  void updateVisitor(JsonObject visitor, JsonObject fields) {
    await(mongo.updateCollection(Collections.VISITORS, new JsonObject().put("_id", visitor.getString("_id")),
        new JsonObject().put("$set", fields)));
  }

  /** @return the room after {@code $set}ting {@code fields} on it */
  JsonObject updateRoom(JsonObject room, JsonObject fields) {
    await(mongo.updateCollection(Collections.ROOMS, new JsonObject().put("_id", room.getString("_id")),
        new JsonObject().put("$set", fields)));
    return findOne(Collections.ROOMS, new JsonObject().put("_id", room.getString("_id")));
  }

  /** @return the reply of {@code room.get-or-create} with that body, called without a caller (the widget's call) */
  Future<JsonObject> getOrCreate(JsonObject body) {
    return getOrCreate.handle(command(CommandType.ROOM_GET_OR_CREATE, null, body));
  }

  /**
   * @return {@code room.get-or-create} of a second room-service instance on the same database: its own handler,
   *     repositories, caches and outbox (recording into {@link #published}), nothing shared in memory with
   *     {@link #getOrCreate}
   */
  GetOrCreateRoom secondInstance() {
    JsonObject config = MemoryStore.serviceConfig();
    RoomRepository rooms = new RoomRepository(mongo);
    RoomVisitors visitors = new RoomVisitors(mongo);
    OpenRooms open = new OpenRooms(mongo, rooms, visitors, config);
    open.useStore(false);
    Users users = new Users(mongo);
    return new GetOrCreateRoom(rooms, visitors, open, new RoomCreation(rooms, visitors, open,
        new RoomCreation.Services(new Settings(vertx(), mongo, config), users, new AgentRouter(rooms, users),
            new RoomEvents(outbox(Collections.ROOMS)))), new RoomReadModel(rooms, visitors, "0", 0, 0));
  }

  /** @return the reply of {@code room.get-or-create} by {@code instance}, called without a caller */
  static Future<JsonObject> getOrCreate(GetOrCreateRoom instance, JsonObject body) {
    return instance.handle(command(CommandType.ROOM_GET_OR_CREATE, null, body));
  }

  /** @return the widget's {@code room.get-or-create} body for the visitor: its token and source {@code api} */
  static JsonObject body(JsonObject visitor) {
    return new JsonObject().put("token", visitor.getString("token")).put("source", new JsonObject().put("type", "api"));
  }

  /** @return how many rooms the database holds */
  long rooms() {
    return find(Collections.ROOMS, new JsonObject()).size();
  }
}
