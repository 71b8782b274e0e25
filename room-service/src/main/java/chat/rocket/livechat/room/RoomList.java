package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.platform.rocketchat.MongoCounts;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * {@code room.list} and {@code room.filters}: Rocket.Chat's {@code GET livechat/rooms} ({@code findRooms},
 * {@code LivechatRooms.findRoomsWithCriteria}) and {@code GET livechat/rooms/filters}
 * ({@code findAvailableSources}) over {@code rocketchat_room}. The gateway validated the filters and checked that
 * every field name in {@code customFields}, {@code sort} and {@code fields} is a plain name; text filters are matched
 * literally ({@link Pattern#quote}). Reads only. On the embedded store these filters scan the rooms: a staff list, not
 * a widget path.
 */
final class RoomList {

  private static final JsonObject NEWEST_FIRST = new JsonObject().put("ts", -1);

  private final MongoClient mongo;

  RoomList(MongoClient mongo) {
    this.mongo = mongo;
  }

  /**
   * Body as {@code CommandType.ROOM_LIST} describes it. Result {@code {rooms, count: rooms on this page, offset,
   * total: every match}}; {@code open: true} leaves out queued rooms (no agent yet), {@code queued: true} gives only
   * those, {@code open: false} only closed rooms.
   */
  Future<JsonObject> list(Command command) {
    JsonObject body = command.body();
    JsonObject query = query(body);
    int offset = body.getInteger("offset", 0);
    FindOptions options = new FindOptions().setSort(body.getJsonObject("sort", NEWEST_FIRST)).setSkip(offset)
        .setLimit(body.getInteger("count", 50));
    if (body.getJsonObject("fields") != null) {
      options.setFields(body.getJsonObject("fields"));
    }
    return mongo.findWithOptions(Collections.ROOMS, query, options)
        .compose(rooms -> MongoCounts.count(mongo, Collections.ROOMS, query).map(total -> {
          JsonArray page = new JsonArray();
          rooms.forEach(room -> page.add(MongoDocs.toApi(room)));
          return new JsonObject().put("rooms", page).put("count", page.size()).put("offset", offset)
              .put("total", total);
        }));
  }

  /** Result {@code {filters: [{type}]}}: each source type of a stored livechat room once. */
  Future<JsonObject> filters(Command command) {
    return mongo.distinctWithQuery(Collections.ROOMS, "source.type", String.class.getName(),
            new JsonObject().put("t", "l"))
        .map(types -> {
          JsonArray filters = new JsonArray();
          types.forEach(type -> filters.add(new JsonObject().put("type", type)));
          return new JsonObject().put("filters", filters);
        });
  }

  static JsonObject query(JsonObject body) {
    JsonObject query = new JsonObject().put("t", "l");
    if (body.getJsonArray("agents") != null) {
      query.put("servedBy._id", new JsonObject().put("$in", body.getJsonArray("agents")));
    }
    if (body.getString("roomName") != null) {
      query.put("fname", nameMatch(body.getString("roomName")));
    }
    if (body.getString("departmentId") != null) {
      query.put("departmentId", body.getString("departmentId"));
    }
    if (body.getJsonArray("tags") != null) {
      query.put("tags", new JsonObject().put("$in", body.getJsonArray("tags")));
    }
    status(body, query);
    range(body.getJsonObject("createdAt"), "ts", query);
    range(body.getJsonObject("closedAt"), "closedAt", query);
    JsonObject customFields = body.getJsonObject("customFields", new JsonObject());
    customFields.forEach(field -> query.put("livechatData." + field.getKey(), new JsonObject()
        .put("$regex", Pattern.quote(String.valueOf(field.getValue()))).put("$options", "i")));
    return query;
  }

  /** {@code "name"} in double quotes: the whole name; otherwise any part of it; case-insensitive either way. */
  private static JsonObject nameMatch(String roomName) {
    boolean exact = roomName.length() > 1 && roomName.startsWith("\"") && roomName.endsWith("\"");
    String text = exact ? roomName.substring(1, roomName.length() - 1) : roomName;
    String pattern = exact ? "^" + Pattern.quote(text) + "$" : Pattern.quote(text);
    return new JsonObject().put("$regex", pattern).put("$options", "i");
  }

  private static void status(JsonObject body, JsonObject query) {
    if (body.getBoolean("queued", false)) {
      query.put("open", true).put("servedBy", new JsonObject().put("$exists", false));
    } else if (body.getValue("open") instanceof Boolean open) {
      query.put("open", open ? (Object) true : new JsonObject().put("$exists", false));
      if (open) {
        query.put("servedBy", new JsonObject().put("$exists", true));
      }
    }
  }

  private static void range(JsonObject range, String field, JsonObject query) {
    if (range == null) {
      return;
    }
    JsonObject bounds = new JsonObject();
    if (range.getString("start") != null) {
      bounds.put("$gte", MongoDocs.date(Instant.parse(range.getString("start"))));
    }
    if (range.getString("end") != null) {
      bounds.put("$lte", MongoDocs.date(Instant.parse(range.getString("end"))));
    }
    if (!bounds.isEmpty()) {
      query.put(field, bounds);
    }
  }
}
