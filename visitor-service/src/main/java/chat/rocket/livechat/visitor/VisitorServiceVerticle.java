package chat.rocket.livechat.visitor;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ConsumerGroups;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.kafka.CommandHandler;
import chat.rocket.livechat.platform.kafka.CommandLoop;
import chat.rocket.livechat.platform.kafka.EventSubscriber;
import chat.rocket.livechat.platform.kafka.InProcessCommands;
import chat.rocket.livechat.platform.kafka.Outbox;
import chat.rocket.livechat.platform.kafka.OutboxSweep;
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
 * indexes, then reports started once both consumer groups assigned it partitions, and sweeps the visitors' outbox
 * every {@code OUTBOX_SWEEP_MS} for events a dead instance left unpublished.
 */
public final class VisitorServiceVerticle extends VerticleBase {

  private ServiceClients clients;
  private CommandLoop commands;
  private EventSubscriber roomEvents;
  private OutboxSweep sweep;

  @Override
  public Future<?> start() {
    clients = ServiceClients.create(vertx, config());
    VisitorRepository visitors = new VisitorRepository(clients.mongo());
    Outbox outbox = new Outbox(config(), clients.mongo(), Collections.VISITORS, "visitor", clients.events());
    sweep = new OutboxSweep(vertx, config(), outbox);
    VisitorEvents events = new VisitorEvents(outbox);
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
            Topics.deadLetter(Topics.VISITOR_COMMANDS), Topics.ROOM_EVENTS))
        .compose(v -> Future.all(visitors.ensureIndexes(), sweep.ensureIndex()))
        .compose(v -> Future.all(commands.start(), roomEvents.start()))
        .onSuccess(v -> sweep.start())
        .compose(v -> ConfigKey.BENCH_ROUTES.getBoolean(config())
            ? InProcessCommands.register(vertx, handlers) : Future.succeededFuture());
  }

  @Override
  public Future<?> stop() {
    sweep.stop();
    return Future.join(commands.stop(), roomEvents.stop()).eventually(clients::close);
  }
}
