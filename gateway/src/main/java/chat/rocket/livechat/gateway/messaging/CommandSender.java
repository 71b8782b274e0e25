package chat.rocket.livechat.gateway.messaging;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.CommandType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Sends one command to the service that executes it and yields its reply (STYLE.md P5). */
public interface CommandSender {

  /**
   * @param ctx    the HTTP request the command serves (its correlation ids go into the request log line)
   * @param type   the command
   * @param key    the record key (visitor token, rid or visitor id: per-entity ordering)
   * @param caller the authenticated caller, or null
   * @param body   the command body
   * @return the SUCCESS reply body; fails with the reply's {@link chat.rocket.livechat.contracts.LivechatException},
   *     or with {@code TIMEOUT} (504) / {@code SERVICE_UNAVAILABLE} (503)
   */
  public Future<JsonObject> request(RoutingContext ctx, CommandType type, String key, Caller caller, JsonObject body);
}
