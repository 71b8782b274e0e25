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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * {@code POST login} (spec §7.3): body {@code {user | username | email, password}} where {@code user} containing
 * {@code @} is an email and {@code password} is a string or {@code {hashed: <sha256 hex>}}. On success a new login
 * token is pushed, hashed, into {@code services.resume.loginTokens} ({@code {when, hashedToken}}) and the answer is
 * 200 {@code {"status":"success","data":{"userId","authToken","me"},"success":true}}; {@code me} is the user without
 * {@code services}, plus {@code email}, {@code settings}, {@code avatarUrl}, {@code isOAuthUser}. An unknown user, a
 * wrong password or a body without credentials answers 401 {@code {"status":"error","error":"Unauthorized",
 * "message":"Unauthorized"}} (one answer for all, so usernames cannot be probed).
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
        .map(c -> Credentials.of(RequestInput.body(c)))
        .compose(credentials -> mongo.findOne(Collections.USERS, credentials.userQuery(), null)
            .compose(user -> verify(user, credentials)))
        .compose(user -> issueToken(user).map(token -> success(ctx, user, token))));
  }

  private Future<JsonObject> verify(JsonObject user, Credentials credentials) {
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
        new JsonObject().put("services.resume.loginTokens", loginToken));
    return mongo.updateCollection(Collections.USERS, new JsonObject().put("_id", user.getString("_id")), update)
        .map(token);
  }

  private static JsonObject success(RoutingContext ctx, JsonObject user, String token) {
    JsonObject me = MongoDocs.toApi(user);
    me.remove("services");
    me.put("email", firstVerifiedEmail(user))
        .put("settings", new JsonObject().put("profile", new JsonObject()).put("preferences", new JsonObject()))
        .put("avatarUrl", ctx.request().scheme() + "://" + ctx.request().authority() + "/avatar/"
            + user.getString("username"))
        .put("isOAuthUser", false)
        .put("services", new JsonObject().put("password", new JsonObject().put("exists", true)));
    JsonObject data = new JsonObject().put("userId", user.getString("_id")).put("authToken", token).put("me", me);
    return new JsonObject().put("status", "success").put("data", data);
  }

  private static String firstVerifiedEmail(JsonObject user) {
    JsonArray emails = user.getJsonArray("emails", new JsonArray());
    return emails.stream().map(JsonObject.class::cast).filter(e -> e.getBoolean("verified", false))
        .map(e -> e.getString("address")).findFirst().orElse(null);
  }

  /** The identity and password digest of a login body. */
  private record Credentials(String field, String value, String digest) {

    static Credentials of(Object body) {
      if (!(body instanceof JsonObject json)) {
        throw new LivechatException(ErrorCode.LOGIN_FAILED);
      }
      String digest = digest(json.getValue("password"));
      for (String field : new String[] {"user", "username", "email"}) {
        if (json.getValue(field) instanceof String value && !value.isEmpty() && digest != null) {
          boolean email = "email".equals(field) || ("user".equals(field) && value.contains("@"));
          return new Credentials(email ? "emails.address" : "username",
              email ? value.trim().toLowerCase(Locale.ROOT) : value, digest);
        }
      }
      throw new LivechatException(ErrorCode.LOGIN_FAILED);
    }

    JsonObject userQuery() {
      return new JsonObject().put(field, value);
    }

    private static String digest(Object password) {
      if (password instanceof String plain) {
        return Passwords.sha256Hex(plain);
      }
      if (password instanceof JsonObject hashed && hashed.getValue("hashed") instanceof String hex) {
        return hex.toLowerCase(Locale.ROOT);
      }
      if (password instanceof JsonObject digest && digest.getValue("digest") instanceof String hex) {
        return hex.toLowerCase(Locale.ROOT);
      }
      return null;
    }
  }
}
