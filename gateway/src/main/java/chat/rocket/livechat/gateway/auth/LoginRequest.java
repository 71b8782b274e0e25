package chat.rocket.livechat.gateway.auth;

import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Set;

/**
 * The credentials of a {@code POST login} body (spec §7.3), read the way Rocket.Chat reads them: its REST
 * {@code loginCompatibility} step, then Meteor's {@code resume} and {@code password} login handlers.
 *
 * <ul>
 *   <li>A body whose keys are all among {@code user, username, email, password, code} and that has a
 *       {@code password}: {@code user} a string (an email when it contains {@code @}, else a username), else a
 *       non-empty {@code username}, else a non-empty {@code email} ({@code loginCompatibility}), else {@code user} as
 *       Meteor's wrapper {@code {username}}, {@code {email}} or {@code {id}}: exactly one key, a non-empty string
 *       (Meteor's password handler).</li>
 *   <li>Any other body with {@code resume} (a non-empty string): the login token of an earlier login (Meteor's
 *       resume handler, which runs first).</li>
 * </ul>
 * The password is a string (at most {@link #MAX_PASSWORD_LENGTH} characters, Meteor's limit), {@code {hashed: hex}}
 * or {@code {digest: hex, algorithm: 'sha-256'}} (hex = the SHA-256 of the password). {@code code} (a 2FA code) is
 * accepted and ignored: no user here has two-factor authentication. Everything else is
 * {@link ErrorCode#LOGIN_FAILED}: Rocket.Chat answers a malformed shape either that 401 (no handler recognised it) or
 * a 500 (Meteor's {@code check} inside a handler throws a {@code Match.Error}, which is no {@code Meteor.Error}); this
 * project answers the 401 to both, since the fault is the client's.
 */
sealed interface LoginRequest permits LoginRequest.Password, LoginRequest.Resume {

  /** Meteor accounts-password's longest accepted plain password, in characters. */
  int MAX_PASSWORD_LENGTH = 256;
  /** The keys of a body that Rocket.Chat's {@code loginCompatibility} rewrites. */
  Set<String> COMPATIBILITY_KEYS = Set.of("user", "username", "email", "password", "code");

  /**
   * A login by username or email and password.
   *
   * @param field  the {@code users} field to match: {@code username}, {@code emails.address} or {@code _id}
   * @param value  the value to match (an email trimmed and lower-cased)
   * @param digest the lower-case hex SHA-256 of the password
   */
  record Password(String field, String value, String digest) implements LoginRequest {

    /** @return the {@code users} query of this login's user */
    JsonObject userQuery() {
      return new JsonObject().put(field, value);
    }
  }

  /**
   * A login by the token of an earlier login (Meteor's {@code resume}).
   *
   * @param token the login token, as {@code X-Auth-Token} carries it
   */
  record Resume(String token) implements LoginRequest {
  }

  /**
   * @param body the parsed request body
   * @return the credentials
   * @throws LivechatException {@link ErrorCode#LOGIN_FAILED} for anything else
   */
  static LoginRequest of(Object body) {
    if (!(body instanceof JsonObject json)) {
      throw failed();
    }
    boolean compatible = json.getValue("password") != null && COMPATIBILITY_KEYS.containsAll(json.fieldNames());
    String[] identity = compatible ? identity(json) : null;
    if (identity != null) {
      return password(identity, json.getValue("password"));
    }
    if (json.getValue("resume") != null) {
      if (!(json.getValue("resume") instanceof String token) || token.isEmpty()) {
        throw failed();
      }
      return new Resume(token);
    }
    if (compatible && json.getValue("user") instanceof JsonObject wrapper) {
      return password(wrapped(wrapper), json.getValue("password"));
    }
    throw failed();
  }

  /** @return {@code loginCompatibility}'s {@code {field: value}} of a body, or null when it names nobody */
  private static String[] identity(JsonObject json) {
    if (json.getValue("user") instanceof String user) {
      return user.contains("@") ? new String[] {"email", user} : new String[] {"username", user};
    }
    for (String field : new String[] {"username", "email"}) {
      if (json.getValue(field) instanceof String value && !value.isEmpty()) {
        return new String[] {field, value};
      }
    }
    return null;
  }

  /** @return Meteor's user selector {@code {username} | {email} | {id}}: exactly one non-empty string */
  private static String[] wrapped(JsonObject wrapper) {
    if (wrapper.size() != 1) {
      throw failed();
    }
    String field = wrapper.fieldNames().iterator().next();
    if (!Set.of("username", "email", "id").contains(field)) {
      throw failed();
    }
    return new String[] {field, wrapper.getValue(field) instanceof String value ? value : null};
  }

  private static Password password(String[] identity, Object password) {
    String value = identity[1];
    String digest = digest(password);
    if (value == null || value.isEmpty() || digest == null) {
      throw failed();
    }
    return switch (identity[0]) {
      case "email" -> new Password("emails.address", value.trim().toLowerCase(Locale.ROOT), digest);
      case "id" -> new Password("_id", value, digest);
      default -> new Password("username", value, digest);
    };
  }

  /** @return the lower-case hex SHA-256 of the password, or null for a malformed password */
  private static String digest(Object password) {
    if (password instanceof String plain) {
      return plain.length() <= MAX_PASSWORD_LENGTH ? Passwords.sha256Hex(plain) : null;
    }
    if (password instanceof JsonObject hashed) {
      Object hex = hashed.containsKey("hashed") ? hashed.getValue("hashed") : hashed.getValue("digest");
      return hex instanceof String text ? text.toLowerCase(Locale.ROOT) : null;
    }
    return null;
  }

  private static LivechatException failed() {
    return new LivechatException(ErrorCode.LOGIN_FAILED);
  }
}
