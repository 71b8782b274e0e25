package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ConsumerGroups;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.kafka.Outbox;
import chat.rocket.livechat.platform.runtime.ServiceClients;
import chat.rocket.livechat.platform.runtime.ServiceDefinition;
import chat.rocket.livechat.platform.runtime.ServiceVerticle;
import io.vertx.core.Future;
import java.util.Map;

/**
 * The room-service: one member of consumer group {@code room-service} on {@link Topics#ROOM_COMMANDS}, executing
 * {@code room.get-or-create}, {@code room.change-visitor}, {@code room.check-save-info} and {@code room.save-info}
 * (DESIGN.md, Request flows), the conversation's commands ({@code room.send-message}, {@code room.message-history},
 * {@code room.get|update|delete-message}, {@code room.close}, {@code room.page-visited}; DESIGN.md, Conversation and
 * realtime) and {@code room.check-access} (a DDP subscription's authorization), and a subscriber to
 * {@code visitor.registered} events that renames the visitor's open room (spec §7.1). It publishes on
 * {@link Topics#ROOM_EVENTS}; start and stop follow {@link ServiceVerticle}.
 */
public final class RoomServiceVerticle extends ServiceVerticle {

  @Override
  public ServiceDefinition define(ServiceClients clients) {
    RoomRepository rooms = new RoomRepository(clients.mongo());
    Outbox outbox = new Outbox(clients.config(), clients.mongo(), Collections.ROOMS, "room", clients.events());
    RoomEvents events = new RoomEvents(outbox);
    RoomVisitors visitors = new RoomVisitors(clients.mongo());
    GetOrCreateRoom getOrCreate = new GetOrCreateRoom(rooms, visitors, clients.settings(), clients.users(),
        new AgentRouter(rooms, clients.users()), events);
    RoomAccess access = new RoomAccess(rooms, clients.permissions());
    ChangeRoomVisitor changeVisitor = new ChangeRoomVisitor(rooms, visitors, clients.users(), access, events);
    CheckRoomAccess checkAccess = new CheckRoomAccess(rooms, access, clients.permissions());
    SaveRoomInfo saveInfo = new SaveRoomInfo(rooms, clients.permissions(), clients.customFields(), events);
    RenameOpenRooms rename = new RenameOpenRooms(rooms, clients.mongo(), events);
    MessageRepository messages = new MessageRepository(clients.mongo());
    VisitorRoomLookup lookup = new VisitorRoomLookup(visitors, rooms);
    SendMessage send = new SendMessage(lookup, rooms, messages, access,
        clients.users(), clients.settings(), events);
    EditMessage edit = new EditMessage(lookup, rooms, messages, clients.settings(), events);
    CloseRoom close = new CloseRoom(lookup, rooms, messages, clients.settings(), clients.permissions(), events);
    PageVisited pageVisited = new PageVisited(rooms, messages, clients.users(), clients.settings(), events);
    return new ServiceDefinition(
        new ServiceDefinition.Commands(Topics.ROOM_COMMANDS, ConsumerGroups.ROOM_SERVICE, Map.ofEntries(
            Map.entry(CommandType.ROOM_GET_OR_CREATE, getOrCreate::handle),
            Map.entry(CommandType.ROOM_CHANGE_VISITOR, changeVisitor::handle),
            Map.entry(CommandType.ROOM_CHECK_SAVE_INFO, saveInfo::check),
            Map.entry(CommandType.ROOM_SAVE_INFO, saveInfo::save),
            Map.entry(CommandType.MESSAGE_SEND, send::handle),
            Map.entry(CommandType.MESSAGE_HISTORY, new MessageHistory(lookup, messages)::handle),
            Map.entry(CommandType.MESSAGE_GET, edit::get),
            Map.entry(CommandType.MESSAGE_UPDATE, edit::update),
            Map.entry(CommandType.MESSAGE_DELETE, edit::delete),
            Map.entry(CommandType.ROOM_CLOSE, close::handle),
            Map.entry(CommandType.ROOM_PAGE_VISITED, pageVisited::handle),
            Map.entry(CommandType.ROOM_CHECK_ACCESS, checkAccess::handle))),
        new ServiceDefinition.Subscription(Topics.VISITOR_EVENTS, ConsumerGroups.ROOM_SERVICE_VISITOR_EVENTS,
            Map.of(EventType.VISITOR_REGISTERED, rename::handle)),
        Topics.ROOM_EVENTS, () -> Future.all(rooms.ensureIndexes(), messages.ensureIndexes()).mapEmpty(), outbox);
  }
}
