package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ConsumerGroups;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.kafka.CommandHandler;
import chat.rocket.livechat.platform.kafka.CommandLoop;
import chat.rocket.livechat.platform.kafka.EventSubscriber;
import chat.rocket.livechat.platform.kafka.InProcessCommands;
import chat.rocket.livechat.platform.kafka.TopicSetup;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.platform.runtime.ServiceClients;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.List;
import java.util.Map;

/**
 * The room-service's command consumer: one member of consumer group {@code room-service} on
 * {@link Topics#ROOM_COMMANDS}, executing {@code room.get-or-create}, {@code room.change-visitor},
 * {@code room.check-save-info} and {@code room.save-info} (DESIGN.md, Request flows), and a subscriber to
 * {@code visitor.registered} events that renames the visitor's open room (spec §7.1). It ensures its topics and
 * indexes, then reports started once both consumer groups assigned it partitions. {@code stop()} lets the batch in flight finish
 * and commit before the clients close.
 */
public final class RoomServiceVerticle extends VerticleBase {

  private ServiceClients clients;
  private CommandLoop commands;
  private EventSubscriber visitorEvents;

  @Override
  public Future<?> start() {
    clients = ServiceClients.create(vertx, config());
    RoomRepository rooms = new RoomRepository(clients.mongo());
    RoomEvents events = new RoomEvents(clients.events());
    RoomVisitors visitors = new RoomVisitors(clients.mongo());
    RoomAccess access = new RoomAccess(rooms, clients.permissions());
    GetOrCreateRoom getOrCreate = new GetOrCreateRoom(rooms, visitors, clients, new AgentRouter(rooms, clients.users()),
        events);
    ChangeRoomVisitor changeVisitor = new ChangeRoomVisitor(rooms, visitors, clients.users(), access, events);
    SaveRoomInfo saveInfo = new SaveRoomInfo(rooms, clients.permissions(), clients.customFields(), events);
    Map<CommandType, CommandHandler> handlers = Map.of(
        CommandType.ROOM_GET_OR_CREATE, getOrCreate::handle,
        CommandType.ROOM_CHANGE_VISITOR, changeVisitor::handle,
        CommandType.ROOM_CHECK_SAVE_INFO, saveInfo::check,
        CommandType.ROOM_SAVE_INFO, saveInfo::save);
    commands = new CommandLoop(vertx, config(), Topics.ROOM_COMMANDS, ConsumerGroups.ROOM_SERVICE, handlers,
        clients.producer());
    RenameOpenRooms rename = new RenameOpenRooms(rooms, clients.mongo(), events);
    visitorEvents = new EventSubscriber(vertx, config(), Topics.VISITOR_EVENTS,
        ConsumerGroups.ROOM_SERVICE_VISITOR_EVENTS, Map.of(EventType.VISITOR_REGISTERED, rename::handle));
    return TopicSetup.ensure(vertx, config(), List.of(Topics.ROOM_COMMANDS, Topics.ROOM_EVENTS,
            Topics.deadLetter(Topics.ROOM_COMMANDS), Topics.VISITOR_EVENTS, Topics.deadLetter(Topics.VISITOR_EVENTS)))
        .compose(v -> rooms.ensureIndexes())
        .compose(v -> Future.all(commands.start(), visitorEvents.start()))
        .compose(v -> ConfigKey.BENCH_ROUTES.getBoolean(config())
            ? InProcessCommands.register(vertx, handlers) : Future.succeededFuture());
  }

  @Override
  public Future<?> stop() {
    return Future.join(commands.stop(), visitorEvents.stop()).eventually(clients::close);
  }
}
