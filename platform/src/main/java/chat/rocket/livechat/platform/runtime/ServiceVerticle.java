package chat.rocket.livechat.platform.runtime;

import chat.rocket.livechat.platform.kafka.CommandLoop;
import chat.rocket.livechat.platform.kafka.EventSubscriber;
import chat.rocket.livechat.platform.kafka.OutboxSweep;
import chat.rocket.livechat.platform.kafka.TopicSetup;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * The start/stop template of a service verticle (STYLE.md P2, P9): a subclass only declares its
 * {@link ServiceDefinition}. {@code start()} creates the {@link ServiceClients}, ensures the topics and indexes, then
 * starts a {@link CommandLoop} on the command topic and an {@link EventSubscriber} on the subscribed topic, and
 * completes once both consumer groups assigned this member partitions; from then on an {@link OutboxSweep} publishes
 * every {@code OUTBOX_SWEEP_MS} the events a dead instance left pending in the service's documents. {@code stop()}
 * lets the batches in flight finish and commit, then closes the clients.
 */
public abstract class ServiceVerticle extends VerticleBase {

  private ServiceClients clients;
  private CommandLoop commands;
  private EventSubscriber subscriber;
  private OutboxSweep sweep;

  /**
   * Builds the service's handlers from the clients they use and declares what the service runs. Public so that code in
   * the same JVM can run the same handlers without Kafka (through a
   * {@link chat.rocket.livechat.platform.kafka.CommandExecutor}, which applies the same deadline and error rules).
   *
   * @param clients the clients the handlers work with, created from the verticle's {@code config()}
   * @return the service's definition
   */
  public abstract ServiceDefinition define(ServiceClients clients);

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
    sweep = new OutboxSweep(vertx, config(), service.outbox());
    return TopicSetup.ensure(vertx, config(), service.topics())
        .compose(v -> Future.all(service.indexes().get(), sweep.ensureIndex()))
        .compose(v -> Future.all(commands.start(), subscriber.start()))
        .onSuccess(v -> sweep.start());
  }

  /**
   * Stops taking work: the batches in flight finish and commit, both consumers leave their groups, then the clients
   * close.
   *
   * @return completes when the clients are closed
   */
  @Override
  public final Future<?> stop() {
    sweep.stop();
    return Future.join(commands.stop(), subscriber.stop()).eventually(clients::close);
  }
}
