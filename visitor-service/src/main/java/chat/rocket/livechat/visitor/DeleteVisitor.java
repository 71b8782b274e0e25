package chat.rocket.livechat.visitor;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.MongoCounts;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.rocketchat.Settings;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code visitor.delete}, {@code DELETE livechat/visitor/:token} (Rocket.Chat's {@code visitor.ts} and
 * {@code removeGuest} / {@code LivechatVisitors.disableById}): body {@code {token}}.
 *
 * <ol>
 *   <li>No visitor with the token: {@link ErrorCode#INVALID_TOKEN_METEOR}.</li>
 *   <li>The visitor has an open livechat room ({@code {t:'l', open:true, 'v.token'}}, read from
 *       {@code rocketchat_room}, which the room-service owns) and the GDPR setting
 *       {@code Livechat_Allow_collect_and_store_HTTP_header_informations} is off:
 *       {@link ErrorCode#VISITOR_HAS_OPEN_ROOMS} (with the setting on Rocket.Chat skips this check).</li>
 *   <li>The visitor is disabled: {@code disabled: true}, and its token and personal data ({@link #REMOVED}) unset, with
 *       a {@code visitor.deleted} event in the same write; a write that matched nothing:
 *       {@link ErrorCode#VISITOR_REMOVAL_FAILED}.</li>
 * </ol>
 * Result {@code {visitor: {_id, ts}}} ({@code ts} the removal time, ISO-8601). A redelivered command finds no visitor
 * with the token any more and answers {@code invalid-token}, changing nothing.
 */
final class DeleteVisitor {

  /** The fields {@code disableById} unsets. */
  static final List<String> REMOVED = List.of("department", "contactManager", "token", "visitorEmails", "phone",
      "name", "livechatData", "lastChat", "ip", "host", "userAgent");

  private final VisitorRepository visitors;
  private final MongoClient mongo;
  private final Settings settings;
  private final VisitorEvents events;

  DeleteVisitor(VisitorRepository visitors, MongoClient mongo, Settings settings, VisitorEvents events) {
    this.visitors = visitors;
    this.mongo = mongo;
    this.settings = settings;
    this.events = events;
  }

  /** Handles one {@code visitor.delete} command. */
  Future<JsonObject> handle(Command command) {
    String token = command.body().getString("token", "");
    return visitors.findByToken(token)
        .compose(visitor -> visitor == null ? failure(ErrorCode.INVALID_TOKEN_METEOR)
            : refuseOpenRooms(token).map(visitor.getString("_id")))
        .compose(this::disable)
        .map(id -> new JsonObject().put("visitor", new JsonObject().put("_id", id)
            .put("ts", MongoDocs.iso(Instant.now()))));
  }

  private Future<Void> refuseOpenRooms(String token) {
    JsonObject openRooms = new JsonObject().put("t", "l").put("open", true).put("v.token", token);
    return settings.bool(Setting.LIVECHAT_COLLECT_HTTP_HEADERS)
        .compose(gdpr -> gdpr ? Future.succeededFuture(0L) : MongoCounts.count(mongo, Collections.ROOMS, openRooms))
        .compose(open -> open > 0 ? failure(ErrorCode.VISITOR_HAS_OPEN_ROOMS) : Future.succeededFuture());
  }

  private Future<String> disable(String id) {
    JsonObject unset = new JsonObject();
    REMOVED.forEach(field -> unset.put(field, ""));
    JsonObject update = new JsonObject().put("$set", new JsonObject().put("disabled", true)
        .put("_updatedAt", MongoDocs.now())).put("$unset", unset);
    List<String> changed = new ArrayList<>(REMOVED);
    changed.add("disabled");
    return visitors.updateCounting(id, OutboxEntries.pushing(update, VisitorEvents.pending(EventType.VISITOR_DELETED,
            changed)))
        .compose(modified -> modified == 0 ? failure(ErrorCode.VISITOR_REMOVAL_FAILED) : events.publish(id))
        .map(id);
  }

  private static <T> Future<T> failure(ErrorCode code) {
    return Future.failedFuture(new LivechatException(code));
  }
}
