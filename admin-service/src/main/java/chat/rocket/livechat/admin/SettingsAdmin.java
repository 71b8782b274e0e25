package chat.rocket.livechat.admin;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.platform.kafka.Outbox;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;

/**
 * {@code setting.get} and {@code setting.set}: Rocket.Chat's {@code GET} and {@code POST settings/:_id}
 * ({@code app/api/server/v1/settings.ts}; the gateway checked authentication and {@code view-privileged-setting} or
 * {@code edit-privileged-setting}). A setting that does not exist or is {@code hidden: true} is answered as
 * Rocket.Chat's {@code API.v1.failure()}: {@link ErrorCode#FAILURE_WITHOUT_MESSAGE} (400 {@code {"success":false}}).
 */
final class SettingsAdmin {

  private final MongoClient mongo;
  private final Outbox outbox;

  /** @param outbox the outbox of {@code rocketchat_settings}, data field {@code setting} */
  SettingsAdmin(MongoClient mongo, Outbox outbox) {
    this.mongo = mongo;
    this.outbox = outbox;
  }

  /** Body {@code {_id}}; result {@code {_id, value}}. */
  Future<JsonObject> get(Command command) {
    String id = command.body().getString("_id", "");
    return findVisible(id).map(setting -> new JsonObject().put("_id", id).put("value", setting.getValue("value")));
  }

  /**
   * Body {@code {_id, value}}: the value must have the setting's type ({@link SettingTypes}), else
   * {@link ErrorCode#FAILURE_WITHOUT_MESSAGE} and nothing is written. A new value is {@code $set} with
   * {@code _updatedAt} and a {@code setting.changed} event (changed field {@code value}) in one write, then published;
   * the value the setting already has writes nothing (a redelivered command changes nothing twice) but still
   * publishes what an earlier attempt left pending. Result {@code {}}.
   */
  Future<JsonObject> set(Command command) {
    String id = command.body().getString("_id", "");
    Object value = command.body().getValue("value");
    return findVisible(id)
        .compose(setting -> SettingTypes.accepts(setting, value) ? Future.succeededFuture(setting)
            : Future.failedFuture(new LivechatException(ErrorCode.FAILURE_WITHOUT_MESSAGE)))
        .compose(setting -> sameValue(setting.getValue("value"), value) ? Future.succeededFuture() : write(id, value))
        .compose(v -> outbox.publishPending(id))
        .map(published -> new JsonObject());
  }

  /** Finds the setting by {@code _id} alone (the embedded store's indexed lookup) and drops a hidden one here. */
  private Future<JsonObject> findVisible(String id) {
    return mongo.findOne(Collections.SETTINGS, new JsonObject().put("_id", id), null)
        .compose(setting -> setting != null && !setting.getBoolean("hidden", false) ? Future.succeededFuture(setting)
            : Future.failedFuture(new LivechatException(ErrorCode.FAILURE_WITHOUT_MESSAGE)));
  }

  private Future<Void> write(String id, Object value) {
    JsonObject update = new JsonObject().put("$set", new JsonObject().put("value", value)
        .put("_updatedAt", MongoDocs.now()));
    return mongo.updateCollection(Collections.SETTINGS, new JsonObject().put("_id", id),
            OutboxEntries.pushing(update, OutboxEntries.entry(EventType.SETTING_CHANGED, List.of("value"))))
        .mapEmpty();
  }

  /** @return whether two JSON values are the same (numbers compared by value, whatever their Java type) */
  static boolean sameValue(Object stored, Object submitted) {
    if (stored instanceof Number a && submitted instanceof Number b) {
      return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
    }
    return new JsonObject().put("v", stored).equals(new JsonObject().put("v", submitted));
  }
}
