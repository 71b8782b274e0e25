package chat.rocket.livechat.gateway.http;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.gateway.auth.Access;
import chat.rocket.livechat.gateway.messaging.CommandSender;
import chat.rocket.livechat.gateway.validation.Schemas;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** The visitor endpoints (spec §6, §7.1, §7.2; DECISIONS.md, Endpoints). */
public final class VisitorRoutes {

  private final CommandSender requester;
  private final Access access;

  /**
   * @param requester sends visitor commands and yields their reply bodies
   * @param access    authentication, rate limit, validation and permission checks, in Rocket.Chat's order
   */
  public VisitorRoutes(CommandSender requester, Access access) {
    this.requester = requester;
    this.access = access;
  }

  /**
   * {@code GET livechat/visitors.info?visitorId} and its seed name {@code livechat/visitor.info}: auth, ajv query,
   * {@code view-l-room}. 200 {@code {visitor, success}}; 400 {@code visitor-not-found}.
   */
  public void info(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.query(c), Schemas.VISITORS_INFO_QUERY),
            List.of(Permission.VIEW_L_ROOM))
        .compose(call -> send(ctx, CommandType.VISITOR_GET_BY_ID, call.input().getString("visitorId"),
            call.caller(), call.input())));
  }

  /**
   * {@code POST livechat/visitor}: no auth; Meteor check of {@code {visitor: {token, ...}}}; the connection data
   * (user agent, client ip from {@code x-real-ip} / {@code x-forwarded-for} / socket, host) goes along for the
   * header-collection setting. 200 {@code {visitor, success}}.
   */
  public void register(RoutingContext ctx) {
    ApiResponses.respond(ctx, Future.succeededFuture(ctx)
        .map(c -> RequestInput.check(RequestInput.body(c), Schemas.VISITOR_BODY))
        .compose(body -> {
          JsonObject visitor = body.getJsonObject("visitor");
          JsonObject command = new JsonObject().put("visitor", visitor).put("connection", connection(ctx));
          return send(ctx, CommandType.VISITOR_REGISTER, visitor.getString("token"), null, command);
        }));
  }

  /** {@code GET livechat/visitor/:token}: no auth. 200 {@code {visitor, success}}; 400 {@code [invalid-token]}. */
  public void byToken(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    ApiResponses.respond(ctx, send(ctx, CommandType.VISITOR_GET_BY_TOKEN, token, null,
        new JsonObject().put("token", token)));
  }

  /** Sends one command for this request; its correlation id goes to the request's log line ({@link RequestLog}). */
  private Future<JsonObject> send(RoutingContext ctx, CommandType type, String key, Caller caller, JsonObject body) {
    return requester.request(RequestLog.commandsOf(ctx), type, key, caller, body);
  }

  /** @return the visitor's connection data {@code {userAgent, ip, host}}, as Rocket.Chat's registration keeps it */
  static JsonObject connection(RoutingContext ctx) {
    String ip = ctx.request().getHeader("x-real-ip");
    String forwarded = ctx.request().getHeader("x-forwarded-for");
    if (ip == null && forwarded != null) {
      ip = forwarded.split(",")[0].trim();
    }
    if (ip == null && ctx.request().remoteAddress() != null) {
      ip = ctx.request().remoteAddress().hostAddress();
    }
    return new JsonObject().put("userAgent", ctx.request().getHeader("user-agent")).put("ip", ip)
        .put("host", ctx.request().getHeader("host"));
  }
}
