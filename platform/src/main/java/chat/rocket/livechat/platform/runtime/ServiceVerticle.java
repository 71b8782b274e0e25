package chat.rocket.livechat.platform.runtime;

import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.platform.kafka.CommandHandler;
import chat.rocket.livechat.platform.kafka.CommandLoop;
import chat.rocket.livechat.platform.kafka.EventSubscriber;
import chat.rocket.livechat.platform.kafka.InProcessCommands;
import chat.rocket.livechat.platform.kafka.TopicSetup;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.Map;

/**
 * The start/stop template of a service verticle (STYLE.md P2, P9): a subclass only declares its
 * {@link ServiceDefinition}. {@code start()} creates the {@link ServiceClients}, ensures the topics and indexes, then
 * starts a {@link CommandLoop} on the command topic and an {@link EventSubscriber} on the subscribed topic, and
 * completes once both consumer groups assigned this member partitions. {@code stop()} lets the batches in flight finish
 * and commit, then closes the clients.
 */
public abstract class ServiceVerticle extends VerticleBase {

  private ServiceClients clients;
  private CommandLoop commands;
  private EventSubscriber subscriber;

  /**
   * Builds the service's handlers from the clients they use and declares what the service runs.
   *
   * @param clients the clients of this verticle instance, created from its {@code config()}
   * @return the service's definition
   */
  protected abstract ServiceDefinition define(ServiceClients clients);

  /**
   * Ensures topics and indexes, then starts the command loop and the event subscription.
   *
   * @return completes once both consumers have partitions; fails with the first set-up failure (Kafka or MongoDB
   *     unreachable, an index that cannot be created)
   */
  @Override
  public final Future<?> start() {
    clients = ServiceClients.create(vertx, config());
    ServiceDefinition service = define(clients);
    ServiceDefinition.Commands commandSide = service.commands();
    ServiceDefinition.Subscription subscription = service.subscription();
    commands = new CommandLoop(vertx, config(), commandSide.topic(), commandSide.group(), commandSide.handlers(),
        clients.producer());
    subscriber = new EventSubscriber(vertx, config(), subscription.topic(), subscription.group(),
        subscription.handlers());
    return TopicSetup.ensure(vertx, config(), service.topics())
        .compose(v -> service.indexes().get())
        .compose(v -> Future.all(commands.start(), subscriber.start()))
        .compose(v -> benchRoutes(commandSide.handlers()));
  }

  /**
   * Stops taking work: the batches in flight finish and commit, both consumers leave their groups, then the clients
   * close.
   *
   * @return completes when the clients are closed
   */
  @Override
  public final Future<?> stop() {
    return Future.join(commands.stop(), subscriber.stop()).eventually(clients::close);
  }

  /**
   * The one benchmark hook of the services: with {@link ConfigKey#BENCH_ROUTES} the same handlers also answer on the
   * local event bus ({@link InProcessCommands}), so the benchmark can measure them without the Kafka hop.
   */
  private Future<?> benchRoutes(Map<CommandType, CommandHandler> handlers) {
    return ConfigKey.BENCH_ROUTES.getBoolean(config()) ? InProcessCommands.register(vertx, handlers)
        : Future.succeededFuture();
  }
}
