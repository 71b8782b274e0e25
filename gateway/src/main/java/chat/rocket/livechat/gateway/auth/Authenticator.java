package chat.rocket.livechat.gateway.auth;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.platform.rocketchat.CachedLookup;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
 * (401 {@code {"status":"error","message":"You must be logged in to do this."}}). Successful lookups are cached
 * {@link ConfigKey#CACHE_TTL_MS}, keyed by user id and token hash (the token itself is never kept).
 */
public final class Authenticator {

  public static final String USER_ID_HEADER = "X-User-Id";
  public static final String AUTH_TOKEN_HEADER = "X-Auth-Token";
  /** Days a login token lives after its {@code when} (Rocket.Chat's {@code Accounts_LoginExpiration} default). */
  public static final int LOGIN_EXPIRATION_DAYS = 90;
  private static final JsonObject CALLER_FIELDS = new JsonObject().put("username", 1).put("roles", 1);

  private final CachedLookup<String, Optional<Caller>> callers;
  private final CachedLookup<String, Optional<ResumedLogin>> resumed;

  /**
   * @param vertx  the context the cached lookups answer on
   * @param mongo  the store holding the {@code users} collection
   * @param config the process configuration; reads {@link ConfigKey#CACHE_TTL_MS} (ms a caller stays cached)
   */
  public Authenticator(Vertx vertx, MongoClient mongo, JsonObject config) {
    this.callers = new CachedLookup<>(vertx, ConfigKey.CACHE_TTL_MS.getLong(config),
        key -> find(mongo, key.substring(0, key.indexOf('\n')), key.substring(key.indexOf('\n') + 1)));
    this.resumed = new CachedLookup<>(vertx, ConfigKey.CACHE_TTL_MS.getLong(config), hash -> findByHash(mongo, hash));
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
    return resumed.get(hashLoginToken(token))
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
    return callers.get(userId + "\n" + hashLoginToken(token))
        .compose(caller -> caller.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(new LivechatException(ErrorCode.NOT_LOGGED_IN))));
  }

  /** @return Meteor's {@code Accounts._hashLoginToken}: base64 (standard, padded) of the token's UTF-8 SHA-256 */
  public static String hashLoginToken(String token) {
    return Base64.getEncoder().encodeToString(Passwords.sha256(token));
  }


  private static Future<Optional<Caller>> find(MongoClient mongo, String userId, String hashedToken) {
    JsonObject query = new JsonObject().put("_id", userId)
        .put("services.resume.loginTokens.hashedToken", hashedToken);
    return mongo.findOne(Collections.USERS, query, CALLER_FIELDS).map(user -> Optional.ofNullable(user)
        .map(found -> new Caller(userId, found.getString("username"), roles(found))));
  }

  private static Future<Optional<ResumedLogin>> findByHash(MongoClient mongo, String hashedToken) {
    JsonObject query = new JsonObject().put("services.resume.loginTokens.hashedToken", hashedToken);
    JsonObject fields = CALLER_FIELDS.copy().put("_id", 1).put("services.resume.loginTokens", 1);
    return mongo.findOne(Collections.USERS, query, fields).map(user -> Optional.ofNullable(user)
        .map(found -> new ResumedLogin(new Caller(found.getString("_id"), found.getString("username"), roles(found)),
            issuedAt(found, hashedToken).plus(Duration.ofDays(LOGIN_EXPIRATION_DAYS)))));
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
