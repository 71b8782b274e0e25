package chat.rocket.livechat.gateway.http;

import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place HTTP responses are written (STYLE.md P7; DECISIONS.md, Bodies and codes): success = the handler's
 * object plus {@code "success": true} with status 200; failure = the {@link ErrorCode}'s status and Rocket.Chat body;
 * anything unexpected = 500 {@code {"success":false,"error":"Internal server error"}} with the cause in the log only.
 * Every response has {@code Content-Type: application/json} exactly.
 */
public final class ApiResponses {

  private static final Logger LOG = LoggerFactory.getLogger(ApiResponses.class);
  private static final String CONTENT_TYPE = "Content-Type";
  private static final String JSON = "application/json";
  private static final String SUCCESS_MEMBER = ",\"success\":true}";

  private ApiResponses() {
  }

  /** Answers with the outcome of {@code result}: 200 with its body, or the failure's error response. */
  public static void respond(RoutingContext ctx, Future<JsonObject> result) {
    result.onSuccess(body -> ok(ctx, body)).onFailure(failure -> error(ctx, failure));
  }

  /** 200 with {@code body} plus {@code "success": true}. */
  public static void ok(RoutingContext ctx, JsonObject body) {
    send(ctx, 200, body.put("success", true));
  }

  /**
   * 200 with {@code body} plus {@code "success": true}, for a result already encoded (a reply's bytes, issue 12): the
   * member is written after the object's last one, so the bytes are those {@link #respond} would write for the
   * parsed object, as long as {@code body} is compact JSON (as Vert.x encodes it) without a {@code success} member.
   *
   * @param result one JSON object, compact, without {@code success}
   */
  public static void respondEncoded(RoutingContext ctx, Future<Buffer> result) {
    result.onSuccess(body -> send(ctx, 200, withSuccess(body))).onFailure(failure -> error(ctx, failure));
  }

  /** @return {@code object} with {@code "success":true} as its last member */
  static Buffer withSuccess(Buffer object) {
    int end = object.length() - 1;
    while (end > 0 && object.getByte(end) != '}') {
      end--;
    }
    boolean empty = object.getByte(end - 1) == '{';
    return object.getBuffer(0, end).appendString(empty ? SUCCESS_MEMBER.substring(1) : SUCCESS_MEMBER);
  }

  /** 200 with a JSON document served as it is (the OpenAPI document), without {@code "success"}. */
  public static void json(RoutingContext ctx, Buffer document) {
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(200).putHeader(CONTENT_TYPE, JSON).end(document);
    }
  }

  /** The Rocket.Chat error response of {@code failure}. */
  public static void error(RoutingContext ctx, Throwable failure) {
    LivechatException expected = classify(failure).orElseGet(() -> unexpected(ctx, failure));
    send(ctx, expected.status(), expected.body());
  }

  /** The router's failure handler: thrown exceptions, body-limit overflows and unmatched routes. */
  public static void handleFailure(RoutingContext ctx) {
    failWith(ctx, ctx.statusCode());
  }

  /**
   * @param status the status Vert.x Web gave up with
   * @return the router's error handler for requests that failed where no failure handler runs (e.g. a path
   *     parameter with a malformed escape answers 400 {@link ErrorCode#MALFORMED_REQUEST})
   */
  public static Handler<RoutingContext> unhandled(int status) {
    return ctx -> failWith(ctx, status);
  }

  /** Answers a router failure: its exception if we know it, else its 4xx status, else 500 with the cause logged. */
  private static void failWith(RoutingContext ctx, int status) {
    Throwable failure = ctx.failure();
    Optional<ErrorCode> byStatus = status >= 400 && status < 500 ? byStatus(status) : Optional.empty();
    if ((failure == null || classify(failure).isEmpty()) && byStatus.isPresent()) {
      error(ctx, new LivechatException(byStatus.get()));
    } else {
      error(ctx, failure != null ? failure : new IllegalStateException("request failed with status " + status));
    }
  }

  /**
   * @return the answer to a failure caused by the request rather than by us: a {@link LivechatException} as it is;
   *     a Vert.x {@link HttpException} with a 4xx status (e.g. a malformed query escape) by that status; a Netty
   *     {@link DecoderException} (e.g. a form field over the decoder's limit) as {@link ErrorCode#MALFORMED_REQUEST}
   */
  private static Optional<LivechatException> classify(Throwable failure) {
    if (failure instanceof LivechatException expected) {
      return Optional.of(expected);
    }
    if (failure instanceof HttpException http && http.getStatusCode() < 500) {
      return Optional.of(new LivechatException(byStatus(http.getStatusCode()).orElse(ErrorCode.MALFORMED_REQUEST)));
    }
    if (failure instanceof DecoderException) {
      return Optional.of(new LivechatException(ErrorCode.MALFORMED_REQUEST));
    }
    return Optional.empty();
  }

  private static Optional<ErrorCode> byStatus(int status) {
    return switch (status) {
      case 400 -> Optional.of(ErrorCode.MALFORMED_REQUEST);
      case 404, 405 -> Optional.of(ErrorCode.NOT_FOUND);
      case 413 -> Optional.of(ErrorCode.PAYLOAD_TOO_LARGE);
      case 414 -> Optional.of(ErrorCode.URI_TOO_LONG);
      case 431 -> Optional.of(ErrorCode.HEADERS_TOO_LARGE);
      default -> Optional.empty();
    };
  }

  /**
   * The HTTP server's handler of requests its decoder rejected: 414 {@link ErrorCode#URI_TOO_LONG} for a request line
   * over 4096 bytes, 431 {@link ErrorCode#HEADERS_TOO_LARGE} for headers over 8192 bytes, else 400
   * {@link ErrorCode#MALFORMED_REQUEST}, in Rocket.Chat's shape; then the connection is closed, as Vert.x's default
   * handler does (the rest of such a request cannot be read reliably).
   */
  public static void invalidRequest(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    ErrorCode code = cause instanceof TooLongHttpLineException ? ErrorCode.URI_TOO_LONG
        : cause instanceof TooLongHttpHeaderException ? ErrorCode.HEADERS_TOO_LARGE : ErrorCode.MALFORMED_REQUEST;
    request.response().putHeader("Connection", "close");
    send(request.response(), code.status(), new LivechatException(code).body())
        .onComplete(sent -> request.connection().close());
  }

  private static LivechatException unexpected(RoutingContext ctx, Throwable failure) {
    LOG.error("{} {} failed unexpectedly", ctx.request().method(), RequestLog.route(ctx), failure);
    return new LivechatException(ErrorCode.INTERNAL);
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    send(ctx, status, body.toBuffer());
  }

  private static void send(RoutingContext ctx, int status, Buffer body) {
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(status).putHeader(CONTENT_TYPE, JSON).end(body);
    }
  }

  private static Future<Void> send(HttpServerResponse response, int status, JsonObject body) {
    return response.setStatusCode(status).putHeader(CONTENT_TYPE, JSON).end(body.toBuffer());
  }
}
