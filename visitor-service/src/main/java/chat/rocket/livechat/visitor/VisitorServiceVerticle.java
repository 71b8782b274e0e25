package chat.rocket.livechat.visitor;

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
 * The visitor-service's command consumer: one member of consumer group {@code visitor-service} on
 * {@link Topics#VISITOR_COMMANDS}, executing {@code visitor.register}, {@code visitor.get-by-id},
 * {@code visitor.get-by-token}, {@code visitor.check-guest} and {@code visitor.save-guest} (DESIGN.md), and a
 * subscriber to {@code room.created} events that records the visitor's {@code lastChat}. It ensures its topics and
 * indexes, then reports started once both consumer groups assigned it partitions.
 */
public final class VisitorServiceVerticle extends VerticleBase {

  private ServiceClients clients;
  private CommandLoop commands;
  private EventSubscriber roomEvents;

  @Override
  public Future<?> start() {
    clients = ServiceClients.create(vertx, config());
    VisitorRepository visitors = new VisitorRepository(clients.mongo());
    VisitorEvents events = new VisitorEvents(clients.events());
    FindVisitor find = new FindVisitor(visitors);
    RegisterVisitor register = new RegisterVisitor(visitors, clients, events);
    SaveGuest saveGuest = new SaveGuest(visitors, clients.permissions(), clients.customFields(), events);
    Map<CommandType, CommandHandler> handlers = Map.of(
        CommandType.VISITOR_REGISTER, register::handle,
        CommandType.VISITOR_GET_BY_ID, find::byId,
        CommandType.VISITOR_GET_BY_TOKEN, find::byToken,
        CommandType.VISITOR_CHECK_GUEST, saveGuest::check,
        CommandType.VISITOR_SAVE_GUEST, saveGuest::save);
    commands = new CommandLoop(vertx, config(), Topics.VISITOR_COMMANDS, ConsumerGroups.VISITOR_SERVICE, handlers,
        clients.producer());
    RecordLastChat lastChat = new RecordLastChat(visitors, events);
    roomEvents = new EventSubscriber(vertx, config(), Topics.ROOM_EVENTS, ConsumerGroups.VISITOR_SERVICE_ROOM_EVENTS,
        Map.of(EventType.ROOM_CREATED, lastChat::handle));
    return TopicSetup.ensure(vertx, config(), List.of(Topics.VISITOR_COMMANDS, Topics.VISITOR_EVENTS,
            Topics.deadLetter(Topics.VISITOR_COMMANDS), Topics.ROOM_EVENTS, Topics.deadLetter(Topics.ROOM_EVENTS)))
        .compose(v -> visitors.ensureIndexes())
        .compose(v -> Future.all(commands.start(), roomEvents.start()))
        .compose(v -> ConfigKey.BENCH_ROUTES.getBoolean(config())
            ? InProcessCommands.register(vertx, handlers) : Future.succeededFuture());
  }

  @Override
  public Future<?> stop() {
    return Future.join(commands.stop(), roomEvents.stop()).eventually(clients::close);
  }
}
