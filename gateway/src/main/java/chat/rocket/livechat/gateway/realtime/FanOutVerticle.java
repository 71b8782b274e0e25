package chat.rocket.livechat.gateway.realtime;

import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.kafka.CloudEventRecords;
import chat.rocket.livechat.platform.kafka.KafkaClients;
import chat.rocket.livechat.platform.kafka.PoisonRecordException;
import chat.rocket.livechat.platform.kafka.TopicPartitions;
import chat.rocket.livechat.platform.runtime.Meters;
import chat.rocket.livechat.platform.runtime.Readiness;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The realtime fan-out of one gateway process (DESIGN.md, Conversation and realtime): its own Kafka consumer, in no
 * consumer group, assigned every partition of {@link Topics#ROOM_EVENTS} and {@link Topics#ROOM_ACTIVITY} and
 * positioned at their ends before the verticle is ready, so every gateway process sees every event from its start on
 * and none from before. Each CloudEvent becomes the frames of {@link StreamEvents}, pushed by the
 * {@link RealtimeHub} to the sockets of this process subscribed to the event's room ({@code ce_subject} = rid); the
 * data of an event of a room no socket of this process subscribes to is not parsed (a room's creation, most of a
 * site's events in a process holding few of its sockets).
 * Offsets are never committed; a record that is not a CloudEvent, or an event no stream carries, is skipped.
 * Registered in {@link Readiness} as {@code gateway@fan-out}; meters {@link Meters#DDP_CONNECTIONS} and
 * {@link Meters#DDP_FRAMES_PUSHED}.
 */
public final class FanOutVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(FanOutVerticle.class);
  private static final List<String> TOPICS = List.of(Topics.ROOM_EVENTS, Topics.ROOM_ACTIVITY);

  private final RealtimeHub hub;
  private KafkaConsumer<String, Buffer> consumer;
  private Gauge connections;
  private Counter pushed;
  private String readinessName;
  private volatile boolean positioned;

  /** @param hub this process's subscriptions */
  public FanOutVerticle(RealtimeHub hub) {
    this.hub = hub;
  }

  @Override
  public Future<?> start() {
    consumer = KafkaConsumer.create(vertx, KafkaClients.assignedConsumer(config()));
    MeterRegistry meters = Meters.registry(vertx);
    connections = Gauge.builder(Meters.DDP_CONNECTIONS, hub, RealtimeHub::connections)
        .description("DDP websockets open in this gateway process").strongReference(true).register(meters);
    pushed = meters.counter(Meters.DDP_FRAMES_PUSHED);
    readinessName = Readiness.of(vertx).register("gateway@fan-out", () -> positioned);
    consumer.handler(this::onRecord);
    consumer.exceptionHandler(e -> LOG.warn("fan-out consumer of {}: {}", TOPICS, e.getMessage()));
    return TopicPartitions.assignAtEnd(vertx, consumer, TOPICS)
        .onSuccess(partitions -> {
          positioned = true;
          LOG.info("realtime fan-out reading {} partitions of {} from their ends", partitions.size(), TOPICS);
        });
  }

  @Override
  public Future<?> stop() {
    positioned = false;
    Readiness.of(vertx).unregister(readinessName);
    Meters.registry(vertx).remove(connections);
    return consumer.close();
  }

  private void onRecord(KafkaConsumerRecord<String, Buffer> record) {
    CloudEvent event;
    try {
      event = CloudEventRecords.read(record);
    } catch (PoisonRecordException e) {
      LOG.warn("fan-out skips {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
      return;
    }
    EventType type = EventType.fromType(event.getType()).orElse(null);
    if (type != null && event.getData() != null && event.getSubject() != null && hub.subscribed(event.getSubject())) {
      try {
        push(type, event);
      } catch (RuntimeException e) {
        LOG.warn("fan-out skips {} {}-{}@{}: {}", type.type(), record.topic(), record.partition(), record.offset(),
            e.toString());
      }
    }
  }

  private void push(EventType type, CloudEvent event) {
    JsonObject data = new JsonObject(Buffer.buffer(event.getData().toBytes()));
    Map<String, String> frames = StreamEvents.frames(type, event.getSubject(), data);
    int count = hub.deliver(event.getSubject(), frames, data.getValue("origin") instanceof String id ? id : null);
    pushed.increment(count);
    LOG.debug("{} rid={} pushed {} frames", type.type(), event.getSubject(), count);
  }
}
