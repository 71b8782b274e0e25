package chat.rocket.livechat.platform.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.vertx.core.buffer.Buffer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.producer.KafkaHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Reads a consumed Kafka record as a CloudEvent 1.0 in Kafka binary mode ({@code ce_*} headers, the data as the
 * value), through the CloudEvents SDK's Kafka binding: the one decoder of every event consumer
 * ({@link EventSubscriber}, the gateway's realtime fan-out).
 */
public final class CloudEventRecords {

  private CloudEventRecords() {
  }

  /**
   * @param record a record of an event topic
   * @return the event
   * @throws PoisonRecordException when the record is not a CloudEvent (its reason names what is wrong)
   */
  public static CloudEvent read(KafkaConsumerRecord<String, Buffer> record) {
    try {
      RecordHeaders headers = new RecordHeaders();
      for (KafkaHeader header : record.headers()) {
        headers.add(header.key(), header.value().getBytes());
      }
      return KafkaMessageFactory.createReader(headers, record.value().getBytes()).toEvent();
    } catch (RuntimeException e) {
      throw new PoisonRecordException("not a CloudEvent: " + e.getMessage());
    }
  }
}
