package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.platform.runtime.Meters;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.producer.KafkaHeader;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
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
   * Publishes one event about an aggregate as a CloudEvent on {@link EventType#topic()}.
   *
   * @param type          the event type (decides topic and source)
   * @param subject       {@code rid} or visitor {@code _id}; also the record key
   * @param aggregateName {@code room} or {@code visitor}: the data field holding the document
   * @param document      the document after the change, API-shaped (ISO dates)
   * @param changedFields names of the fields the change touched
   * @return completes when the broker acknowledged the record ({@code acks=all})
   */
  @Override
  public Future<Void> publish(EventType type, String subject, String aggregateName, JsonObject document,
                              Collection<String> changedFields) {
    JsonObject data = new JsonObject()
        .put(aggregateName, document)
        .put("changedFields", new JsonArray(new ArrayList<>(changedFields)));
    CloudEvent event = CloudEventBuilder.v1()
        .withId(UUID.randomUUID().toString())
        .withSource(URI.create(type.source()))
        .withType(type.type())
        .withSubject(subject)
        .withTime(OffsetDateTime.now(ZoneOffset.UTC))
        .withDataContentType(JSON)
        .withData(JSON, data.toBuffer().getBytes())
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
