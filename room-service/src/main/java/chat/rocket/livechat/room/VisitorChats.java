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
 * The staff's views of a visitor's conversations, Rocket.Chat 7.x's {@code livechat/visitors.*} reads
 * ({@code app/livechat/server/api/lib/visitors.ts}): {@code room.pages-visited} ({@code findVisitedPages}),
 * {@code room.chat-history} ({@code findChatHistory}) and {@code room.search-chats} ({@code searchChats},
 * {@code LivechatRooms.findRoomsByVisitorIdAndMessageWithCriteria}). Each body carries the room it is asked from
 * ({@code roomId}), the page ({@code offset}, {@code count}) and an optional {@code sort} (plain field names, checked
 * by the gateway); text is matched literally ({@link Pattern#quote}). No livechat room {@code roomId}:
 * {@link ErrorCode#INVALID_ROOM}; the history and search also need access to it ({@link RoomAccess}), else
 * {@link ErrorCode#NOT_ALLOWED}. Results carry {@code count} (this page's size), {@code offset} and {@code total}
 * (every match); documents as stored, ISO dates. Reads only; on the embedded store these queries scan.
 */
final class VisitorChats {

  private static final JsonObject NEWEST_FIRST = new JsonObject().put("ts", -1);

  private final RoomRepository rooms;
  private final RoomAccess access;
  private final MongoClient mongo;

  VisitorChats(RoomRepository rooms, RoomAccess access, MongoClient mongo) {
    this.rooms = rooms;
    this.access = access;
    this.mongo = mongo;
  }

  /** {@code room.pages-visited}: result {@code {pages, count, offset, total}}, the room's navigation messages. */
  Future<JsonObject> pagesVisited(Command command) {
    JsonObject body = command.body();
    return livechatRoom(body.getString("roomId", ""))
        .compose(room -> page(Collections.MESSAGES, new JsonObject().put("rid", room.getString("_id"))
            .put("t", "livechat_navigation_history"), body, "pages"));
  }

  /** {@code room.chat-history}: result {@code {history, count, offset, total}}, the visitor's livechat rooms. */
  Future<JsonObject> chatHistory(Command command) {
    JsonObject body = command.body();
    return accessibleRoom(command)
        .compose(room -> page(Collections.ROOMS, visitorRooms(body), body, "history"));
  }

  /**
   * {@code room.search-chats}: the visitor's rooms, {@code closedOnly} those with {@code closedAt},
   * {@code servedOnly} those with {@code servedBy}, {@code source} those whose source type or alias contains it, and
   * {@code searchText} those with a message containing it (case-insensitive).
   */
  Future<JsonObject> searchChats(Command command) {
    JsonObject body = command.body();
    JsonObject query = visitorRooms(body);
    if (body.getBoolean("closedOnly", false)) {
      query.put("closedAt", new JsonObject().put("$exists", true));
    }
    if (body.getBoolean("servedOnly", false)) {
      query.put("servedBy", new JsonObject().put("$exists", true));
    }
    String source = body.getString("source");
    if (source != null && !source.isEmpty()) {
      query.put("$or", new JsonArray().add(new JsonObject().put("source.type", contains(source)))
          .add(new JsonObject().put("source.alias", contains(source))));
    }
    return accessibleRoom(command)
        .compose(room -> withMessage(query, body.getString("searchText")))
        .compose(filtered -> page(Collections.ROOMS, filtered, body, "history"));
  }

  private static JsonObject visitorRooms(JsonObject body) {
    return new JsonObject().put("t", "l").put("v._id", body.getString("visitorId", ""));
  }

  /** @return the query narrowed to rooms with a message containing {@code text}; the query itself without text */
  private Future<JsonObject> withMessage(JsonObject query, String text) {
    if (text == null || text.isEmpty()) {
      return Future.succeededFuture(query);
    }
    return mongo.findWithOptions(Collections.ROOMS, query, new FindOptions().setFields(new JsonObject().put("_id", 1)))
        .compose(found -> mongo.distinctWithQuery(Collections.MESSAGES, "rid", String.class.getName(),
            new JsonObject().put("rid", new JsonObject().put("$in", new JsonArray(found.stream()
                .map(room -> room.getValue("_id")).toList()))).put("msg", contains(text))))
        .map(rids -> query.copy().put("_id", new JsonObject().put("$in", rids)));
  }

  private Future<JsonObject> livechatRoom(String roomId) {
    return rooms.findById(roomId).compose(room -> room == null || !"l".equals(room.getValue("t"))
        ? Future.failedFuture(new LivechatException(ErrorCode.INVALID_ROOM)) : Future.succeededFuture(room));
  }

  private Future<JsonObject> accessibleRoom(Command command) {
    return livechatRoom(command.body().getString("roomId", ""))
        .compose(room -> access.canAccess(room, command.caller())
            .compose(allowed -> allowed ? Future.succeededFuture(room)
                : Future.failedFuture(new LivechatException(ErrorCode.NOT_ALLOWED))));
  }

  /** @return {@code {<name>: page of documents, count, offset, total}} */
  private Future<JsonObject> page(String collection, JsonObject query, JsonObject body, String name) {
    int offset = body.getInteger("offset", 0);
    FindOptions options = new FindOptions().setSort(body.getJsonObject("sort", NEWEST_FIRST)).setSkip(offset)
        .setLimit(body.getInteger("count", 50));
    return Future.all(mongo.findWithOptions(collection, query, options), MongoCounts.count(mongo, collection, query))
        .map(all -> {
          JsonArray documents = new JsonArray();
          all.<List<JsonObject>>resultAt(0).forEach(document -> documents.add(MongoDocs.toApi(document)));
          return new JsonObject().put(name, documents).put("count", documents.size()).put("offset", offset)
              .put("total", all.<Long>resultAt(1));
        });
  }

  private static JsonObject contains(String text) {
    return new JsonObject().put("$regex", Pattern.quote(text)).put("$options", "i");
  }
}
