package chat.rocket.livechat.gateway.http;

import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.gateway.messaging.CommandSender;
import chat.rocket.livechat.gateway.validation.Schemas;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The widget's own endpoints besides room and messages (Rocket.Chat's {@code config.ts}, {@code agent.ts},
 * {@code visitor.ts}, {@code customField.ts}, {@code transcript.ts}, {@code offlineMessage.ts}): no authentication,
 * the visitor token in the query, path or body; each is rate limited as an anonymous route ({@link HttpApiVerticle})
 * and validated with Rocket.Chat's schema or {@code check} before its command is sent. Errors are the services'
 * Rocket.Chat bodies ({@link chat.rocket.livechat.contracts.ErrorCode}).
 */
public final class WidgetRoutes {

  private final CommandSender requester;
  private final OpenRoomHints hints;

  /**
   * @param requester sends room and visitor commands and yields their reply bodies
   * @param hints     the visitors' open rooms this gateway answered; a removed visitor's is forgotten
   */
  public WidgetRoutes(CommandSender requester, OpenRoomHints hints) {
    this.requester = requester;
    this.hints = hints;
  }

  /**
   * {@code GET livechat/config?token&department}: ajv query (nullable strings; other keys 400
   * {@code must NOT have additional properties [invalid-params]}). 200 {@code {config, success}}.
   */
  public void config(RoutingContext ctx) {
    ApiResponses.respond(ctx, Future.succeededFuture(ctx)
        .map(c -> RequestInput.validate(RequestInput.query(c), Schemas.CONFIG_QUERY))
        .compose(query -> {
          String token = query.getString("token");
          JsonObject body = new JsonObject().put("token", token).put("department", query.getString("department"));
          return send(ctx, CommandType.ROOM_WIDGET_CONFIG, token == null ? "" : token, body);
        }));
  }

  /**
   * {@code GET livechat/agent.info/:rid/:token}. 200 {@code {agent, success}}; 400 {@code invalid-token},
   * {@code invalid-room}, {@code invalid-agent}.
   */
  public void agentInfo(RoutingContext ctx) {
    String rid = ctx.pathParam("rid");
    JsonObject body = new JsonObject().put("rid", rid).put("token", ctx.pathParam("token"));
    ApiResponses.respond(ctx, send(ctx, CommandType.ROOM_AGENT_INFO, rid, body));
  }

  /**
   * {@code GET livechat/agent.next/:token?department}: ajv query. 200 {@code {agent, success}}, or
   * {@code {success: true}} alone while the visitor has an open room; 400 {@code agent-not-found}.
   */
  public void agentNext(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    ApiResponses.respond(ctx, Future.succeededFuture(ctx)
        .map(c -> RequestInput.validate(RequestInput.query(c), Schemas.AGENT_NEXT_QUERY))
        .compose(query -> send(ctx, CommandType.ROOM_NEXT_AGENT, token,
            new JsonObject().put("token", token).put("department", query.getString("department")))));
  }

  /**
   * {@code POST livechat/visitor.status {token, status}}: Meteor check (400 {@code Match error: ...}). 200
   * {@code {token, status, success}}; 400 {@code [invalid-token]}.
   */
  public void visitorStatus(RoutingContext ctx) {
    ApiResponses.respond(ctx, Future.succeededFuture(ctx)
        .map(c -> RequestInput.check(RequestInput.body(c), Schemas.VISITOR_STATUS_BODY))
        .compose(body -> send(ctx, CommandType.VISITOR_SET_STATUS, body.getString("token"), body)));
  }

  /**
   * {@code POST livechat/custom.field {token, key, value, overwrite}}: ajv body. 200
   * {@code {field: {key, value, overwrite}, success}}; 400 {@code invalid-token}, {@code invalid-custom-field},
   * {@code Invalid value for <key> field}.
   */
  public void customField(RoutingContext ctx) {
    ApiResponses.respond(ctx, Future.succeededFuture(ctx)
        .map(c -> RequestInput.validate(RequestInput.body(c), Schemas.CUSTOM_FIELD_BODY))
        .compose(body -> {
          JsonObject field = new JsonObject().put("key", body.getString("key")).put("value", body.getString("value"))
              .put("overwrite", body.getBoolean("overwrite"));
          return setCustomFields(ctx, body.getString("token"), new JsonArray().add(field))
              .map(fields -> new JsonObject().put("field", field));
        }));
  }

  /**
   * {@code POST livechat/custom.fields {token, customFields: [{key, value, overwrite}]}}: ajv body. 200
   * {@code {fields: [{Key, value, overwrite}], success}}; errors as {@link #customField}.
   */
  public void customFields(RoutingContext ctx) {
    ApiResponses.respond(ctx, Future.succeededFuture(ctx)
        .map(c -> RequestInput.validate(RequestInput.body(c), Schemas.CUSTOM_FIELDS_BODY))
        .compose(body -> setCustomFields(ctx, body.getString("token"), body.getJsonArray("customFields")))
        .map(fields -> new JsonObject().put("fields", fields)));
  }

  /**
   * The visitor-service checks every field and writes the visitor-scope ones; the room-scope ones it hands back go to
   * the room-service, which owns rooms.
   *
   * @return Rocket.Chat's {@code fields} answer
   */
  private Future<JsonArray> setCustomFields(RoutingContext ctx, String token, JsonArray fields) {
    return send(ctx, CommandType.VISITOR_SET_CUSTOM_FIELDS, token,
            new JsonObject().put("token", token).put("customFields", fields))
        .compose(reply -> {
          JsonArray roomFields = reply.getJsonArray("roomFields", new JsonArray());
          return (roomFields.isEmpty() ? Future.succeededFuture()
              : send(ctx, CommandType.ROOM_SET_CUSTOM_FIELDS, token,
                  new JsonObject().put("token", token).put("customFields", roomFields)))
              .map(v -> reply.getJsonArray("fields"));
        });
  }

  /**
   * {@code POST livechat/transcript {token, rid, email, subject?}}: ajv body. 200
   * {@code {message: "Livechat transcript sent", success}}; 400 {@code error-invalid-token},
   * {@code error-invalid-room}, {@code Invalid email [error-invalid-email]}.
   */
  public void transcript(RoutingContext ctx) {
    ApiResponses.respond(ctx, Future.succeededFuture(ctx)
        .map(c -> RequestInput.validate(RequestInput.body(c), Schemas.TRANSCRIPT_BODY))
        .compose(body -> send(ctx, CommandType.ROOM_REQUEST_TRANSCRIPT, body.getString("rid"), body)));
  }

  /**
   * {@code POST livechat/offline.message {name, email, message, department?, host?}}: ajv body. 200
   * {@code {message: "Livechat offline message sent", success}}; 400 {@code Error sending Livechat offline message}.
   */
  public void offlineMessage(RoutingContext ctx) {
    ApiResponses.respond(ctx, Future.succeededFuture(ctx)
        .map(c -> RequestInput.validate(RequestInput.body(c), Schemas.OFFLINE_MESSAGE_BODY))
        .compose(body -> send(ctx, CommandType.VISITOR_OFFLINE_MESSAGE, body.getString("email"), body)));
  }

  /**
   * {@code DELETE livechat/visitor/:token}. 200 {@code {visitor: {_id, ts}, success}}; 400 {@code [invalid-token]},
   * {@code Cannot remove visitors with opened rooms [visitor-has-open-rooms]}. This gateway forgets the visitor's room
   * hint at once, so its next {@code GET livechat/room} is looked up, not answered from a room-service's memory.
   */
  public void deleteVisitor(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    hints.forget(token);
    ApiResponses.respond(ctx, send(ctx, CommandType.VISITOR_DELETE, token, new JsonObject().put("token", token)));
  }

  /** Sends one command for this request, without caller; its correlation id goes to the request's log line. */
  private Future<JsonObject> send(RoutingContext ctx, CommandType type, String key, JsonObject body) {
    return requester.request(RequestLog.commandsOf(ctx), type, key, null, body);
  }
}
