package chat.rocket.livechat.visitor;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code visitor.set-status}, {@code POST livechat/visitor.status} (Rocket.Chat's {@code visitor.ts}): body
 * {@code {token, status}}, both strings (the gateway's {@code check}; Rocket.Chat accepts any string, the widget sends
 * {@code online}, {@code away}, {@code busy} or {@code offline}). No visitor with the token:
 * {@link ErrorCode#INVALID_TOKEN_METEOR}. Sets the visitor's {@code status} with a {@code visitor.updated} event
 * (changed field {@code status}) in the same write; an unchanged status writes nothing, so a redelivered command
 * changes nothing twice. Result {@code {token, status}}.
 */
final class SetVisitorStatus {

  private final VisitorRepository visitors;
  private final VisitorEvents events;

  SetVisitorStatus(VisitorRepository visitors, VisitorEvents events) {
    this.visitors = visitors;
    this.events = events;
  }

  /** Handles one {@code visitor.set-status} command. */
  Future<JsonObject> handle(Command command) {
    String token = command.body().getString("token", "");
    String status = command.body().getString("status", "");
    return visitors.findByToken(token)
        .compose(visitor -> visitor == null ? Future.failedFuture(new LivechatException(ErrorCode.INVALID_TOKEN_METEOR))
            : status.equals(visitor.getValue("status")) ? Future.succeededFuture() : write(visitor, status))
        .map(v -> new JsonObject().put("token", token).put("status", status));
  }

  private Future<Void> write(JsonObject visitor, String status) {
    String id = visitor.getString("_id");
    JsonObject update = new JsonObject().put("$set", new JsonObject().put("status", status)
        .put("_updatedAt", MongoDocs.now()));
    return visitors.update(id, OutboxEntries.pushing(update, VisitorEvents.pending(EventType.VISITOR_UPDATED,
            List.of("status"))))
        .compose(v -> events.publish(id))
        .mapEmpty();
  }
}
