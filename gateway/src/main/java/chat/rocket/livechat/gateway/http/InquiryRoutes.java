package chat.rocket.livechat.gateway.http;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.gateway.auth.Access;
import chat.rocket.livechat.gateway.messaging.CommandSender;
import chat.rocket.livechat.gateway.validation.InquirySchemas;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The inquiry endpoints of Rocket.Chat 7.x ({@code app/livechat/imports/server/rest/inquiries.ts}): authenticated
 * (401 {@code {"status":"error","message":"You must be logged in to do this."}}), validated as its ajv schemas (400
 * {@code invalid-params}), {@code view-l-room} (403 {@code {"success":false,"error":"User does not have the
 * permissions required for this action [error-unauthorized]"}}), then answered by the room-service.
 */
public final class InquiryRoutes {

  private final CommandSender requester;
  private final Access access;

  /**
   * @param requester sends room commands and yields their reply bodies
   * @param access    authentication, rate limit, validation and permission checks, in Rocket.Chat's order
   */
  public InquiryRoutes(CommandSender requester, Access access) {
    this.requester = requester;
    this.access = access;
  }

  /**
   * {@code GET livechat/inquiries.getOne?roomId}: 200 {@code {inquiry: <the room's inquiry, ISO dates> | null,
   * success: true}}; without {@code roomId} 400 {@code must have required property 'roomId' [invalid-params]}.
   */
  public void getOne(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.query(c), InquirySchemas.INQUIRY_GET_QUERY),
            List.of(Permission.VIEW_L_ROOM))
        .compose(call -> send(ctx, CommandType.INQUIRY_GET, call.input().getString("roomId"), call.caller(),
            call.input())));
  }

  /**
   * {@code POST livechat/inquiries.take {inquiryId, userId?}}: the agent {@code userId} (else the caller) takes the
   * inquiry. 200 {@code {success: true}}; 400 {@code {"success":false,"error":"The user is invalid"}} (no such
   * {@code userId}), {@code Inquiry not found [error-not-found]}, {@code Inquiry already taken
   * [error-inquiry-taken]}, {@code Agent status is offline or Omnichannel service is not active
   * [error-agent-status-service-offline]}, {@code [error-mac-limit-reached]} (the inquiry's room is gone); a
   * non-string {@code inquiryId} 400 {@code must be string [invalid-params]}.
   */
  public void take(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.body(c), InquirySchemas.INQUIRY_TAKE_BODY),
            List.of(Permission.VIEW_L_ROOM))
        .compose(call -> send(ctx, CommandType.INQUIRY_TAKE, call.input().getString("inquiryId"), call.caller(),
            call.input())));
  }

  private Future<JsonObject> send(RoutingContext ctx, CommandType type, String key, Caller caller, JsonObject body) {
    return requester.request(RequestLog.commandsOf(ctx), type, key, caller, body);
  }
}
