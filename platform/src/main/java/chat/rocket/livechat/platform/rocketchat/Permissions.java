package chat.rocket.livechat.platform.rocketchat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rocket.Chat's permission evaluation (spec §1.4): a permission is granted when its {@link Collections#PERMISSIONS}
 * document {@code {_id, roles}} shares a role with the user's roles. A missing document grants nothing. Lookups are
 * cached at most {@link ConfigKey#CACHE_TTL_MS} stale, like Rocket.Chat's memoized authorization service, and dropped
 * at once by a {@code permission.changed} event ({@link CacheInvalidation}).
 */
public final class Permissions {

  private static final JsonObject ROLES_ONLY = new JsonObject().put("roles", 1);

  private final CachedLookup<String, Set<String>> rolesByPermission;

  /** @param config supplies {@link ConfigKey#CACHE_TTL_MS} */
  public Permissions(Vertx vertx, MongoClient mongo, JsonObject config) {
    this.rolesByPermission = new CachedLookup<>(vertx, ConfigKey.CACHE_TTL_MS.getLong(config),
        id -> mongo.findOne(Collections.PERMISSIONS, new JsonObject().put("_id", id), ROLES_ONLY)
            .map(Permissions::rolesOf));
    CacheInvalidation.of(vertx).register(EventType.PERMISSION_CHANGED, rolesByPermission, true);
  }

  /** @return true when {@code userRoles} grant {@code permission} */
  public Future<Boolean> has(Collection<String> userRoles, Permission permission) {
    return rolesByPermission.get(permission.id())
        .map(granted -> userRoles.stream().anyMatch(granted::contains));
  }

  /** @return true when {@code userRoles} grant every one of {@code permissions} ({@code hasAll}) */
  public Future<Boolean> hasAll(Collection<String> userRoles, List<Permission> permissions) {
    List<Future<Boolean>> checks = permissions.stream().map(p -> has(userRoles, p)).toList();
    return Future.all(checks).map(all -> checks.stream().allMatch(Future::result));
  }

  private static Set<String> rolesOf(JsonObject doc) {
    JsonArray roles = doc == null ? null : doc.getJsonArray("roles");
    if (roles == null) {
      return Set.of();
    }
    return roles.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
  }
}
