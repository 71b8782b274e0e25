package chat.rocket.livechat.visitor;

import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ConsumerGroups;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.CommandHandler;
import chat.rocket.livechat.platform.CommandLoop;
import chat.rocket.livechat.platform.ServiceClients;
import chat.rocket.livechat.platform.TopicSetup;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.List;
import java.util.Map;

/**
 * The visitor-service's command consumer: one member of consumer group {@code visitor-service} on
 * {@link Topics#VISITOR_COMMANDS}, executing {@code visitor.register}, {@code visitor.get-by-id},
 * {@code visitor.get-by-token}, {@code visitor.check-guest} and {@code visitor.save-guest} (DESIGN.md). It ensures its
 * topics and indexes, then reports started once the group assigned it partitions.
 */
public final class VisitorServiceVerticle extends VerticleBase {

  private ServiceClients clients;
  private CommandLoop commands;

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
    return TopicSetup.ensure(vertx, config(),
            List.of(Topics.VISITOR_COMMANDS, Topics.VISITOR_EVENTS, Topics.deadLetter(Topics.VISITOR_COMMANDS)))
        .compose(v -> visitors.ensureIndexes())
        .compose(v -> commands.start());
  }

  @Override
  public Future<?> stop() {
    return commands.stop().eventually(clients::close);
  }
}
