package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.Ids;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.rocketchat.Settings;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The writes of a room's close, after {@link CloseRoom}'s checks (Rocket.Chat 7.x {@code closeRoom}):
 *
 * <ol>
 *   <li>While the setting {@code Livechat_request_comment_when_closing_conversation} is on (Rocket.Chat's default),
 *       a comment that is missing or blank after trimming fails {@link ErrorCode#COMMENT_IS_REQUIRED} and nothing is
 *       written (a visitor's close always has {@value CloseRoom#CLOSED_BY_VISITOR}).</li>
 *   <li>The {@code livechat-close} system message (msg = the comment or {@code ""}, u = the closer, with the
 *       visitor's {@code token} when the visitor closes); its {@code _id} is derived from the rid (from the rid and
 *       the command's correlation id when a forced close closes a closed room again), so a redelivered command
 *       stores it once.</li>
 *   <li>One room write: {@code open} removed, {@code closedAt}, {@code closedBy: {_id, username}}, {@code closer},
 *       {@code metrics.chatDuration} (seconds since the room's {@code ts}), {@code metrics.serviceTimeDuration}
 *       (seconds since {@code servedBy.ts}, when served), {@code v.status: offline}, {@code tags} (the request's tags
 *       followed by the room's, without repeats, when any), {@code msgs + 1}, and the events {@code message.created}
 *       (the close message) and {@code room.closed}, in that order.</li>
 *   <li>The inquiry and the subscriptions are removed and the events published.</li>
 * </ol>
 * No transcript is produced: the request's {@code generateTranscriptPdf} and {@code transcriptEmail} are accepted
 * and ignored (no PDF service, no mail server here).
 */
final class RoomClosing {

  private static final List<String> CHANGED = List.of("open", "closedAt", "closedBy", "closer", "metrics",
      "v.status", "msgs");

  private final RoomRepository rooms;
  private final MessageRepository messages;
  private final Settings settings;
  private final RoomEvents events;

  RoomClosing(RoomRepository rooms, MessageRepository messages, Settings settings, RoomEvents events) {
    this.rooms = rooms;
    this.messages = messages;
    this.settings = settings;
    this.events = events;
  }

  /**
   * @return {@code {rid, comment}} once the room is closed; fails {@link ErrorCode#COMMENT_IS_REQUIRED} as above
   */
  Future<JsonObject> close(Closing closing) {
    return settings.bool(Setting.LIVECHAT_REQUEST_COMMENT_WHEN_CLOSING_CONVERSATION)
        .compose(required -> required && isBlank(closing.comment())
            ? Future.<Closing>failedFuture(new LivechatException(ErrorCode.COMMENT_IS_REQUIRED))
            : Future.succeededFuture(closing))
        .compose(this::write);
  }

  private Future<JsonObject> write(Closing closing) {
    String rid = closing.room().getString("_id");
    JsonObject message = closeMessage(closing);
    JsonObject update = closingUpdate(closing);
    List<String> changed = new ArrayList<>(CHANGED);
    if (update.getJsonObject("$set").containsKey("tags")) {
      changed.add("tags");
    }
    return messages.insert(message)
        .compose(v -> rooms.update(rid, new JsonObject(), OutboxEntries.pushingAll(update,
            List.of(MessageDocs.event(EventType.MESSAGE_CREATED, message),
                RoomEvents.pending(EventType.ROOM_CLOSED, changed)))))
        .compose(v -> rooms.removeInquiryAndSubscriptions(rid))
        .compose(v -> events.publish(rid))
        .map(closed -> new JsonObject().put("rid", rid).put("comment", closing.comment()));
  }

  private static boolean isBlank(String comment) {
    return comment == null || comment.strip().isEmpty();
  }

  private static JsonObject closeMessage(Closing closing) {
    String rid = closing.room().getString("_id");
    Closer closer = closing.closer();
    JsonObject user = new JsonObject().put("_id", closer.id()).put("username", closer.username());
    JsonObject extra = new JsonObject().put("transcriptRequested", false);
    if (closer.token() != null) {
      extra.put("token", closer.token());
    }
    String seed = RoomRepository.isOpenLivechat(closing.room()) ? rid + ":livechat-close"
        : rid + ":livechat-close:" + closing.commandId();
    return MessageDocs.systemMessage(Ids.derivedId(seed), "livechat-close", rid,
        closing.comment() == null ? "" : closing.comment(), user, extra);
  }

  private static JsonObject closingUpdate(Closing closing) {
    JsonObject room = closing.room();
    Closer closer = closing.closer();
    Instant now = Instant.now();
    JsonObject set = new JsonObject().put("closedAt", MongoDocs.date(now))
        .put("metrics.chatDuration", seconds(room.getValue("ts"), now)).put("v.status", "offline")
        .put("closer", closer.kind())
        .put("closedBy", new JsonObject().put("_id", closer.id()).put("username", closer.username()))
        .put("_updatedAt", MongoDocs.date(now));
    if (room.getValue("servedBy") instanceof JsonObject servedBy && servedBy.getValue("ts") != null) {
      set.put("metrics.serviceTimeDuration", seconds(servedBy.getValue("ts"), now));
    }
    Set<String> tags = new LinkedHashSet<>(closing.tags());
    if (room.getValue("tags") instanceof JsonArray roomTags) {
      roomTags.forEach(tag -> tags.add(String.valueOf(tag)));
    }
    if (!tags.isEmpty()) {
      set.put("tags", new JsonArray(new ArrayList<>(tags)));
    }
    return new JsonObject().put("$set", set).put("$unset", new JsonObject().put("open", ""))
        .put("$inc", new JsonObject().put("msgs", 1));
  }

  /** @return the seconds (with ms) from a stored date to {@code now} */
  private static double seconds(Object since, Instant now) {
    return Duration.between(MessageDocs.instant(since), now).toMillis() / 1000.0;
  }

  /**
   * Who closes the room.
   *
   * @param id       visitor or user {@code _id}
   * @param username its username
   * @param kind     {@code visitor} or {@code user} (the room's {@code closer})
   * @param token    the visitor's token, or null for a user
   */
  record Closer(String id, String username, String kind, String token) {
  }

  /**
   * One close, as checked.
   *
   * @param room      the room as read before the close (closed only for a permitted {@code forceClose})
   * @param closer    who closes it
   * @param comment   the comment (the close message's text), or null
   * @param tags      the request's tags (none for a visitor)
   * @param commandId the command's correlation id
   */
  record Closing(JsonObject room, Closer closer, String comment, List<String> tags, String commandId) {
  }
}
