package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.contracts.EventType;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes CloudEvents (Kafka binary mode) of another service as a member of its own consumer group, through a
 * {@link PipelinedConsumer}: events about one aggregate run in order and offsets are committed after the handlers.
 * A failed handler runs again up to {@code RECORD_RETRIES} times with backoff, then the event goes to
 * {@code <topic>.dlt} with the last failure in {@code dlt-reason} and this subscriber's group in {@code dlt-group}; a
 * record that is not a CloudEvent goes there at once. Either way the events behind it are processed. Events of other
 * types are skipped.
 */
public final class EventSubscriber {

  private static final Logger LOG = LoggerFactory.getLogger(EventSubscriber.class);

  private final Map<EventType, EventHandler> handlers;
  private final PipelinedConsumer consumer;

  /**
   * @param topic    the event topic
   * @param groupId  this subscriber's consumer group
   * @param handlers one handler per event type of interest
   */
  public EventSubscriber(Vertx vertx, JsonObject config, String topic, String groupId,
                         Map<EventType, EventHandler> handlers) {
    this.handlers = Map.copyOf(handlers);
    this.consumer = new PipelinedConsumer(vertx, config, topic, groupId, this::process,
        (record, failure) -> Future.succeededFuture());
  }

  /** @return completes once the group assigned this member its partitions */
  public Future<Void> start() {
    return consumer.start();
  }

  /** @return completes when the events in flight are done, their offsets committed and the consumer left the group */
  public Future<Void> stop() {
    return consumer.stop();
  }

  private Future<Void> process(KafkaConsumerRecord<String, Buffer> record) {
    CloudEvent event;
    try {
      event = CloudEventRecords.read(record);
    } catch (PoisonRecordException e) {
      return Future.failedFuture(e);
    }
    EventHandler handler = EventType.fromType(event.getType()).map(handlers::get).orElse(null);
    if (handler == null || event.getData() == null) {
      LOG.debug("skipping {}-{}@{}: no handler for {}", record.topic(), record.partition(), record.offset(),
          event.getType());
      return Future.succeededFuture();
    }
    try {
      return handler.handle(event.getSubject(), new JsonObject(Buffer.buffer(event.getData().toBytes())));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
