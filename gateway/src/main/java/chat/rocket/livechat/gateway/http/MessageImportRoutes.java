package chat.rocket.livechat.gateway.http;

import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.gateway.auth.Access;
import chat.rocket.livechat.gateway.messaging.CommandSender;
import chat.rocket.livechat.gateway.validation.StaffReadSchemas;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code POST livechat/messages {visitor: {token}, messages: [{msg}]}}: an authenticated integration posts messages as
 * a visitor (Rocket.Chat 7.x {@code app/livechat/server/api/v1/message.ts}; no permission but a session). The
 * messages go to the visitor's open room; a visitor without one gets a new room ({@code api} source, routed as any
 * new room), and an unknown token is first registered as a visitor, as Rocket.Chat does. Composed of the existing
 * commands: {@link CommandType#VISITOR_REGISTER}, {@link CommandType#ROOM_GET_OR_CREATE} and one
 * {@link CommandType#MESSAGE_SEND} per message, in order.
 */
public final class MessageImportRoutes {

  private final CommandSender requester;
  private final Access access;

  /**
   * @param requester sends the visitor and room commands and yields their reply bodies
   * @param access    authentication, rate limit and validation, in Rocket.Chat's order
   */
  public MessageImportRoutes(CommandSender requester, Access access) {
    this.requester = requester;
    this.access = access;
  }

  /**
   * 200 {@code {messages: [{username, msg, ts}], success}} (the visitor's username, ISO {@code ts}); 401 without a
   * session; 400 {@code must have required property 'visitor' [invalid-params]}, {@code ... 'token'},
   * {@code ... 'messages'}, {@code must be array}, {@code must NOT have fewer than 1 items}; the room's failures
   * (e.g. {@code Sorry, no online agents [no-agent-online]} when a new room finds no agent).
   */
  public void importMessages(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.body(c), StaffReadSchemas.MESSAGES_IMPORT_BODY), List.of())
        .compose(call -> {
          String token = call.input().getJsonObject("visitor").getString("token");
          return roomOf(ctx, token).compose(rid -> sendAll(ctx, token, rid, call.input().getJsonArray("messages")));
        }));
  }

  /** @return the rid of the visitor's open room, created (and the visitor registered) when missing */
  private Future<String> roomOf(RoutingContext ctx, String token) {
    return getOrCreate(ctx, token)
        .recover(e -> e instanceof LivechatException refused && refused.code() == ErrorCode.INVALID_TOKEN
            ? register(ctx, token).compose(v -> getOrCreate(ctx, token)) : Future.failedFuture(e));
  }

  private Future<String> getOrCreate(RoutingContext ctx, String token) {
    JsonObject body = new JsonObject().put("token", token).put("source", new JsonObject().put("type", "api"));
    return send(ctx, CommandType.ROOM_GET_OR_CREATE, token, body)
        .map(reply -> reply.getJsonObject("room").getString("_id"));
  }

  private Future<JsonObject> register(RoutingContext ctx, String token) {
    return send(ctx, CommandType.VISITOR_REGISTER, token, new JsonObject()
        .put("visitor", new JsonObject().put("token", token)).put("connection", VisitorRoutes.connection(ctx)));
  }

  /** Sends the messages one after the other, so they are stored in the given order. */
  private Future<JsonObject> sendAll(RoutingContext ctx, String token, String rid, JsonArray messages) {
    Future<JsonArray> sent = Future.succeededFuture(new JsonArray());
    for (Object item : messages) {
      String msg = ((JsonObject) item).getString("msg");
      sent = sent.compose(done -> send(ctx, CommandType.MESSAGE_SEND, rid, new JsonObject().put("token", token)
              .put("rid", rid).put("msg", msg))
          .map(reply -> done.add(summary(reply.getJsonObject("message")))));
    }
    return sent.map(all -> new JsonObject().put("messages", all));
  }

  /** @return {@code {username, msg, ts}} of a stored message */
  private static JsonObject summary(JsonObject message) {
    return new JsonObject().put("username", message.getJsonObject("u").getString("username"))
        .put("msg", message.getString("msg")).put("ts", message.getValue("ts"));
  }

  private Future<JsonObject> send(RoutingContext ctx, CommandType type, String key, JsonObject body) {
    return requester.request(RequestLog.commandsOf(ctx), type, key, null, body);
  }
}
