package chat.rocket.livechat.platform.runtime;

import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.kafka.CommandHandler;
import chat.rocket.livechat.platform.kafka.EventHandler;
import chat.rocket.livechat.platform.kafka.Outbox;
import chat.rocket.livechat.platform.kafka.OutboxSweep;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one service runs, declared for {@link ServiceVerticle} (DESIGN.md, Request flows): the commands it executes,
 * the events of another service it reacts to, the event topic it publishes on and the indexes it needs.
 *
 * @param commands     its command topic, consumer group and one handler per command type
 * @param subscription the other service's event topic, this service's consumer group on it and one handler per event
 *                     type of interest
 * @param publishes    the topic of the events this service publishes (all names from {@link Topics})
 * @param indexes      ensures the service's MongoDB indexes; run once at start, before any consumer starts
 * @param outbox       the outbox of the aggregate the service owns; its pending events are swept every
 *                     {@code OUTBOX_SWEEP_MS} ({@link OutboxSweep})
 */
public record ServiceDefinition(Commands commands, Subscription subscription, String publishes,
                                Supplier<Future<Void>> indexes, Outbox outbox) {

  /**
   * The command side of a service.
   *
   * @param topic    the command topic (its dead-letter topic is {@link Topics#deadLetter})
   * @param group    the service's consumer group
   * @param handlers one handler per command type the service executes
   */
  public record Commands(String topic, String group, Map<CommandType, CommandHandler> handlers) {
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
   * @return every topic the service needs at start: its command topic, the topic it publishes on, the topic it
   *     subscribes to, and the dead-letter topics of the two it consumes
   */
  public List<String> topics() {
    return List.of(commands.topic(), Topics.deadLetter(commands.topic()), publishes, subscription.topic(),
        Topics.deadLetter(subscription.topic()));
  }
}
