package chat.rocket.livechat.visitor;

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

/**
 * The guest half of {@code POST livechat/room.saveInfo} ({@code saveGuest}, spec §5.2 step 5), split into a check
 * and a write so that nothing is written unless room and guest are both valid (DECISIONS.md improvement 2):
 *
 * <ul>
 *   <li>{@code visitor.check-guest}, body {@code {guestData}}: visitor {@code _id} unknown (disabled ones count as
 *       known, as in Rocket.Chat): {@link ErrorCode#INVALID_VISITOR}; when the caller holds
 *       {@code edit-livechat-room-customfields}, a visitor custom field failing its regexp:
 *       {@link ErrorCode#INVALID_VISITOR_CUSTOM_FIELD}. Result {@code {}}.</li>
 *   <li>{@code visitor.save-guest}: the same checks, then {@code name} (trimmed), {@code visitorEmails}
 *       ({@code [{address: email.trim()}]}, replacing), {@code phone} ({@code [{phoneNumber}]}, replacing), each only
 *       when truthy, and {@code livechatData.<field>} set or unset; no write when nothing changes; records
 *       {@code visitor.updated} in the same write and publishes it. Result {@code {}}.</li>
 * </ul>
 */
final class SaveGuest {

  private final VisitorRepository visitors;
  private final Permissions permissions;
  private final CustomFields customFields;
  private final VisitorEvents events;

  SaveGuest(VisitorRepository visitors, Permissions permissions, CustomFields customFields, VisitorEvents events) {
    this.visitors = visitors;
    this.permissions = permissions;
    this.customFields = customFields;
    this.events = events;
  }

  /** Handles {@code visitor.check-guest}. */
  Future<JsonObject> check(Command command) {
    return checked(command).map(livechatData -> new JsonObject());
  }

  /** Handles {@code visitor.save-guest}. */
  Future<JsonObject> save(Command command) {
    JsonObject guestData = command.body().getJsonObject("guestData", new JsonObject());
    String visitorId = guestData.getString("_id");
    return checked(command)
        .compose(livechatData -> {
          JsonObject set = new JsonObject();
          JsonObject unset = new JsonObject();
          profile(guestData, set);
          CustomFields.toUpdate(livechatData, set, unset);
          if (set.isEmpty() && unset.isEmpty()) {
            return Future.succeededFuture();
          }
          List<String> changed = new ArrayList<>(set.fieldNames());
          changed.addAll(unset.fieldNames());
          JsonObject update = new JsonObject().put("$set", set.put("_updatedAt", MongoDocs.now()));
          if (!unset.isEmpty()) {
            update.put("$unset", unset);
          }
          return visitors.update(visitorId,
                  OutboxEntries.pushing(update, VisitorEvents.pending(EventType.VISITOR_UPDATED, changed)))
              .compose(v -> events.publish(visitorId));
        })
        .map(v -> new JsonObject());
  }

  private Future<JsonObject> checked(Command command) {
    JsonObject guestData = command.body().getJsonObject("guestData", new JsonObject());
    JsonObject livechatData = guestData.getJsonObject("livechatData");
    List<String> roles = command.caller() == null ? List.of() : command.caller().roles();
    return visitors.findById(guestData.getString("_id"))
        .compose(visitor -> visitor != null ? Future.succeededFuture()
            : Future.failedFuture(new LivechatException(ErrorCode.INVALID_VISITOR)))
        .compose(v -> livechatData == null || livechatData.isEmpty() ? Future.succeededFuture(false)
            : permissions.has(roles, Permission.EDIT_LIVECHAT_ROOM_CUSTOMFIELDS))
        .compose(mayEdit -> mayEdit
            ? customFields.validate(CustomFields.VISITOR_SCOPE, livechatData, ErrorCode.INVALID_VISITOR_CUSTOM_FIELD)
            : Future.succeededFuture(new JsonObject()));
  }

  private static void profile(JsonObject guestData, JsonObject set) {
    String name = guestData.getString("name");
    if (name != null && !name.isEmpty()) {
      set.put("name", name.trim());
    }
    String email = guestData.getString("email");
    if (email != null && !email.isEmpty()) {
      set.put("visitorEmails", new JsonArray().add(new JsonObject().put("address", email.trim())));
    }
    String phone = guestData.getString("phone");
    if (phone != null && !phone.isEmpty()) {
      set.put("phone", new JsonArray().add(new JsonObject().put("phoneNumber", phone.trim())));
    }
  }
}
