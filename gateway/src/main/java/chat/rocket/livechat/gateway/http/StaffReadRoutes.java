package chat.rocket.livechat.gateway.http;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.gateway.auth.Access;
import chat.rocket.livechat.gateway.messaging.CommandSender;
import chat.rocket.livechat.gateway.validation.StaffReadSchemas;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The staff's reads of a livechat room and its join, as Rocket.Chat 7.x serves them
 * ({@code app/api/server/v1/subscriptions.ts}, {@code app/livechat/server/api/v1/room.ts} and {@code message.ts}):
 * authenticated (401 {@code {"status":"error","message":"You must be logged in to do this."}}), permission checked
 * (403 {@code {"success":false,"error":"User does not have the permissions required for this action
 * [error-unauthorized]"}}), validated as its ajv schemas (400 {@code invalid-params}), then answered by the
 * room-service.
 */
public final class StaffReadRoutes {

  private final CommandSender requester;
  private final Access access;

  /**
   * @param requester sends room commands and yields their reply bodies
   * @param access    authentication, rate limit, validation and permission checks, in Rocket.Chat's order
   */
  public StaffReadRoutes(CommandSender requester, Access access) {
    this.requester = requester;
    this.access = access;
  }

  /**
   * {@code GET subscriptions.getOne?roomId}: any logged-in user, for their own subscription. 200
   * {@code {subscription: <the caller's subscription to the room, ISO dates> | null, success: true}}; without
   * {@code roomId} 400 {@code must have required property 'roomId' [invalid-params]}.
   */
  public void subscriptionGetOne(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.query(c), StaffReadSchemas.SUBSCRIPTION_GET_QUERY), List.of())
        .compose(call -> send(ctx, CommandType.SUBSCRIPTION_GET, call.input().getString("roomId"), call.caller(),
            call.input())));
  }

  /**
   * {@code GET livechat/room.join?roomId}: {@code view-l-room}; the caller joins the open livechat room (a
   * subscription, once). 200 {@code {success: true}}; 400 {@code {"success":false,"error":"error-invalid-room"}}
   * (no livechat room with that id), {@code room-closed}, {@code error-not-allowed} (the caller may not access the
   * room), without {@code roomId} {@code must have required property 'roomId' [invalid-params]}.
   */
  public void roomJoin(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.query(c), StaffReadSchemas.ROOM_JOIN_QUERY),
            List.of(Permission.VIEW_L_ROOM))
        .compose(call -> send(ctx, CommandType.ROOM_JOIN, call.input().getString("roomId"), call.caller(),
            call.input())));
  }

  /**
   * {@code GET livechat/:rid/messages?searchTerm&sort&count&offset}: {@code view-l-room}. 200 {@code {messages,
   * offset, count, total, success}}: the room's messages (no system message but {@code livechat-close}) whose text
   * contains {@code searchTerm}, newest first unless {@code sort}; 400 {@code {"success":false,
   * "error":"invalid-room"}} (no livechat room with that id), {@code not-allowed} (the caller may not access it),
   * {@code Invalid sort parameter provided "<sort>" [error-invalid-sort]}, another key {@code must NOT have
   * additional properties [invalid-params]}.
   */
  public void roomMessages(RoutingContext ctx) {
    String rid = ctx.pathParam("rid");
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.query(c), StaffReadSchemas.ROOM_MESSAGES_QUERY),
            List.of(Permission.VIEW_L_ROOM))
        .compose(call -> Future.succeededFuture(call.input()).map(query -> messagesQuery(rid, query))
            .compose(body -> send(ctx, CommandType.ROOM_MESSAGES, rid, call.caller(), body))));
  }

  /** @return the {@code room.messages} body: {@code {rid, searchTerm?, sort?, offset, count}} */
  static JsonObject messagesQuery(String rid, JsonObject query) {
    JsonObject body = new JsonObject().put("rid", rid);
    if (query.getString("searchTerm") != null) {
      body.put("searchTerm", query.getString("searchTerm"));
    }
    JsonObject sort = RoomListRoutes.sort(query);
    if (sort != null) {
      body.put("sort", sort);
    }
    return body.put("offset", PageParams.offset(query.getString("offset")))
        .put("count", PageParams.count(query.getString("count")));
  }

  private Future<JsonObject> send(RoutingContext ctx, CommandType type, String key, Caller caller, JsonObject body) {
    return requester.request(RequestLog.commandsOf(ctx), type, key, caller, body);
  }
}
