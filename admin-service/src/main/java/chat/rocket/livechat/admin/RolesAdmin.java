package chat.rocket.livechat.admin;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;

/**
 * {@code roles.list}: Rocket.Chat's {@code GET roles.list} ({@code app/api/server/v1/roles.ts}): every
 * {@code rocketchat_roles} document without {@code _updatedAt}.
 */
final class RolesAdmin {

  private static final FindOptions WITHOUT_UPDATED_AT =
      new FindOptions().setFields(new JsonObject().put("_updatedAt", 0));

  private final MongoClient mongo;

  RolesAdmin(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** Body {@code {}}; result {@code {roles: [{_id, name, scope, protected, mandatory2fa, ...}]}}. */
  Future<JsonObject> list(Command command) {
    return mongo.findWithOptions(Collections.ROLES, new JsonObject(), WITHOUT_UPDATED_AT)
        .map(roles -> new JsonObject().put("roles", new JsonArray(roles.stream().map(MongoDocs::toApi).toList())));
  }
}
