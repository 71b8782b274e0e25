package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.contracts.WireRecord;
import io.vertx.core.buffer.Buffer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.producer.KafkaHeader;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one adapter between the contracts' {@link WireRecord} and Vert.x Kafka records: header values are UTF-8
 * strings; a header without value is left out; for a repeated header name the last value wins. Commands and replies
 * are encoded and decoded only through it and the codecs of {@code Command} and {@code Reply}.
 */
public final class KafkaRecords {

  private KafkaRecords() {
  }

  /** @return the consumed record as the contracts see it */
  public static WireRecord fromConsumer(KafkaConsumerRecord<String, Buffer> record) {
    return new WireRecord(record.topic(), record.partition(), record.key(), headerMap(record.headers()),
        record.value());
  }

  /** @return a producer record with the wire record's topic, partition (null = by key), key, headers and body */
  public static KafkaProducerRecord<String, Buffer> toProducer(WireRecord record) {
    KafkaProducerRecord<String, Buffer> producerRecord = KafkaProducerRecord.create(record.topic(), record.key(),
        record.body(), null, record.partition());
    List<KafkaHeader> headers = new ArrayList<>(record.headers().size());
    record.headers().forEach((name, value) -> headers.add(KafkaHeader.header(name, value)));
    return producerRecord.addHeaders(headers);
  }

  private static Map<String, String> headerMap(List<KafkaHeader> headers) {
    Map<String, String> map = new HashMap<>(headers.size() * 2);
    for (KafkaHeader header : headers) {
      if (header.value() != null) {
        map.put(header.key(), header.value().toString(StandardCharsets.UTF_8));
      }
    }
    return map;
  }
}
