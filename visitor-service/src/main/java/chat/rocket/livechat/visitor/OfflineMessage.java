package chat.rocket.livechat.visitor;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.rocketchat.Emails;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.rocketchat.Settings;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;

/**
 * {@code visitor.offline-message}, {@code POST livechat/offline.message} (Rocket.Chat's {@code offlineMessage.ts} and
 * {@code sendOfflineMessage}): body {@code {name, email, message, department?, host?}}. With setting
 * {@code Livechat_display_offline_form} off, or an email Rocket.Chat's {@code validateEmail} refuses:
 * {@link ErrorCode#OFFLINE_MESSAGE_FAILED} (Rocket.Chat answers every failure with that one text). No mail server is
 * part of this system, so the message is stored in {@link Collections#OFFLINE_MESSAGES} as
 * {@code {_id, name, email, message, department?, host?, ts}} for a mailer or an agent to pick up; {@code _id} is the
 * command's correlation id and the write an upsert by it, so a redelivered command stores nothing twice. Result
 * {@code {message: "Livechat offline message sent"}}.
 */
final class OfflineMessage {

  /** Rocket.Chat's answer ({@code Livechat_offline_message_sent}). */
  static final String SENT = "Livechat offline message sent";

  private final MongoClient mongo;
  private final Settings settings;

  OfflineMessage(MongoClient mongo, Settings settings) {
    this.mongo = mongo;
    this.settings = settings;
  }

  /** Handles one {@code visitor.offline-message} command. */
  Future<JsonObject> handle(Command command) {
    JsonObject body = command.body();
    return settings.bool(Setting.LIVECHAT_DISPLAY_OFFLINE_FORM)
        .compose(shown -> shown && Emails.isValid(body.getString("email")) ? store(command.correlationId(), body)
            : Future.failedFuture(new LivechatException(ErrorCode.OFFLINE_MESSAGE_FAILED)))
        .map(v -> new JsonObject().put("message", SENT));
  }

  private Future<Void> store(String id, JsonObject body) {
    JsonObject document = new JsonObject().put("_id", id).put("name", body.getString("name"))
        .put("email", body.getString("email")).put("message", body.getString("message")).put("ts", MongoDocs.now());
    for (String optional : new String[] {"department", "host"}) {
      if (body.getValue(optional) instanceof String value) {
        document.put(optional, value);
      }
    }
    return mongo.save(Collections.OFFLINE_MESSAGES, document).mapEmpty();
  }
}
