package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The {@code rocketchat_message} documents the room-service writes, in Rocket.Chat's shapes ({@code sendMessage},
 * {@code saveSystemMessage}), and the message events recorded in the room's outbox.
 *
 * <ul>
 *   <li>A visitor's message: {@code {_id, rid, msg, token, alias?, ts, u: {_id, username, name?}, _updatedAt}};
 *       {@code alias} is the visitor's name when it has one ({@code Livechat.sendMessage}).</li>
 *   <li>An agent's message: {@code {_id, rid, msg, ts, u: {_id, username, name?}, _updatedAt}}.</li>
 *   <li>A system message: {@code {_id, t, rid, ts, msg, u: {_id, username}, groupable: false, _updatedAt, ...}}.</li>
 * </ul>
 * Event data: {@code {message: <document, ISO dates>}} for {@code message.created|updated}, {@code {message: {_id,
 * rid}}} for {@code message.deleted}; key rid.
 */
final class MessageDocs {

  private MessageDocs() {
  }

  /**
   * @param sender {@code {_id, username, name?}}: the visitor or the agent
   * @param token  the visitor's token for a visitor's message, else null
   * @return a message from a person
   */
  static JsonObject userMessage(String id, String rid, String msg, JsonObject sender, String token) {
    JsonObject now = MongoDocs.now();
    JsonObject message = new JsonObject().put("_id", id).put("rid", rid).put("msg", msg);
    if (token != null) {
      message.put("token", token);
      String name = sender.getString("name");
      if (name != null && !name.isEmpty()) {
        message.put("alias", name);
      }
    }
    return message.put("ts", now).put("u", user(sender)).put("_updatedAt", now);
  }

  /**
   * @param type  {@code t}, e.g. {@code livechat-close}
   * @param user  {@code {_id, username}} the message is shown from
   * @param extra further fields ({@code token}, {@code navigation}, ...)
   * @return a system message
   */
  static JsonObject systemMessage(String id, String type, String rid, String msg, JsonObject user, JsonObject extra) {
    JsonObject now = MongoDocs.now();
    JsonObject message = new JsonObject().put("_id", id).put("t", type);
    if (rid != null) {
      message.put("rid", rid);
    }
    message.put("ts", now).put("msg", msg)
        .put("u", new JsonObject().put("_id", user.getString("_id")).put("username", user.getString("username")))
        .put("groupable", false);
    extra.forEach(field -> message.put(field.getKey(), field.getValue()));
    return message.put("_updatedAt", now);
  }

  /** @return {@code {_id, username, name?}} of a visitor or user document */
  static JsonObject user(JsonObject person) {
    JsonObject user = new JsonObject().put("_id", person.getString("_id"))
        .put("username", person.getString("username"));
    String name = person.getString("name");
    return name == null ? user : user.put("name", name);
  }

  /** @return the outbox entry of {@code message.created} or {@code message.updated} with the whole message */
  static JsonObject event(EventType type, JsonObject message) {
    return OutboxEntries.frozenEntry(type, new JsonObject().put("message", MongoDocs.toApi(message)));
  }

  /** @return the outbox entry of {@code message.deleted}: {@code {message: {_id, rid}}} */
  static JsonObject deletedEvent(String id, String rid) {
    return OutboxEntries.frozenEntry(EventType.MESSAGE_DELETED,
        new JsonObject().put("message", new JsonObject().put("_id", id).put("rid", rid)));
  }

  /** @return the instant of a stored date ({@code {"$date": ...}}) or ISO string; null gives {@link Instant#EPOCH} */
  static Instant instant(Object date) {
    if (date == null) {
      return Instant.EPOCH;
    }
    return Instant.parse(MongoDocs.toApi(new JsonObject().put("d", date)).getString("d"));
  }
}
