package chat.rocket.livechat.platform.runtime;

import chat.rocket.livechat.platform.kafka.CommandLoop;
import chat.rocket.livechat.platform.kafka.EventSubscriber;
import chat.rocket.livechat.platform.kafka.OutboxSweep;
import chat.rocket.livechat.platform.kafka.TopicSetup;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;

/**
 * The start/stop template of a service verticle (STYLE.md P2, P9): a subclass only declares its
 * {@link ServiceDefinition}. {@code start()} creates the {@link ServiceClients}, ensures the topics and indexes, then
 * starts a {@link CommandLoop} on the command topic and one {@link EventSubscriber} per subscribed topic (none for a
 * service without subscriptions), and completes once every consumer group assigned this member partitions; from then
 * on one {@link OutboxSweep} per outbox publishes every {@code OUTBOX_SWEEP_MS} the events a dead instance left
 * pending in the service's documents. The definition's companion verticles are deployed after the indexes, before the
 * consumers. {@code stop()} lets the batches in flight finish and commit, undeploys the companions, then closes the
 * clients.
 */
public abstract class ServiceVerticle extends VerticleBase {

  private ServiceClients clients;
  private CommandLoop commands;
  private List<EventSubscriber> subscribers;
  private List<OutboxSweep> sweeps;
  private final List<String> companions = new ArrayList<>();

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
   * Ensures topics and indexes, then starts the command loop and the event subscriptions.
   *
   * @return completes once every consumer has partitions; fails with the first set-up failure (Kafka or MongoDB
   *     unreachable, an index that cannot be created)
   */
  @Override
  public final Future<?> start() {
    clients = ServiceClients.create(vertx, config());
    ServiceDefinition service = define(clients);
    ServiceDefinition.Commands commandSide = service.commands();
    commands = new CommandLoop(vertx, config(), commandSide.topic(), commandSide.group(), commandSide.handlers(),
        clients.producer()).onReleased(commandSide.released());
    subscribers = service.subscriptions().stream().map(subscription -> new EventSubscriber(vertx, config(),
        subscription.topic(), subscription.group(), subscription.handlers())).toList();
    sweeps = service.outboxes().stream().map(outbox -> new OutboxSweep(vertx, config(), outbox)).toList();
    return TopicSetup.ensure(vertx, config(), service.topics())
        .compose(v -> ensureIndexes(service))
        .compose(v -> deployCompanions(service))
        .compose(v -> startConsumers())
        .onSuccess(v -> sweeps.forEach(OutboxSweep::start));
  }

  private Future<?> ensureIndexes(ServiceDefinition service) {
    List<Future<?>> indexes = new ArrayList<>(List.of(service.indexes().get()));
    sweeps.forEach(sweep -> indexes.add(sweep.ensureIndex()));
    return Future.all(indexes);
  }

  private Future<?> deployCompanions(ServiceDefinition service) {
    DeploymentOptions options = new DeploymentOptions().setConfig(config());
    return Future.all(service.companions().stream()
        .map(companion -> vertx.deployVerticle(companion, options).onSuccess(companions::add))
        .toList());
  }

  private Future<?> startConsumers() {
    List<Future<?>> consumers = new ArrayList<>(List.of(commands.start()));
    subscribers.forEach(subscriber -> consumers.add(subscriber.start()));
    return Future.all(consumers);
  }

  /**
   * Stops taking work: the batches in flight finish and commit, both consumers leave their groups, then the clients
   * close.
   *
   * @return completes when the clients are closed
   */
  @Override
  public final Future<?> stop() {
    sweeps.forEach(OutboxSweep::stop);
    List<Future<?>> stopped = new ArrayList<>(List.of(commands.stop()));
    subscribers.forEach(subscriber -> stopped.add(subscriber.stop()));
    return Future.join(stopped)
        .eventually(() -> Future.join(companions.stream().map(vertx::undeploy).toList()))
        .eventually(clients::close);
  }
}
