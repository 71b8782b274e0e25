package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.platform.rocketchat.MongoCounts;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code room.messages} ({@code GET livechat/:rid/messages}; Rocket.Chat 7.x {@code app/livechat/server/api/v1/
 * message.ts} and {@code Messages.findLivechatClosedMessages}): body {@code {rid, searchTerm?, sort?, offset, count}},
 * caller set (the gateway checked {@code view-l-room}, the page and that every sort field is a plain name).
 * <ol>
 *   <li>No livechat room with that id: {@link ErrorCode#INVALID_ROOM}; a room the caller may not access
 *       ({@link RoomAccess}): {@link ErrorCode#ROOM_MESSAGES_NOT_ALLOWED}.</li>
 *   <li>Result {@code {messages, offset, count, total}}: the room's messages without a type and its
 *       {@code livechat-close} messages (no other system message), those whose {@code msg} contains
 *       {@code searchTerm} (literally, {@link Pattern#quote}, case-insensitive; an empty term matches all), sorted by
 *       {@code sort} (default {@code ts} descending), paged; {@code count} is the page size asked for, {@code total}
 *       every match. Messages as stored, ISO dates.</li>
 * </ol>
 * Reads only. On the embedded store the query scans the messages (it answers from an index only a filter on
 * {@code rid} alone): a staff read, not a widget path.
 */
final class RoomMessages {

  private static final JsonObject NEWEST_FIRST = new JsonObject().put("ts", -1);

  private final RoomRepository rooms;
  private final RoomAccess access;
  private final MongoClient mongo;

  RoomMessages(RoomRepository rooms, RoomAccess access, MongoClient mongo) {
    this.rooms = rooms;
    this.access = access;
    this.mongo = mongo;
  }

  /** Handles one {@code room.messages} command. */
  Future<JsonObject> handle(Command command) {
    JsonObject body = command.body();
    return rooms.findById(body.getString("rid", ""))
        .compose(room -> room == null || !"l".equals(room.getValue("t")) ? fail(ErrorCode.INVALID_ROOM)
            : access.canAccess(room, command.caller()))
        .compose(allowed -> allowed ? page(body) : fail(ErrorCode.ROOM_MESSAGES_NOT_ALLOWED));
  }

  private Future<JsonObject> page(JsonObject body) {
    JsonObject query = query(body.getString("rid"), body.getString("searchTerm"));
    int offset = body.getInteger("offset", 0);
    int count = body.getInteger("count", 50);
    FindOptions options = new FindOptions().setSort(body.getJsonObject("sort", NEWEST_FIRST)).setSkip(offset)
        .setLimit(count);
    return Future.all(mongo.findWithOptions(Collections.MESSAGES, query, options),
            MongoCounts.count(mongo, Collections.MESSAGES, query))
        .map(all -> {
          JsonArray messages = new JsonArray();
          all.<List<JsonObject>>resultAt(0).forEach(message -> messages.add(MongoDocs.toApi(message)));
          return new JsonObject().put("messages", messages).put("offset", offset).put("count", count)
              .put("total", all.<Long>resultAt(1));
        });
  }

  /** @return {@code {rid, $or: [{t: {$exists: false}}, {t: 'livechat-close'}], msg?: /term/i}} */
  static JsonObject query(String rid, String searchTerm) {
    JsonObject query = new JsonObject().put("rid", rid).put("$or", new JsonArray()
        .add(new JsonObject().put("t", new JsonObject().put("$exists", false)))
        .add(new JsonObject().put("t", "livechat-close")));
    if (searchTerm != null && !searchTerm.isEmpty()) {
      query.put("msg", new JsonObject().put("$regex", Pattern.quote(searchTerm)).put("$options", "i"));
    }
    return query;
  }

  private static <T> Future<T> fail(ErrorCode code) {
    return Future.failedFuture(new LivechatException(code));
  }
}
