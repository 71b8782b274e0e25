package chat.rocket.livechat.platform.runtime;

import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.kafka.CommandHandler;
import chat.rocket.livechat.platform.kafka.EventHandler;
import chat.rocket.livechat.platform.kafka.Outbox;
import chat.rocket.livechat.platform.kafka.OutboxSweep;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one service runs, declared for {@link ServiceVerticle} (DESIGN.md, Request flows): the commands it executes,
 * the events of other services it reacts to (none or several), the event topic it publishes on, the indexes it needs
 * and the outboxes of the collections whose changes it publishes (one per evented collection: the room-service and
 * the visitor-service have one each, the admin-service one for settings and one for permissions).
 *
 * @param commands      its command topic, consumer group and one handler per command type
 * @param subscriptions per other service's event topic: this service's consumer group on it and one handler per event
 *                      type of interest; empty for a service that reacts to no events (the admin-service)
 * @param publishes     the topic of the events this service publishes (all names from {@link Topics})
 * @param indexes       ensures the service's MongoDB indexes; run once at start, before any consumer starts
 * @param outboxes      the outboxes of the collections the service owns; the pending events of each are swept every
 *                      {@code OUTBOX_SWEEP_MS} ({@link OutboxSweep})
 * @param companions    verticles that run beside the consumers, deployed with the service's config after the indexes
 *                      and before any consumer starts, undeployed at stop (the room-service's read model
 *                      invalidation); usually none
 */
public record ServiceDefinition(Commands commands, List<Subscription> subscriptions, String publishes,
                                Supplier<Future<Void>> indexes, List<Outbox> outboxes, List<Deployable> companions) {

  /** Copies the lists, so a definition cannot change after it was declared. */
  public ServiceDefinition {
    subscriptions = List.copyOf(subscriptions);
    outboxes = List.copyOf(outboxes);
    companions = List.copyOf(companions);
  }

  /** The definition of a service without companions. */
  public ServiceDefinition(Commands commands, List<Subscription> subscriptions, String publishes,
                           Supplier<Future<Void>> indexes, List<Outbox> outboxes) {
    this(commands, subscriptions, publishes, indexes, outboxes, List.of());
  }

  /**
   * The definition of a service with one subscription and one outbox (the room-service, the visitor-service).
   *
   * @param subscription the other service's event topic, this service's group on it and its handlers
   * @param outbox       the outbox of the aggregate the service owns
   */
  public ServiceDefinition(Commands commands, Subscription subscription, String publishes,
                           Supplier<Future<Void>> indexes, Outbox outbox) {
    this(commands, List.of(subscription), publishes, indexes, List.of(outbox));
  }

  /** @return this definition with {@code companion} deployed beside its consumers */
  public ServiceDefinition withCompanion(Deployable companion) {
    List<Deployable> all = new ArrayList<>(companions);
    all.add(companion);
    return new ServiceDefinition(commands, subscriptions, publishes, indexes, outboxes, all);
  }

  /**
   * The command side of a service.
   *
   * @param topic    the command topic (its dead-letter topic is {@link Topics#deadLetter})
   * @param group    the service's consumer group
   * @param handlers one handler per command type the service executes
   * @param released runs each time partitions of the topic stopped being this member's (revoked, lost, stopped):
   *                 where a service drops the state it keeps for the entities of its partitions
   */
  public record Commands(String topic, String group, Map<CommandType, CommandHandler> handlers, Runnable released) {

    /** The command side of a service that keeps no state per partition. */
    public Commands(String topic, String group, Map<CommandType, CommandHandler> handlers) {
      this(topic, group, handlers, () -> { });
    }
  }

  /**
   * The event subscription of a service.
   *
   * @param topic    the other service's event topic
   * @param group    this service's consumer group on it
   * @param handlers one handler per event type of interest; other types are skipped
   */
  public record Subscription(String topic, String group, Map<EventType, EventHandler> handlers) {
  }

  /**
   * @return every topic the service needs at start: its command topic, the topic it publishes on, the topics it
   *     subscribes to, and the dead-letter topics of those it consumes
   */
  public List<String> topics() {
    List<String> topics = new ArrayList<>(List.of(commands.topic(), Topics.deadLetter(commands.topic()), publishes));
    for (Subscription subscription : subscriptions) {
      topics.add(subscription.topic());
      topics.add(Topics.deadLetter(subscription.topic()));
    }
    return List.copyOf(topics);
  }
}
