package chat.rocket.livechat.gateway.messaging;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.CommandType;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;

/**
 * Sends one command to the service that executes it and yields its reply (STYLE.md P5). Transport only: it knows
 * nothing of HTTP; a caller that wants to log which commands a request sent passes a listener of correlation ids.
 */
public interface CommandSender {

  /**
   * @param sent   told the command's correlation id (a UUID) before the command is sent, e.g. the HTTP request log
   * @param type   the command
   * @param key    the record key (visitor token, rid or visitor id: per-entity ordering)
   * @param caller the authenticated caller, or null
   * @param body   the command body
   * @return the SUCCESS reply body; fails with the reply's {@link chat.rocket.livechat.contracts.LivechatException},
   *     or with {@code TIMEOUT} (504) / {@code SERVICE_UNAVAILABLE} (503)
   */
  Future<JsonObject> request(Consumer<String> sent, CommandType type, String key, Caller caller, JsonObject body);

  /**
   * As {@link #request}, for a caller that hands the SUCCESS body on unchanged (an HTTP body): the body as JSON bytes,
   * one object, exactly the encoding of the result {@link #request} would yield. This default encodes that result; a
   * transport that receives the bytes passes them on without parsing them.
   *
   * @return the SUCCESS reply body, encoded; fails as {@link #request}
   */
  default Future<Buffer> requestEncoded(Consumer<String> sent, CommandType type, String key, Caller caller,
                                        JsonObject body) {
    return request(sent, type, key, caller, body).map(JsonObject::toBuffer);
  }
}
