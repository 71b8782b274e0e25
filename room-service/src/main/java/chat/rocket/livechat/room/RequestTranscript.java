package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.Emails;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code room.request-transcript}, {@code POST livechat/transcript} (Rocket.Chat's {@code sendTranscript} checks and
 * {@code requestTranscript} record): body {@code {token, rid, email, subject?}}. No visitor with the token:
 * {@link ErrorCode#ERROR_INVALID_TOKEN}; {@code rid} no livechat room of that visitor (open or closed: the widget asks
 * at the end of a chat): {@link ErrorCode#ERROR_INVALID_ROOM}; an email Rocket.Chat's {@code validateEmail} refuses:
 * {@link ErrorCode#INVALID_EMAIL}. Then, as no mail server is part of this system, the request is recorded on the
 * room as {@code transcriptRequest: {requestedAt, requestedBy: {_id, username, name}, email, subject}} (the visitor
 * requested it; subject defaults to Rocket.Chat's) with a {@code room.updated} event in the same write, for a mailer
 * to act on. Result {@code {message: "Livechat transcript sent"}}. A redelivered command records the request again.
 */
final class RequestTranscript {

  /** Rocket.Chat's answer ({@code Livechat_transcript_sent}). */
  static final String SENT = "Livechat transcript sent";
  /** Rocket.Chat's default subject ({@code Transcript_of_your_livechat_conversation}). */
  static final String DEFAULT_SUBJECT = "Transcript of your livechat conversation";

  private final RoomRepository rooms;
  private final RoomVisitors visitors;
  private final RoomEvents events;

  RequestTranscript(RoomRepository rooms, RoomVisitors visitors, RoomEvents events) {
    this.rooms = rooms;
    this.visitors = visitors;
    this.events = events;
  }

  /** Handles one {@code room.request-transcript} command. */
  Future<JsonObject> handle(Command command) {
    JsonObject body = command.body();
    String token = body.getString("token", "");
    String rid = body.getString("rid", "");
    return visitors.findByToken(token)
        .compose(visitor -> visitor == null ? failure(ErrorCode.ERROR_INVALID_TOKEN)
            : rooms.findById(rid).compose(room -> checkRoom(room, token)).map(visitor))
        .compose(visitor -> Emails.isValid(body.getString("email")) ? record(rid, visitor, body)
            : failure(ErrorCode.INVALID_EMAIL))
        .map(v -> new JsonObject().put("message", SENT));
  }

  private static Future<Void> checkRoom(JsonObject room, String token) {
    boolean visitorsRoom = room != null && "l".equals(room.getValue("t"))
        && room.getValue("v") instanceof JsonObject v && token.equals(v.getValue("token"));
    return visitorsRoom ? Future.succeededFuture() : failure(ErrorCode.ERROR_INVALID_ROOM);
  }

  private Future<Void> record(String rid, JsonObject visitor, JsonObject body) {
    JsonObject requestedBy = new JsonObject().put("_id", visitor.getString("_id"))
        .put("username", visitor.getString("username")).put("name", visitor.getString("name"));
    String subject = body.getString("subject");
    JsonObject request = new JsonObject().put("requestedAt", MongoDocs.now()).put("requestedBy", requestedBy)
        .put("email", body.getString("email"))
        .put("subject", subject == null || subject.isEmpty() ? DEFAULT_SUBJECT : subject);
    JsonObject update = new JsonObject().put("$set", new JsonObject().put("transcriptRequest", request)
        .put("_updatedAt", MongoDocs.now()));
    return rooms.update(rid, new JsonObject(),
            OutboxEntries.pushing(update, RoomEvents.pending(EventType.ROOM_UPDATED, List.of("transcriptRequest"))))
        .compose(v -> events.publish(rid))
        .mapEmpty();
  }

  private static <T> Future<T> failure(ErrorCode code) {
    return Future.failedFuture(new LivechatException(code));
  }
}
