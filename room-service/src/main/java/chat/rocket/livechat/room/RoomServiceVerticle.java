package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ConsumerGroups;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.kafka.CacheInvalidationVerticle;
import chat.rocket.livechat.platform.kafka.CommandHandler;
import chat.rocket.livechat.platform.kafka.EventSink;
import chat.rocket.livechat.platform.kafka.Outbox;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.platform.runtime.ServiceClients;
import chat.rocket.livechat.platform.runtime.ServiceDefinition;
import chat.rocket.livechat.platform.runtime.ServiceVerticle;
import java.util.List;
import java.util.Map;

/**
 * The room-service: one member of consumer group {@code room-service} on {@link Topics#ROOM_COMMANDS}, executing
 * {@code room.get-or-create}, {@code room.change-visitor}, {@code room.check-save-info} and {@code room.save-info}
 * (DESIGN.md, Request flows); the conversation's commands ({@code room.send-message}, {@code room.message-history},
 * {@code room.get|update|delete-message}, {@code room.close}, {@code room.page-visited}) and the widget's
 * ({@code room.widget-config}, {@code room.agent-info}, {@code room.next-agent}, {@code room.request-transcript},
 * {@code room.set-custom-fields}; DESIGN.md, Conversation and realtime); {@code room.check-access} (a DDP
 * subscription's authorization), {@code room.info} ({@code channels.info}) and
 * {@code room.list} / {@code room.filters} ({@code livechat/rooms}). It subscribes to
 * {@code visitor.registered} events, which rename the visitor's open room (spec §7.1), and {@code visitor.updated}
 * events, which show a new visitor status on it. It publishes on {@link Topics#ROOM_EVENTS}; start and stop follow
 * {@link ServiceVerticle}. Its {@link RoomReadModel} holds the open rooms of its partitions: dropped when partitions
 * leave, and per room by the room and visitor events a companion {@link CacheInvalidationVerticle} reads.
 *
 * <p>Also the inquiries' {@code inquiry.get-by-room} and {@code inquiry.take}, {@code license.usage}
 * ({@code licenses.info}), and the staff's {@code subscription.get} ({@code subscriptions.getOne}),
 * {@code room.join} ({@code livechat/room.join}), {@code room.messages} ({@code livechat/:rid/messages}) and the
 * visitor views {@code room.pages-visited}, {@code room.chat-history} and {@code room.search-chats}
 * ({@code livechat/visitors.*}).
 */
public final class RoomServiceVerticle extends ServiceVerticle {

  @Override
  public ServiceDefinition define(ServiceClients clients) {
    RoomRepository rooms = new RoomRepository(clients.mongo());
    RoomVisitors visitors = new RoomVisitors(clients.mongo());
    RoomReadModel readModel = new RoomReadModel(rooms, visitors, ConfigKey.ROOM_CACHE_TTL_MS.get(clients.config()),
        ConfigKey.CACHE_TTL_MS.getLong(clients.config()), ConfigKey.ROOM_CACHE_ENTRIES.getLong(clients.config()));
    rooms.afterWrite(readModel::forget);
    EventSink publisher = clients.events();
    Outbox outbox = new Outbox(clients.config(), clients.mongo(), Collections.ROOMS, "room",
        (type, id, time, subject, data) -> {
          readModel.published(id);
          return publisher.publish(type, id, time, subject, data);
        });
    RoomEvents events = new RoomEvents(outbox);
    OpenRooms openRooms = new OpenRooms(clients.mongo(), rooms, visitors, clients.config());
    AgentRouter router = new AgentRouter(rooms, clients.users());
    GetOrCreateRoom getOrCreate = new GetOrCreateRoom(rooms, visitors, openRooms, new RoomCreation(rooms, visitors,
        openRooms, new RoomCreation.Services(clients.settings(), clients.users(), router, events)), readModel);
    RoomAccess access = new RoomAccess(rooms, clients.permissions());
    ChangeRoomVisitor changeVisitor = new ChangeRoomVisitor(rooms, openRooms, visitors, clients.users(), access,
        events);
    CheckRoomAccess checkAccess = new CheckRoomAccess(rooms, access, clients.permissions());
    RoomList roomList = new RoomList(clients.mongo());
    SaveRoomInfo saveInfo = new SaveRoomInfo(rooms, clients.permissions(), clients.customFields(), events);
    RenameOpenRooms rename = new RenameOpenRooms(rooms, openRooms, clients.mongo(), events);
    MessageRepository messages = new MessageRepository(clients.mongo());
    Conversation chat = conversation(clients, rooms, visitors, messages, access, events, readModel);
    Widget widget = widget(clients, rooms, openRooms, router, events);
    InquiryRepository inquiries = new InquiryRepository(clients.mongo());
    SubscriptionRepository subscriptions = new SubscriptionRepository(clients.mongo());
    VisitorChats visitorChats = new VisitorChats(rooms, access, clients.mongo());
    Map<CommandType, CommandHandler> handlers = Map.ofEntries(
        Map.entry(CommandType.ROOM_GET_OR_CREATE, getOrCreate::handle),
        Map.entry(CommandType.ROOM_CHANGE_VISITOR, changeVisitor::handle),
        Map.entry(CommandType.ROOM_CHECK_SAVE_INFO, saveInfo::check),
        Map.entry(CommandType.ROOM_SAVE_INFO, saveInfo::save),
        Map.entry(CommandType.MESSAGE_SEND, chat.send()::handle),
        Map.entry(CommandType.MESSAGE_HISTORY, chat.history()::handle),
        Map.entry(CommandType.MESSAGE_GET, chat.edit()::get),
        Map.entry(CommandType.MESSAGE_UPDATE, chat.edit()::update),
        Map.entry(CommandType.MESSAGE_DELETE, chat.edit()::delete),
        Map.entry(CommandType.ROOM_CLOSE, chat.close()::handle),
        Map.entry(CommandType.ROOM_PAGE_VISITED, chat.pageVisited()::handle),
        Map.entry(CommandType.ROOM_CHECK_ACCESS, checkAccess::handle),
        Map.entry(CommandType.ROOM_INFO, new RoomInfo(rooms, access)::handle),
        Map.entry(CommandType.ROOM_LIST, roomList::list),
        Map.entry(CommandType.ROOM_FILTERS, roomList::filters),
        Map.entry(CommandType.ROOM_WIDGET_CONFIG, widget.config()::handle),
        Map.entry(CommandType.ROOM_AGENT_INFO, widget.agentInfo()::ofRoom),
        Map.entry(CommandType.ROOM_NEXT_AGENT, widget.agentInfo()::next),
        Map.entry(CommandType.ROOM_REQUEST_TRANSCRIPT, widget.transcript()::handle),
        Map.entry(CommandType.ROOM_SET_CUSTOM_FIELDS, widget.customFields()::handle),
        Map.entry(CommandType.INQUIRY_GET, new InquiryByRoom(inquiries)::handle),
        Map.entry(CommandType.INQUIRY_TAKE, new TakeInquiry(inquiries, rooms, clients.users(),
            new AgentProfiles(clients.mongo(), clients.settings()), events)::handle),
        Map.entry(CommandType.LICENSE_USAGE, new LicenseUsage(clients.mongo())::handle),
        Map.entry(CommandType.SUBSCRIPTION_GET, new SubscriptionByRoom(subscriptions)::handle),
        Map.entry(CommandType.ROOM_JOIN, new JoinRoom(rooms, subscriptions, messages, access, clients.users(),
            events)::handle),
        Map.entry(CommandType.ROOM_MESSAGES, new RoomMessages(rooms, access, clients.mongo())::handle),
        Map.entry(CommandType.ROOM_PAGES_VISITED, visitorChats::pagesVisited),
        Map.entry(CommandType.ROOM_CHAT_HISTORY, visitorChats::chatHistory),
        Map.entry(CommandType.ROOM_SEARCH_CHATS, visitorChats::searchChats));
    return new ServiceDefinition(
        new ServiceDefinition.Commands(Topics.ROOM_COMMANDS, ConsumerGroups.ROOM_SERVICE, handlers, readModel::clear),
        new ServiceDefinition.Subscription(Topics.VISITOR_EVENTS, ConsumerGroups.ROOM_SERVICE_VISITOR_EVENTS,
            Map.of(EventType.VISITOR_REGISTERED, rename::handle,
                EventType.VISITOR_UPDATED,
                new RoomVisitorStatus(rooms, openRooms, clients.mongo(), events)::handle)),
        Topics.ROOM_EVENTS, () -> rooms.ensureIndexes()
            .onSuccess(openRooms::useStore).onSuccess(readModel::useStore)
            .compose(messages::ensureIndexes), outbox)
        .withCompanion(new CacheInvalidationVerticle("room-read-model",
            List.of(Topics.ROOM_EVENTS, Topics.VISITOR_EVENTS), readModel::onEvent));
  }

  /** The conversation's handlers: messages of {@code rocketchat_message}, closing, page visits. */
  private static Conversation conversation(ServiceClients clients, RoomRepository rooms, RoomVisitors visitors,
                                           MessageRepository messages, RoomAccess access, RoomEvents events,
                                           RoomReadModel readModel) {
    VisitorRoomLookup lookup = new VisitorRoomLookup(visitors, rooms);
    return new Conversation(
        new SendMessage(lookup, rooms, messages, access, clients.users(), clients.settings(), events, readModel),
        new MessageHistory(lookup, messages),
        new EditMessage(lookup, rooms, messages, clients.settings(), events),
        new CloseRoom(lookup, rooms, clients.settings(), clients.permissions(),
            new RoomClosing(rooms, messages, clients.settings(), events)),
        new PageVisited(rooms, messages, clients.users(), clients.settings(), events));
  }

  /** The widget's room handlers; the config's token-independent part is cached {@code CACHE_TTL_MS}. */
  private static Widget widget(ServiceClients clients, RoomRepository rooms, OpenRooms openRooms, AgentRouter router,
                               RoomEvents events) {
    RoomVisitors visitors = new RoomVisitors(clients.mongo());
    AgentProfiles agents = new AgentProfiles(clients.mongo(), clients.settings());
    WidgetSettings widgetSettings = new WidgetSettings(clients.vertx(),
        ConfigKey.CACHE_TTL_MS.getLong(clients.config()), clients.settings(),
        new WidgetAvailability(clients.mongo(), clients.settings()));
    return new Widget(new WidgetConfig(widgetSettings, openRooms, clients.mongo(), agents),
        new AgentInfo(rooms, openRooms, visitors, router, clients.settings(), agents),
        new RequestTranscript(rooms, visitors, events), new RoomCustomFields(rooms, openRooms, events));
  }

  /** The handlers of the conversation's commands. */
  private record Conversation(SendMessage send, MessageHistory history, EditMessage edit, CloseRoom close,
                              PageVisited pageVisited) {
  }

  /** The handlers of the widget's room commands. */
  private record Widget(WidgetConfig config, AgentInfo agentInfo, RequestTranscript transcript,
                        RoomCustomFields customFields) {
  }
}
