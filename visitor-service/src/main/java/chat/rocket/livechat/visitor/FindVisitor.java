package chat.rocket.livechat.visitor;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Visitor reads: {@code visitor.get-by-id} (spec §6.2: enabled visitor by {@code _id}, else
 * {@link ErrorCode#VISITOR_NOT_FOUND}) and {@code visitor.get-by-token} (spec §7.2: by token, else
 * {@link ErrorCode#INVALID_TOKEN_METEOR}). Result {@code {visitor}}: the full document, ISO dates.
 */
final class FindVisitor {

  private final VisitorRepository visitors;

  FindVisitor(VisitorRepository visitors) {
    this.visitors = visitors;
  }

  /** Handles {@code visitor.get-by-id}, body {@code {visitorId}}. */
  Future<JsonObject> byId(Command command) {
    return visitors.findEnabledById(command.body().getString("visitorId"))
        .compose(visitor -> found(visitor, ErrorCode.VISITOR_NOT_FOUND));
  }

  /** Handles {@code visitor.get-by-token}, body {@code {token}}. */
  Future<JsonObject> byToken(Command command) {
    return visitors.findByToken(command.body().getString("token"))
        .compose(visitor -> found(visitor, ErrorCode.INVALID_TOKEN_METEOR));
  }

  private static Future<JsonObject> found(JsonObject visitor, ErrorCode missing) {
    return visitor == null ? Future.failedFuture(new LivechatException(missing))
        : Future.succeededFuture(new JsonObject().put("visitor", MongoDocs.toApi(visitor)));
  }
}
