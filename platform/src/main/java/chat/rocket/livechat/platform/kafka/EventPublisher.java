package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.platform.runtime.Meters;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.kafka.client.producer.KafkaHeader;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Publishes CloudEvents 1.0 in Kafka binary mode (DESIGN.md, Events): {@code ce_id} (UUID), {@code ce_source},
 * {@code ce_type}, {@code ce_subject} = aggregate id, {@code ce_time}, {@code content-type: application/json}; the
 * record key is the subject, the value the JSON data. Built with the CloudEvents SDK's Kafka binding. Every event the
 * broker acknowledged counts in {@link Meters#EVENTS_PUBLISHED} by type.
 */
public final class EventPublisher implements EventSink {

  private static final String JSON = "application/json";

  private final KafkaProducer<String, Buffer> producer;
  private final MeterRegistry meters;

  /**
   * @param producer the service's producer (latency settings of {@link KafkaClients#producer})
   * @param meters   where published events are counted ({@link Meters#registry})
   */
  public EventPublisher(KafkaProducer<String, Buffer> producer, MeterRegistry meters) {
    this.producer = producer;
    this.meters = meters;
  }

  /**
   * Publishes one event about an aggregate, with the id, time and data its {@link Outbox} entry fixed, so that a
   * republished event is the same record again.
   *
   * @param type    the event type (decides topic and source)
   * @param id      {@code ce_id}, stable across republishing
   * @param time    {@code ce_time}, the time of the change
   * @param subject {@code rid} or visitor {@code _id}; also the record key
   * @param data    the JSON data, {@code {"<room|visitor>": <document after the change>, "changedFields": [...]}}
   * @return completes when the broker acknowledged the record ({@code acks=all})
   */
  @Override
  public Future<Void> publish(EventType type, String id, OffsetDateTime time, String subject, Buffer data) {
    CloudEvent event = CloudEventBuilder.v1()
        .withId(id)
        .withSource(URI.create(type.source()))
        .withType(type.type())
        .withSubject(subject)
        .withTime(time)
        .withDataContentType(JSON)
        .withData(JSON, data.getBytes())
        .build();
    ProducerRecord<String, byte[]> binary =
        KafkaMessageFactory.<String>createWriter(type.topic(), null, null, subject).writeBinary(event);
    return producer.send(toVertx(binary))
        .onSuccess(metadata -> meters.counter(Meters.EVENTS_PUBLISHED, "type", type.type()).increment())
        .mapEmpty();
  }

  private static KafkaProducerRecord<String, Buffer> toVertx(ProducerRecord<String, byte[]> binary) {
    KafkaProducerRecord<String, Buffer> record =
        KafkaProducerRecord.create(binary.topic(), binary.key(), Buffer.buffer(binary.value()));
    List<KafkaHeader> headers = new ArrayList<>();
    for (Header header : binary.headers()) {
      headers.add(KafkaHeader.header(header.key(), Buffer.buffer(header.value())));
    }
    return record.addHeaders(headers);
  }
}
