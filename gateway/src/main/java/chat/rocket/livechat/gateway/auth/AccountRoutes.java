package chat.rocket.livechat.gateway.auth;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.gateway.http.ApiResponses;
import chat.rocket.livechat.gateway.http.RequestInput;
import chat.rocket.livechat.gateway.validation.Schemas;
import chat.rocket.livechat.platform.rocketchat.Permissions;
import chat.rocket.livechat.platform.rocketchat.Settings;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The caller's own account: {@code GET me}, {@code POST logout} and {@code POST users.setStatus}, each authenticated
 * ({@link Access}: 401 {@link ErrorCode#NOT_LOGGED_IN} without a valid {@code X-User-Id} / {@code X-Auth-Token}).
 *
 * <p>Like {@link LoginRoute}, these read and write the {@code users} collection from the gateway instead of sending a
 * command: a user's session and presence belong to the gateway's authentication (it issues the login tokens and reads
 * them on every request), and each call is one single-document read or update of the caller's own document whose
 * result nothing else consumes, so a Kafka round trip would add latency and a failure mode for no gain. Managing other
 * users ({@code users.create|update|delete}) is the admin-service's ({@code UserRoutes}).
 */
public final class AccountRoutes {

  /** {@code GET me}'s failure when the caller's document vanished after its authentication. */
  private static final ErrorCode GONE = ErrorCode.NOT_LOGGED_IN;

  private final Access access;
  private final MongoClient mongo;
  private final StatusChange status;

  /**
   * @param access      authentication, rate limit, validation and permission checks, in Rocket.Chat's order
   * @param mongo       the store holding the {@code users} collection
   * @param settings    reads the status settings of {@code users.setStatus}
   * @param permissions grants {@link Permission#EDIT_OTHER_USER_INFO} for another user's status
   */
  public AccountRoutes(Access access, MongoClient mongo, Settings settings, Permissions permissions) {
    this.access = access;
    this.mongo = mongo;
    this.status = new StatusChange(mongo, settings, permissions);
  }

  /**
   * {@code GET me} (Rocket.Chat {@code misc.ts}): 200 with the caller as {@link UserInfo} shows it plus
   * {@code "success": true} (the user's fields at the top level, e.g. {@code _id}, {@code username}, {@code emails},
   * {@code roles}, {@code settings.preferences}); never the bcrypt hash or login tokens.
   */
  public void me(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx, c -> new JsonObject(), List.of())
        .compose(call -> mongo.findOne(Collections.USERS, new JsonObject().put("_id", call.caller().userId()),
            UserInfo.projection()))
        .compose(user -> user == null ? Future.failedFuture(new LivechatException(GONE))
            : Future.succeededFuture(UserInfo.of(ctx, user))));
  }

  /**
   * {@code POST logout} (Rocket.Chat's Restivus logout): removes the request's login token (its hash) from the
   * caller's {@code services.resume.loginTokens}, leaving its other sessions; 200
   * {@code {"status":"success","data":{"message":"You've been logged out!"},"success":true}}. The token fails with 401
   * on the next request on every gateway ({@link Authenticator} caches nothing).
   */
  public void logout(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx, c -> new JsonObject(), List.of())
        .compose(call -> removeToken(call.caller(), ctx.request().getHeader(Authenticator.AUTH_TOKEN_HEADER)))
        .map(done -> new JsonObject().put("status", "success")
            .put("data", new JsonObject().put("message", "You've been logged out!"))));
  }

  /**
   * {@code POST users.setStatus {status?, message?, userId? | username? | user?}}: see {@link StatusChange}; the body
   * is checked after authentication (400 {@link ErrorCode#MATCH_ERROR}
   * {@code Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation}); 200 {@code {success: true}}.
   * Changing another user needs {@link Permission#EDIT_OTHER_USER_INFO} (403 {@link ErrorCode#UNAUTHORIZED}).
   */
  public void setStatus(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx, c -> checkStatusBody(RequestInput.body(c)), List.of())
        .compose(call -> status.apply(call.caller(), call.input()))
        .map(done -> new JsonObject()));
  }

  private Future<Void> removeToken(Caller caller, String token) {
    JsonObject pull = new JsonObject().put("$pull", new JsonObject().put(Authenticator.LOGIN_TOKENS_PATH,
        new JsonObject().put("hashedToken", Authenticator.hashLoginToken(token))));
    return mongo.updateCollection(Collections.USERS, new JsonObject().put("_id", caller.userId()), pull).mapEmpty();
  }

  /**
   * Rocket.Chat's {@code Match.OneOf(ObjectIncluding({status: Maybe(String), message: String}),
   * ObjectIncluding({status: String, message: Maybe(String)}))}: any failure is the one OneOf text.
   */
  private static JsonObject checkStatusBody(Object body) {
    boolean valid = Schemas.USERS_SET_STATUS_BODY.check(body).isEmpty()
        && (((JsonObject) body).getValue("status") instanceof String
        || ((JsonObject) body).getValue("message") instanceof String);
    if (!valid) {
      throw new LivechatException(ErrorCode.MATCH_ERROR,
          "Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation");
    }
    return (JsonObject) body;
  }
}
