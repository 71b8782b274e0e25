package chat.rocket.livechat.gateway.http;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.gateway.auth.Access;
import chat.rocket.livechat.gateway.messaging.CommandSender;
import chat.rocket.livechat.gateway.validation.Schema;
import chat.rocket.livechat.gateway.validation.Schemas;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;

/**
 * The conversation's endpoints (DESIGN.md, Conversation and realtime): messages, history, closing and page visits,
 * each one room command keyed by {@code rid}. Visitor routes take the token in the body or query and no auth headers;
 * their input is validated as Rocket.Chat's ajv schemas do (400 {@code invalid-params}). Errors are the room-service's
 * failures ({@code invalid-token}, {@code invalid-room}, {@code room-closed}, ...), rendered by {@link ApiResponses}.
 */
public final class ConversationRoutes {

  private final CommandSender requester;
  private final Access access;

  /**
   * @param requester sends room commands and yields their reply bodies
   * @param access    authentication, rate limit, validation and permission checks, in Rocket.Chat's order
   */
  public ConversationRoutes(CommandSender requester, Access access) {
    this.requester = requester;
    this.access = access;
  }

  /**
   * {@code POST livechat/message {token, rid, msg, _id?, agent?}}: 200 {@code {message, success}}; 400
   * {@code invalid-token}, {@code invalid-room}, {@code room-closed}, {@code message-length-exceeds-character-limit}.
   */
  public void send(RoutingContext ctx) {
    visitorCall(ctx, c -> RequestInput.validate(RequestInput.body(c), Schemas.MESSAGE_BODY), CommandType.MESSAGE_SEND,
        Function.identity());
  }

  /**
   * {@code POST chat.sendMessage {message: {rid, msg?, _id?}}} with {@code X-User-Id}/{@code X-Auth-Token}: 401
   * without a session; 200 {@code {message, success}}; 400 {@code error-invalid-room}, {@code error-not-allowed} (the
   * caller neither serves the room nor may access it), {@code room-closed}.
   */
  public void chatSendMessage(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.body(c), Schemas.CHAT_SEND_MESSAGE_BODY), List.of())
        .compose(call -> {
          JsonObject message = call.input().getJsonObject("message");
          return send(ctx, CommandType.MESSAGE_SEND, message.getString("rid"), call.caller(), message);
        }));
  }

  /**
   * {@code GET livechat/messages.history/:rid?token&ls&end&limit&offset}: 200 {@code {messages, success}} newest
   * first; 400 {@code error-token-param-not-provided}, {@code invalid-token}, {@code invalid-room}.
   */
  public void history(RoutingContext ctx) {
    visitorCall(ctx, c -> RequestInput.validate(RequestInput.query(c), Schemas.MESSAGES_HISTORY_QUERY),
        CommandType.MESSAGE_HISTORY, query -> query.copy().put("rid", ctx.pathParam("rid")));
  }

  /** {@code GET livechat/message/:_id?token&rid}: 200 {@code {message, success}}; 400 {@code invalid-message}. */
  public void get(RoutingContext ctx) {
    messageCall(ctx, RequestInput::query, Schemas.MESSAGE_QUERY, CommandType.MESSAGE_GET);
  }

  /**
   * {@code PUT livechat/message/:_id {token, rid, msg}}: 200 {@code {message, success}}; 400
   * {@code error-action-not-allowed}.
   */
  public void update(RoutingContext ctx) {
    messageCall(ctx, RequestInput::body, Schemas.MESSAGE_UPDATE_BODY, CommandType.MESSAGE_UPDATE);
  }

  /** {@code DELETE livechat/message/:_id {token, rid}}: 200 {@code {message: {_id, ts}}}. */
  public void delete(RoutingContext ctx) {
    messageCall(ctx, RequestInput::body, Schemas.MESSAGE_DELETE_BODY, CommandType.MESSAGE_DELETE);
  }

  /**
   * {@code POST livechat/room.close {rid, token}}: 200 {@code {rid, comment, success}}; 400
   * {@code error-not-allowed-to-close-conversation}, {@code invalid-token}, {@code invalid-room},
   * {@code room-closed}, {@code error-room-cannot-be-closed-try-again}. The command carries {@code requestedAt}.
   */
  public void close(RoutingContext ctx) {
    visitorCall(ctx, c -> RequestInput.validate(RequestInput.body(c), Schemas.ROOM_CLOSE_BODY),
        CommandType.ROOM_CLOSE, ConversationRoutes::stamped);
  }

  /**
   * {@code POST livechat/room.closeByUser {rid, comment?, tags?, generateTranscriptPdf?, transcriptEmail?,
   * forceClose?}} (Rocket.Chat 7.x): 401 without a session, 403 without {@code close-livechat-room}; 200
   * {@code {success}}; 400 {@code error-invalid-room}, {@code error-not-authorized},
   * {@code error-room-already-closed}, {@code error-comment-is-required},
   * {@code error-room-cannot-be-closed-try-again}. The command carries {@code requestedAt}.
   */
  public void closeByUser(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.body(c), Schemas.ROOM_CLOSE_BY_USER_BODY),
            List.of(Permission.CLOSE_LIVECHAT_ROOM))
        .compose(call -> send(ctx, CommandType.ROOM_CLOSE, call.input().getString("rid"), call.caller(),
            stamped(call.input())))
        .map(closed -> new JsonObject()));
  }

  /**
   * @return the close command's body: the validated input with {@code requestedAt}, now in epoch ms (the room-service
   *     tells a close that lost a race from a late one by it, see {@code CommandType.ROOM_CLOSE})
   */
  private static JsonObject stamped(JsonObject input) {
    return input.copy().put("requestedAt", System.currentTimeMillis());
  }

  /**
   * {@code POST livechat/page.visited {token, rid?, pageInfo: {change, title, location: {href}}}}: 200
   * {@code {page: {msg, navigation}, success}}, or {@code {success}} when the change is not recorded.
   */
  public void pageVisited(RoutingContext ctx) {
    ApiResponses.respond(ctx, Future.succeededFuture(ctx)
        .map(c -> RequestInput.validate(RequestInput.body(c), Schemas.PAGE_VISITED_BODY))
        .compose(body -> send(ctx, CommandType.ROOM_PAGE_VISITED,
            body.getString("rid") != null ? body.getString("rid") : body.getString("token"), null, body)));
  }

  private void messageCall(RoutingContext ctx, Function<RoutingContext, Object> input, Schema schema,
                           CommandType type) {
    visitorCall(ctx, c -> RequestInput.validate(input.apply(c), schema), type,
        valid -> valid.copy().put("_id", ctx.pathParam("_id")));
  }

  /** Validates a visitor's input, shapes the command body and sends it keyed by its {@code rid}. */
  private void visitorCall(RoutingContext ctx, Function<RoutingContext, JsonObject> validate, CommandType type,
                           Function<JsonObject, JsonObject> body) {
    ApiResponses.respond(ctx, Future.succeededFuture(ctx).map(validate).map(body)
        .compose(command -> send(ctx, type, command.getString("rid"), null, command)));
  }

  /** Sends one command for this request; its correlation id goes to the request's log line ({@link RequestLog}). */
  private Future<JsonObject> send(RoutingContext ctx, CommandType type, String key, Caller caller, JsonObject body) {
    return requester.request(RequestLog.commandsOf(ctx), type, key, caller, body);
  }
}
