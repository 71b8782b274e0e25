package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.CustomFields;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.rocketchat.Permissions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The room half of {@code POST livechat/room.saveInfo} (spec §5.2), in two commands so that nothing is written
 * unless room and guest are both valid (DECISIONS.md improvement 2):
 *
 * <ul>
 *   <li>{@code room.check-save-info}, body {@code {roomData}}: room missing or not livechat:
 *       {@link ErrorCode#ERROR_INVALID_ROOM}; caller not serving it and without
 *       {@code save-others-livechat-room-info}: {@link ErrorCode#UNAUTHORIZED}; a room custom field failing its
 *       regexp: {@link ErrorCode#INVALID_CUSTOM_FIELD_VALUE}. Result {@code {"sms": boolean}} (an SMS room drops
 *       the guest's phone, step 4).</li>
 *   <li>{@code room.save-info}: the same checks, then one update: other keys ({@code priorityId}, {@code slaId})
 *       set, or unset when {@code ""}; {@code topic} trimmed, unset when empty; {@code tags} set when a non-empty
 *       array, else unset; {@code livechatData.<field>} set or unset; {@code room.updated} is recorded in the same
 *       write and then published. Result {@code {}}. Idempotent: the same update applied twice leaves the same
 *       room.</li>
 * </ul>
 */
final class SaveRoomInfo {

  private static final Set<String> HANDLED_KEYS = Set.of("_id", "topic", "tags", "livechatData");

  private final RoomRepository rooms;
  private final Permissions permissions;
  private final CustomFields customFields;
  private final RoomEvents events;

  SaveRoomInfo(RoomRepository rooms, Permissions permissions, CustomFields customFields, RoomEvents events) {
    this.rooms = rooms;
    this.permissions = permissions;
    this.customFields = customFields;
    this.events = events;
  }

  /** Handles {@code room.check-save-info}. */
  Future<JsonObject> check(Command command) {
    JsonObject roomData = command.body().getJsonObject("roomData", new JsonObject());
    return checked(roomData, command.caller())
        .map(checked -> new JsonObject().put("sms", isTruthy(checked.room().getValue("sms"))));
  }

  /** Handles {@code room.save-info}. */
  Future<JsonObject> save(Command command) {
    JsonObject roomData = command.body().getJsonObject("roomData", new JsonObject());
    String rid = roomData.getString("_id");
    return checked(roomData, command.caller())
        .compose(checked -> {
          JsonObject update = update(roomData, checked.livechatData());
          JsonObject event = RoomEvents.pending(EventType.ROOM_UPDATED, changedFields(update));
          return rooms.update(rid, new JsonObject(), OutboxEntries.pushing(update, event));
        })
        .compose(v -> events.publish(rid))
        .map(v -> new JsonObject());
  }

  private Future<Checked> checked(JsonObject roomData, Caller caller) {
    return rooms.findById(roomData.getString("_id"))
        .compose(room -> room != null && "l".equals(room.getString("t")) ? Future.succeededFuture(room)
            : Future.failedFuture(new LivechatException(ErrorCode.ERROR_INVALID_ROOM)))
        .compose(room -> checkOwnership(room, caller))
        .compose(room -> customFields.validate(CustomFields.ROOM_SCOPE, roomData.getJsonObject("livechatData"),
                ErrorCode.INVALID_CUSTOM_FIELD_VALUE)
            .map(livechatData -> new Checked(room, livechatData)));
  }

  private Future<JsonObject> checkOwnership(JsonObject room, Caller caller) {
    JsonObject servedBy = room.getJsonObject("servedBy");
    if (caller != null && servedBy != null && caller.userId().equals(servedBy.getString("_id"))) {
      return Future.succeededFuture(room);
    }
    List<String> roles = caller == null ? List.of() : caller.roles();
    return permissions.has(roles, Permission.SAVE_OTHERS_LIVECHAT_ROOM_INFO)
        .compose(allowed -> allowed ? Future.succeededFuture(room)
            : Future.failedFuture(new LivechatException(ErrorCode.UNAUTHORIZED)));
  }

  private static JsonObject update(JsonObject roomData, JsonObject livechatData) {
    JsonObject set = new JsonObject();
    JsonObject unset = new JsonObject();
    roomData.forEach(entry -> {
      if (!HANDLED_KEYS.contains(entry.getKey()) && entry.getValue() != null) {
        if ("".equals(entry.getValue())) {
          unset.put(entry.getKey(), "");
        } else {
          set.put(entry.getKey(), entry.getValue());
        }
      }
    });
    Object topic = roomData.getValue("topic");
    if (topic != null) {
      String trimmed = topic.toString().trim();
      if (trimmed.isEmpty()) {
        unset.put("topic", "");
      } else {
        set.put("topic", trimmed);
      }
    }
    JsonArray tags = roomData.getValue("tags") instanceof JsonArray array ? array : null;
    if (tags != null && !tags.isEmpty()) {
      set.put("tags", tags);
    } else {
      unset.put("tags", "");
    }
    CustomFields.toUpdate(livechatData, set, unset);
    set.put("_updatedAt", MongoDocs.now());
    JsonObject update = new JsonObject().put("$set", set);
    return unset.isEmpty() ? update : update.put("$unset", unset);
  }

  private static List<String> changedFields(JsonObject update) {
    List<String> fields = new ArrayList<>(update.getJsonObject("$set").fieldNames());
    fields.remove("_updatedAt");
    JsonObject unset = update.getJsonObject("$unset");
    if (unset != null) {
      fields.addAll(unset.fieldNames());
    }
    return fields;
  }

  private static boolean isTruthy(Object value) {
    return value != null && !Boolean.FALSE.equals(value) && !"".equals(value)
        && !(value instanceof Number n && n.doubleValue() == 0);
  }

  /** A room that passed the checks, with its validated room custom fields. */
  private record Checked(JsonObject room, JsonObject livechatData) {
  }
}
