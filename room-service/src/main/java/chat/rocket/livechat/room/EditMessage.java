package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.rocketchat.Settings;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * A visitor's own message: {@code room.get-message}, {@code room.update-message}, {@code room.delete-message}
 * ({@code GET|PUT|DELETE livechat/message/:_id}). Body {@code {_id, rid, token, msg?}}. Checks in Rocket.Chat's
 * order: {@link ErrorCode#INVALID_TOKEN}, {@link ErrorCode#INVALID_ROOM} ({@link VisitorRoomLookup}), then
 * {@link ErrorCode#INVALID_MESSAGE} for no such message; unlike Rocket.Chat, a message of another room is also
 * {@code invalid-message} (a visitor reads only its room's messages).
 *
 * <ul>
 *   <li>get: result {@code {message}}.</li>
 *   <li>update: {@code Message_AllowEditing} off or not the visitor's message: {@link ErrorCode#ACTION_NOT_ALLOWED};
 *       sets {@code msg}, {@code editedAt}, {@code editedBy: {_id, username}}; a room whose {@code lastMessage} it is
 *       gets the edited one; {@code message.updated} goes to the room's outbox. Result {@code {message}}.</li>
 *   <li>delete: {@code Message_AllowDeleting} off or not the visitor's: {@link ErrorCode#ACTION_NOT_ALLOWED}; the
 *       room records {@code message.deleted} (and, when it was its {@code lastMessage}, gets the newest remaining one)
 *       before the message is removed, so a redelivery after a crash removes it; result
 *       {@code {message: {_id, ts: <now, ISO>}}}.</li>
 * </ul>
 */
final class EditMessage {

  private final VisitorRoomLookup lookup;
  private final RoomRepository rooms;
  private final MessageRepository messages;
  private final Settings settings;
  private final RoomEvents events;

  EditMessage(VisitorRoomLookup lookup, RoomRepository rooms, MessageRepository messages, Settings settings,
              RoomEvents events) {
    this.lookup = lookup;
    this.rooms = rooms;
    this.messages = messages;
    this.settings = settings;
    this.events = events;
  }

  /** Handles one {@code room.get-message} command. */
  Future<JsonObject> get(Command command) {
    return find(command.body()).map(target -> new JsonObject().put("message", MongoDocs.toApi(target.message())));
  }

  /** Handles one {@code room.update-message} command. */
  Future<JsonObject> update(Command command) {
    JsonObject body = command.body();
    return find(body)
        .compose(target -> allowed(target, Setting.MESSAGE_ALLOW_EDITING))
        .compose(target -> edit(target, body.getString("msg", "")))
        .compose(edited -> events.publish(edited.getString("rid")).map(room -> edited))
        .map(edited -> new JsonObject().put("message", MongoDocs.toApi(edited)));
  }

  /** Handles one {@code room.delete-message} command. */
  Future<JsonObject> delete(Command command) {
    return find(command.body())
        .compose(target -> allowed(target, Setting.MESSAGE_ALLOW_DELETING))
        .compose(this::remove)
        .map(id -> new JsonObject().put("message",
            new JsonObject().put("_id", id).put("ts", MongoDocs.iso(Instant.now()))));
  }

  private Future<Target> find(JsonObject body) {
    String rid = body.getString("rid");
    return lookup.find(body.getString("token"), rid)
        .compose(found -> messages.findById(body.getString("_id"))
            .compose(message -> message != null && rid.equals(message.getString("rid"))
                ? Future.succeededFuture(new Target(found.visitor(), found.room(), message))
                : Future.failedFuture(new LivechatException(ErrorCode.INVALID_MESSAGE))));
  }

  private Future<Target> allowed(Target target, Setting setting) {
    JsonObject author = target.message().getJsonObject("u", new JsonObject());
    boolean own = target.visitor().getString("_id").equals(author.getString("_id"));
    return settings.bool(setting).compose(on -> on && own ? Future.succeededFuture(target)
        : Future.failedFuture(new LivechatException(ErrorCode.ACTION_NOT_ALLOWED)));
  }

  private Future<JsonObject> edit(Target target, String msg) {
    JsonObject now = MongoDocs.now();
    JsonObject editor = new JsonObject().put("_id", target.visitor().getString("_id"))
        .put("username", target.visitor().getString("username"));
    JsonObject edited = target.message().copy().put("msg", msg).put("editedAt", now).put("editedBy", editor)
        .put("_updatedAt", now);
    JsonObject set = new JsonObject().put("msg", msg).put("editedAt", now).put("editedBy", editor)
        .put("_updatedAt", now);
    return messages.update(edited.getString("_id"), new JsonObject().put("$set", set))
        .compose(v -> rooms.update(target.room().getString("_id"), new JsonObject(), OutboxEntries.pushing(
            lastMessageUpdate(target, edited), MessageDocs.event(EventType.MESSAGE_UPDATED, edited))))
        .map(edited);
  }

  private static JsonObject lastMessageUpdate(Target target, JsonObject edited) {
    return isLastMessage(target) ? new JsonObject().put("$set", new JsonObject().put("lastMessage", edited))
        : new JsonObject();
  }

  private Future<String> remove(Target target) {
    String id = target.message().getString("_id");
    String rid = target.room().getString("_id");
    return (isLastMessage(target) ? previousMessage(rid, id) : Future.succeededFuture((JsonObject) null))
        .compose(previous -> rooms.update(rid, new JsonObject(), OutboxEntries.pushing(
            previous == null ? new JsonObject() : new JsonObject().put("$set",
                new JsonObject().put("lastMessage", previous)), MessageDocs.deletedEvent(id, rid))))
        .compose(v -> messages.remove(id))
        .compose(v -> events.publish(rid))
        .map(id);
  }

  /** @return the newest visible message of the room other than {@code id}, or null */
  private Future<JsonObject> previousMessage(String rid, String id) {
    return messages.findByRoomNewestFirst(rid).map((List<JsonObject> all) -> all.stream()
        .filter(message -> !id.equals(message.getString("_id")) && !Boolean.TRUE.equals(message.getValue("_hidden")))
        .findFirst().orElse(null));
  }

  private static boolean isLastMessage(Target target) {
    JsonObject last = target.room().getJsonObject("lastMessage");
    return last != null && target.message().getString("_id").equals(last.getString("_id"));
  }

  /**
   * The message a visitor acts on.
   *
   * @param visitor the visitor of the token
   * @param room    its room
   * @param message the message, of that room
   */
  private record Target(JsonObject visitor, JsonObject room, JsonObject message) {
  }
}
