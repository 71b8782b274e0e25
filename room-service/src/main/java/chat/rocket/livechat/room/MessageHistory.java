package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code room.message-history} ({@code GET livechat/messages.history/:rid}, Rocket.Chat's {@code loadMessageHistory}):
 * body {@code {rid, token, ls?, end?, limit?, offset?}} (query strings); result {@code {messages}}: the room's
 * visible messages ({@code _hidden} not true) older than {@code end} when given, newest first, after skipping
 * {@code offset} (default 0), at most {@code limit} (default 20). {@code ls} (last seen) marks unread messages in
 * Rocket.Chat and filters nothing. An empty token is {@link ErrorCode#TOKEN_PARAM_NOT_PROVIDED}, then
 * {@link ErrorCode#INVALID_TOKEN} and {@link ErrorCode#INVALID_ROOM} ({@link VisitorRoomLookup}); the room may be
 * closed. The room's messages are read by {@code rid} alone and filtered here (the embedded store's index rule).
 */
final class MessageHistory {

  /** Rocket.Chat's default page size of the history. */
  static final int DEFAULT_LIMIT = 20;

  private final VisitorRoomLookup lookup;
  private final MessageRepository messages;

  MessageHistory(VisitorRoomLookup lookup, MessageRepository messages) {
    this.lookup = lookup;
    this.messages = messages;
  }

  /** Handles one {@code room.message-history} command. */
  Future<JsonObject> handle(Command command) {
    JsonObject body = command.body();
    String token = body.getString("token", "");
    if (token.isEmpty()) {
      return Future.failedFuture(new LivechatException(ErrorCode.TOKEN_PARAM_NOT_PROVIDED));
    }
    Instant end = date(body.getString("end"));
    int offset = number(body.getString("offset"), 0);
    int limit = number(body.getString("limit"), DEFAULT_LIMIT);
    return lookup.find(token, body.getString("rid"))
        .compose(found -> messages.findByRoomNewestFirst(found.room().getString("_id")))
        .map(all -> new JsonObject().put("messages", page(all, end, offset, limit)));
  }

  private static JsonArray page(List<JsonObject> newestFirst, Instant end, int offset, int limit) {
    JsonArray page = new JsonArray();
    newestFirst.stream()
        .filter(message -> !Boolean.TRUE.equals(message.getValue("_hidden")))
        .filter(message -> end == null || MessageDocs.instant(message.getValue("ts")).isBefore(end))
        .skip(offset)
        .limit(limit)
        .forEach(message -> page.add(MongoDocs.toApi(message)));
    return page;
  }

  /**
   * @return the instant of an ISO-8601 date-time ({@code 2026-01-01T10:00:00.000Z}, or with an offset), or null when
   *     absent or not such a date (then nothing is cut, as a JavaScript {@code Invalid Date} cuts nothing)
   */
  private static Instant date(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notIso) {
      return null;
    }
  }

  /** @return a non-negative whole number ({@code parseInt}), or the fallback */
  private static int number(String value, int fallback) {
    try {
      int parsed = value == null ? fallback : Integer.parseInt(value.trim());
      return parsed < 0 ? fallback : parsed;
    } catch (NumberFormatException notANumber) {
      return fallback;
    }
  }
}
