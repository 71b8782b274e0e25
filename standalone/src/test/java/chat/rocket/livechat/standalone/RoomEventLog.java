package chat.rocket.livechat.standalone;

import chat.rocket.livechat.contracts.EventType;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What {@code livechat.room.events} holds: the rooms with a {@code room.created} event, the topics each room's
 * {@code room.updated} events carried, the contents (key, type, time, data) seen per {@code ce_id}, and the
 * events published at least {@code sweepMs} after their change ({@code ce_time} to the record's timestamp): those a
 * sweep published for a process that died between its write and its publish.
 */
final class RoomEventLog {
  final Set<String> created = new HashSet<>();
  final Map<String, Set<String>> topics = new HashMap<>();
  final Map<String, Set<String>> contents = new HashMap<>();
  final int records;
  final long duplicated;
  final long conflicting;
  final Set<String> late = new HashSet<>();

  RoomEventLog(List<ConsumerRecord<String, String>> all, long sweepMs) {
    records = all.size();
    Map<String, Integer> perId = new HashMap<>();
    for (ConsumerRecord<String, String> record : all) {
      String type = Events.header(record, "ce_type");
      JsonObject room = new JsonObject(record.value()).getJsonObject("room");
      if (EventType.ROOM_CREATED.type().equals(type)) {
        created.add(record.key());
      } else if (EventType.ROOM_UPDATED.type().equals(type) && room.getString("topic") != null) {
        topics.computeIfAbsent(record.key(), rid -> new HashSet<>()).add(room.getString("topic"));
      }
      String id = Events.header(record, "ce_id");
      if (record.timestamp() - Instant.parse(Events.header(record, "ce_time")).toEpochMilli() >= sweepMs) {
        late.add(id);
      }
      perId.merge(id, 1, Integer::sum);
      contents.computeIfAbsent(id, key -> new HashSet<>()).add(String.join("|", record.key(), type,
          Events.header(record, "ce_time"), record.value()));
    }
    duplicated = perId.values().stream().filter(count -> count > 1).count();
    conflicting = contents.values().stream().filter(variants -> variants.size() > 1).count();
  }
}
