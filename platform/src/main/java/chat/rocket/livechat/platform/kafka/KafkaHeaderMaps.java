package chat.rocket.livechat.platform.kafka;

import io.vertx.kafka.client.producer.KafkaHeader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Converts between Kafka record headers and the string maps of the contracts module (UTF-8 values). */
public final class KafkaHeaderMaps {

  private KafkaHeaderMaps() {
  }

  /** @return name → value; for a repeated name the last value wins */
  public static Map<String, String> toMap(List<KafkaHeader> headers) {
    Map<String, String> map = new HashMap<>(headers.size() * 2);
    for (KafkaHeader header : headers) {
      map.put(header.key(), header.value() == null ? null : header.value().toString(StandardCharsets.UTF_8));
    }
    return map;
  }

  /** @return one Kafka header per entry */
  public static List<KafkaHeader> fromMap(Map<String, String> map) {
    List<KafkaHeader> headers = new ArrayList<>(map.size());
    map.forEach((name, value) -> headers.add(KafkaHeader.header(name, value)));
    return headers;
  }
}
