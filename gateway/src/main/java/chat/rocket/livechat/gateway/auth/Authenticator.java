package chat.rocket.livechat.gateway.auth;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Rocket.Chat's REST authentication (spec §1.2): headers {@code X-User-Id} and {@code X-Auth-Token} must match a
 * {@code users} document with that {@code _id} and {@code services.resume.loginTokens.hashedToken} =
 * base64(sha256(token)); token expiry is not checked. Anything else fails with {@link ErrorCode#NOT_LOGGED_IN}
 * (401 {@code {"status":"error","message":"You must be logged in to do this."}}).
 *
 * <p>Every request reads its user from MongoDB (one lookup by {@code _id} and token hash), as Rocket.Chat's
 * {@code authenticatedRoute} does, and nothing is cached: a token that {@code POST logout} removed, or that another
 * system removed from the document, no longer authenticates on the very next request on any gateway process, without
 * an invalidation event between the processes.
 */
public final class Authenticator {

  public static final String USER_ID_HEADER = "X-User-Id";
  public static final String AUTH_TOKEN_HEADER = "X-Auth-Token";
  /** Days a login token lives after its {@code when} (Rocket.Chat's {@code Accounts_LoginExpiration} default). */
  public static final int LOGIN_EXPIRATION_DAYS = 90;
  /** Where a user's login tokens are: an array of {@code {when, hashedToken}}. */
  public static final String LOGIN_TOKENS_PATH = "services.resume.loginTokens";
  /** The hashed token of each login, as a query path. */
  public static final String HASHED_TOKEN_PATH = LOGIN_TOKENS_PATH + ".hashedToken";
  private static final JsonObject CALLER_FIELDS = new JsonObject().put("username", 1).put("roles", 1);

  private final MongoClient mongo;

  /** @param mongo the store holding the {@code users} collection */
  public Authenticator(MongoClient mongo) {
    this.mongo = mongo;
  }

  /**
   * Meteor's resume login ({@code login} method with {@code {resume: token}}, as the DDP clients send it): the user
   * whose {@code services.resume.loginTokens.hashedToken} is base64(sha256(token)), found without a user id; the
   * token expires {@link #LOGIN_EXPIRATION_DAYS} days after its {@code when} (not enforced, as for REST).
   *
   * @param token the login token ({@code X-Auth-Token} of a REST login)
   * @return the login, or a failed Future with {@link ErrorCode#NOT_LOGGED_IN}
   */
  public Future<ResumedLogin> resume(String token) {
    if (token == null || token.isEmpty()) {
      return Future.failedFuture(new LivechatException(ErrorCode.NOT_LOGGED_IN));
    }
    return findByHash(mongo, hashLoginToken(token))
        .compose(caller -> caller.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(new LivechatException(ErrorCode.NOT_LOGGED_IN))));
  }

  /** @return the caller of an authenticated request, or a failed Future with {@link ErrorCode#NOT_LOGGED_IN} */
  public Future<Caller> authenticate(RoutingContext ctx) {
    String userId = ctx.request().getHeader(USER_ID_HEADER);
    String token = ctx.request().getHeader(AUTH_TOKEN_HEADER);
    if (userId == null || token == null || userId.isEmpty() || token.isEmpty()) {
      return Future.failedFuture(new LivechatException(ErrorCode.NOT_LOGGED_IN));
    }
    return find(mongo, userId, hashLoginToken(token))
        .compose(caller -> caller.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(new LivechatException(ErrorCode.NOT_LOGGED_IN))));
  }

  /** @return Meteor's {@code Accounts._hashLoginToken}: base64 (standard, padded) of the token's UTF-8 SHA-256 */
  public static String hashLoginToken(String token) {
    return Base64.getEncoder().encodeToString(Passwords.sha256(token));
  }


  private static Future<Optional<Caller>> find(MongoClient mongo, String userId, String hashedToken) {
    JsonObject query = new JsonObject().put("_id", userId).put(HASHED_TOKEN_PATH, hashedToken);
    return mongo.findOne(Collections.USERS, query, CALLER_FIELDS).map(user -> Optional.ofNullable(user)
        .map(found -> new Caller(userId, found.getString("username"), roles(found))));
  }

  private static Future<Optional<ResumedLogin>> findByHash(MongoClient mongo, String hashedToken) {
    JsonObject query = new JsonObject().put(HASHED_TOKEN_PATH, hashedToken);
    JsonObject fields = CALLER_FIELDS.copy().put("_id", 1).put(LOGIN_TOKENS_PATH, 1);
    return mongo.findOne(Collections.USERS, query, fields).map(user -> Optional.ofNullable(user)
        .map(found -> new ResumedLogin(new Caller(found.getString("_id"), found.getString("username"), roles(found)),
            tokenExpires(found, hashedToken))));
  }

  /**
   * @param user        a {@code users} document with its {@link #LOGIN_TOKENS_PATH}
   * @param hashedToken the hash of one of its login tokens
   * @return when that token expires: its {@code when} plus {@link #LOGIN_EXPIRATION_DAYS} days (from now when it has
   *     no {@code when})
   */
  static Instant tokenExpires(JsonObject user, String hashedToken) {
    return issuedAt(user, hashedToken).plus(Duration.ofDays(LOGIN_EXPIRATION_DAYS));
  }

  /** @return the {@code when} of the login token with that hash, or now when it has none */
  private static Instant issuedAt(JsonObject user, String hashedToken) {
    JsonObject services = user.getJsonObject("services", new JsonObject());
    JsonArray tokens = services.getJsonObject("resume", new JsonObject()).getJsonArray("loginTokens", new JsonArray());
    for (Object entry : tokens) {
      if (entry instanceof JsonObject login && hashedToken.equals(login.getValue("hashedToken"))
          && login.getValue("when") instanceof JsonObject when) {
        Object date = when.getValue("$date");
        return date instanceof Number millis ? Instant.ofEpochMilli(millis.longValue())
            : OffsetDateTime.parse(String.valueOf(date)).toInstant();
      }
    }
    return Instant.now();
  }

  private static List<String> roles(JsonObject user) {
    List<String> roles = new ArrayList<>();
    if (user.getJsonArray("roles") != null) {
      user.getJsonArray("roles").forEach(role -> roles.add(String.valueOf(role)));
    }
    return roles;
  }

  /**
   * A resume login.
   *
   * @param caller       the user
   * @param tokenExpires when the token expires ({@code when} + {@link #LOGIN_EXPIRATION_DAYS} days)
   */
  public record ResumedLogin(Caller caller, Instant tokenExpires) {
  }
}
