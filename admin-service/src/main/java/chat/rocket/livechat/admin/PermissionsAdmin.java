package chat.rocket.livechat.admin;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.platform.kafka.Outbox;
import chat.rocket.livechat.platform.kafka.OutboxEntries;
import chat.rocket.livechat.platform.rocketchat.MongoCounts;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code permissions.list} and {@code permissions.update}: Rocket.Chat's {@code GET permissions.listAll} and
 * {@code POST permissions.update} ({@code app/api/server/v1/permissions.ts}). Permissions are
 * {@code rocketchat_permissions} documents {@code {_id, roles, _updatedAt}}; answers show them in API form (ISO
 * dates, without the outbox field).
 */
final class PermissionsAdmin {

  private final MongoClient mongo;
  private final Outbox outbox;

  /** @param outbox the outbox of {@code rocketchat_permissions}, data field {@code permission} */
  PermissionsAdmin(MongoClient mongo, Outbox outbox) {
    this.mongo = mongo;
    this.outbox = outbox;
  }

  /**
   * Body {@code {updatedSince?}}: without it every permission, with it those whose {@code _updatedAt} is later (an
   * ISO date or day; anything else {@link ErrorCode#INVALID_UPDATED_SINCE}). Result {@code {update: [...],
   * remove: []}} (this system deletes no permission, so Rocket.Chat's trash list is always empty).
   */
  Future<JsonObject> list(Command command) {
    return Future.succeededFuture(command.body().getString("updatedSince"))
        .map(PermissionsAdmin::changedSince)
        .compose(query -> mongo.find(Collections.PERMISSIONS, query))
        .map(found -> new JsonObject().put("update", api(found)).put("remove", new JsonArray()));
  }

  /** @return the query of the permissions changed after {@code updatedSince}; every permission without it */
  private static JsonObject changedSince(String updatedSince) {
    if (updatedSince == null || updatedSince.isEmpty()) {
      return new JsonObject();
    }
    return new JsonObject().put("_updatedAt", new JsonObject().put("$gt", MongoDocs.date(parseDate(updatedSince))));
  }

  /**
   * Body {@code {permissions: [{_id, roles: [...]}]}} (types checked by the gateway). Every named permission must
   * exist, once ({@link ErrorCode#INVALID_PERMISSION}), then every named role ({@link ErrorCode#INVALID_ROLE}); a
   * refused update writes nothing. Each permission whose roles change gets {@code roles} and {@code _updatedAt} with a
   * {@code permission.changed} event (changed field {@code roles}) in one write, published before the next one;
   * unchanged roles write nothing. Result {@code {permissions: [every permission]}}.
   */
  Future<JsonObject> update(Command command) {
    JsonArray entries = command.body().getJsonArray("permissions", new JsonArray());
    List<JsonObject> changes = new ArrayList<>();
    entries.forEach(entry -> changes.add((JsonObject) entry));
    return checkPermissions(changes)
        .compose(stored -> checkRoles(changes).map(stored))
        .compose(stored -> writeAll(changes, stored))
        .compose(v -> mongo.find(Collections.PERMISSIONS, new JsonObject()))
        .map(all -> new JsonObject().put("permissions", api(all)));
  }

  private Future<List<JsonObject>> checkPermissions(List<JsonObject> changes) {
    JsonArray ids = new JsonArray(changes.stream().map(change -> change.getString("_id")).toList());
    return mongo.find(Collections.PERMISSIONS, new JsonObject().put("_id", new JsonObject().put("$in", ids)))
        .compose(found -> found.size() == changes.size() ? Future.succeededFuture(found)
            : Future.failedFuture(new LivechatException(ErrorCode.INVALID_PERMISSION)));
  }

  private Future<Void> checkRoles(List<JsonObject> changes) {
    Set<String> roles = new LinkedHashSet<>();
    changes.forEach(change -> change.getJsonArray("roles").forEach(role -> roles.add((String) role)));
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(List.copyOf(roles))));
    return MongoCounts.count(mongo, Collections.ROLES, query)
        .compose(count -> count == roles.size() ? Future.succeededFuture()
            : Future.failedFuture(new LivechatException(ErrorCode.INVALID_ROLE)));
  }

  private Future<Void> writeAll(List<JsonObject> changes, List<JsonObject> stored) {
    Future<Void> chain = Future.succeededFuture();
    for (JsonObject change : changes) {
      JsonObject before = stored.stream().filter(doc -> change.getString("_id").equals(doc.getString("_id")))
          .findFirst().orElseThrow();
      chain = chain.compose(v -> write(change, before));
    }
    return chain;
  }

  private Future<Void> write(JsonObject change, JsonObject before) {
    String id = change.getString("_id");
    JsonArray roles = change.getJsonArray("roles");
    if (roles.equals(before.getJsonArray("roles"))) {
      return outbox.publishPending(id).mapEmpty();
    }
    JsonObject update = new JsonObject().put("$set", new JsonObject().put("roles", roles)
        .put("_updatedAt", MongoDocs.now()));
    return mongo.updateCollection(Collections.PERMISSIONS, new JsonObject().put("_id", id),
            OutboxEntries.pushing(update, OutboxEntries.entry(EventType.PERMISSION_CHANGED, List.of("roles"))))
        .compose(v -> outbox.publishPending(id))
        .mapEmpty();
  }

  private static JsonArray api(List<JsonObject> documents) {
    return new JsonArray(documents.stream().map(MongoDocs::toApi).toList());
  }

  /** JavaScript's {@code Date.parse} for the forms clients send: an ISO instant, an offset date-time or a day. */
  private static Instant parseDate(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notDateTime) {
      try {
        return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notDay) {
        throw new LivechatException(ErrorCode.INVALID_UPDATED_SINCE);
      }
    }
  }
}
