package chat.rocket.livechat.gateway;

import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place HTTP responses are written (STYLE.md P7; DECISIONS.md, Bodies and codes): success = the handler's
 * object plus {@code "success": true} with status 200; failure = the {@link ErrorCode}'s status and Rocket.Chat body;
 * anything unexpected = 500 {@code {"success":false,"error":"Internal server error"}} with the cause in the log only.
 * Every response has {@code Content-Type: application/json} exactly.
 */
final class ApiResponses {

  private static final Logger LOG = LoggerFactory.getLogger(ApiResponses.class);
  private static final String CONTENT_TYPE = "Content-Type";
  private static final String JSON = "application/json";

  private ApiResponses() {
  }

  /** Answers with the outcome of {@code result}: 200 with its body, or the failure's error response. */
  static void respond(RoutingContext ctx, Future<JsonObject> result) {
    result.onSuccess(body -> ok(ctx, body)).onFailure(failure -> error(ctx, failure));
  }

  /** 200 with {@code body} plus {@code "success": true}. */
  static void ok(RoutingContext ctx, JsonObject body) {
    send(ctx, 200, body.put("success", true));
  }

  /** 200 with a JSON document served as it is (the OpenAPI document), without {@code "success"}. */
  static void json(RoutingContext ctx, Buffer document) {
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(200).putHeader(CONTENT_TYPE, JSON).end(document);
    }
  }

  /** The Rocket.Chat error response of {@code failure}. */
  static void error(RoutingContext ctx, Throwable failure) {
    LivechatException expected = failure instanceof LivechatException e ? e : unexpected(ctx, failure);
    send(ctx, expected.status(), expected.body());
  }

  /** The router's failure handler: body-limit overflows, unmatched routes and thrown exceptions. */
  static void handleFailure(RoutingContext ctx) {
    if (ctx.failure() != null) {
      error(ctx, ctx.failure());
    } else if (ctx.statusCode() == 413) {
      error(ctx, new LivechatException(ErrorCode.PAYLOAD_TOO_LARGE));
    } else if (ctx.statusCode() == 404 || ctx.statusCode() == 405) {
      error(ctx, new LivechatException(ErrorCode.NOT_FOUND));
    } else if (ctx.statusCode() == 400) {
      error(ctx, new LivechatException(ErrorCode.INVALID_BODY));
    } else {
      error(ctx, new IllegalStateException("request failed with status " + ctx.statusCode()));
    }
  }

  private static LivechatException unexpected(RoutingContext ctx, Throwable failure) {
    LOG.error("{} {} failed unexpectedly", ctx.request().method(), RequestLog.route(ctx), failure);
    return new LivechatException(ErrorCode.INTERNAL);
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader(CONTENT_TYPE, JSON).end(body.toBuffer());
  }
}
