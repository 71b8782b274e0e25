package chat.rocket.livechat.gateway.auth;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.gateway.http.ApiResponses;
import chat.rocket.livechat.gateway.http.RequestInput;
import chat.rocket.livechat.platform.rocketchat.Ids;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * {@code POST login} (spec §7.3): the body forms of {@link LoginRequest} ({@code {user | username | email, password}},
 * Meteor's wrapper {@code {user: {username | email | id}, password}}, {@code {resume: token}}), where
 * {@code password} is a string, {@code {hashed}} or {@code {digest}}. A password login pushes a new login token,
 * hashed, into {@code services.resume.loginTokens} ({@code {when, hashedToken}}); a resume login answers the token it
 * was given (Meteor's resume handler), unless it expired ({@link Authenticator#LOGIN_EXPIRATION_DAYS} days after its
 * {@code when}). Success is 200 {@code {"status":"success","data":{"userId","authToken","me"},"success":true}} with
 * {@code me} as {@link UserInfo} shows it. An unknown user, a wrong password, an unknown or expired token, or a body
 * without usable credentials answers 401 {@code {"status":"error","error":"Unauthorized","message":"Unauthorized"}}
 * (one answer for all, so usernames cannot be probed) and writes nothing; a body that is not JSON answers 400
 * {@link ErrorCode#INVALID_BODY}.
 */
public final class LoginRoute {

  private final Vertx vertx;
  private final MongoClient mongo;

  /**
   * @param vertx the worker pool that runs bcrypt off the event loop
   * @param mongo the store holding the {@code users} collection (read, and a login token pushed on success)
   */
  public LoginRoute(Vertx vertx, MongoClient mongo) {
    this.vertx = vertx;
    this.mongo = mongo;
  }

  /** Handles {@code POST /api/v1/login}. */
  public void login(RoutingContext ctx) {
    ApiResponses.respond(ctx, Future.succeededFuture(ctx)
        .map(c -> LoginRequest.of(RequestInput.body(c)))
        .compose(request -> request instanceof LoginRequest.Password password ? loginWithPassword(password)
            : resume((LoginRequest.Resume) request))
        .map(login -> success(ctx, login)));
  }

  private Future<Login> loginWithPassword(LoginRequest.Password credentials) {
    return mongo.findOne(Collections.USERS, credentials.userQuery(), null)
        .compose(user -> verify(user, credentials))
        .compose(user -> issueToken(user).map(token -> new Login(user, token)));
  }

  /** Meteor's resume handler: the user holding the token's hash, while the token has not expired. */
  private Future<Login> resume(LoginRequest.Resume request) {
    String hashed = Authenticator.hashLoginToken(request.token());
    return mongo.findOne(Collections.USERS, new JsonObject().put(Authenticator.HASHED_TOKEN_PATH, hashed), null)
        .compose(user -> user != null && Authenticator.tokenExpires(user, hashed).isAfter(Instant.now())
            ? Future.succeededFuture(new Login(user, request.token()))
            : Future.failedFuture(new LivechatException(ErrorCode.LOGIN_FAILED)));
  }

  private Future<JsonObject> verify(JsonObject user, LoginRequest.Password credentials) {
    String bcrypt = user == null ? null : user.getJsonObject("services", new JsonObject())
        .getJsonObject("password", new JsonObject()).getString("bcrypt");
    if (bcrypt == null) {
      return Future.failedFuture(new LivechatException(ErrorCode.LOGIN_FAILED));
    }
    return Passwords.verify(vertx, credentials.digest(), bcrypt)
        .compose(ok -> ok ? Future.succeededFuture(user)
            : Future.failedFuture(new LivechatException(ErrorCode.LOGIN_FAILED)));
  }

  private Future<String> issueToken(JsonObject user) {
    String token = Ids.secret();
    JsonObject loginToken = new JsonObject().put("when", MongoDocs.now())
        .put("hashedToken", Authenticator.hashLoginToken(token));
    JsonObject update = new JsonObject().put("$push",
        new JsonObject().put(Authenticator.LOGIN_TOKENS_PATH, loginToken));
    return mongo.updateCollection(Collections.USERS, new JsonObject().put("_id", user.getString("_id")), update)
        .map(token);
  }

  private static JsonObject success(RoutingContext ctx, Login login) {
    JsonObject data = new JsonObject().put("userId", login.user().getString("_id")).put("authToken", login.token())
        .put("me", UserInfo.of(ctx, login.user()));
    return new JsonObject().put("status", "success").put("data", data);
  }

  /**
   * A successful login.
   *
   * @param user  the user's document
   * @param token the login token it answers
   */
  private record Login(JsonObject user, String token) {
  }
}
