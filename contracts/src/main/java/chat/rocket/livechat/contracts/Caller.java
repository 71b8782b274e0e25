package chat.rocket.livechat.contracts;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The authenticated user on whose behalf a command runs, carried in headers {@link Headers#USER_ID},
 * {@link Headers#USERNAME} and {@link Headers#USER_ROLES} (DESIGN.md, Messaging contract).
 *
 * @param userId   {@code users._id}
 * @param username {@code users.username}
 * @param roles    {@code users.roles}
 */
public record Caller(String userId, String username, List<String> roles) {

  /** Compact constructor: roles are copied and never null. */
  public Caller {
    roles = roles == null ? List.of() : List.copyOf(roles);
  }

  /** Writes this caller into command headers. */
  void writeTo(Map<String, String> headers) {
    headers.put(Headers.USER_ID, userId);
    headers.put(Headers.USERNAME, username == null ? "" : username);
    headers.put(Headers.USER_ROLES, String.join(",", roles));
  }

  /**
   * @param headers command headers
   * @return the caller, or null when the command carries no {@link Headers#USER_ID}
   */
  static Caller readFrom(Map<String, String> headers) {
    String userId = headers.get(Headers.USER_ID);
    if (userId == null || userId.isEmpty()) {
      return null;
    }
    String roles = headers.getOrDefault(Headers.USER_ROLES, "");
    return new Caller(userId, headers.get(Headers.USERNAME),
        roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")));
  }
}
