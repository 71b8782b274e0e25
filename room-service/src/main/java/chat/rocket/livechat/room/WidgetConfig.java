package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;

/**
 * {@code room.widget-config}, {@code GET livechat/config?token&department} (Rocket.Chat's {@code config.ts}): body
 * {@code {token?, department?}}, result {@code {config}}: the cached {@link WidgetSettings} (answered alone,
 * {@code {enabled: false}}, while Livechat is off) and, with a token of a known visitor, {@code guest}
 * ({@code _id, name, username, token, visitorEmails, department}), the visitor's open livechat room as {@code room}
 * ({@code _id, departmentId, servedBy, open, callStatus}) and its serving agent as {@code agent}
 * ({@link AgentProfiles}).
 * An unknown token adds nothing; it is no error. Reads only, so a redelivered command is harmless.
 */
final class WidgetConfig {

  /** The guest as shown, plus {@code lastChat} (where the visitor's open room is looked for; not shown). */
  private static final JsonObject GUEST_FIELDS = new JsonObject().put("name", 1).put("username", 1).put("token", 1)
      .put("visitorEmails", 1).put("department", 1).put("lastChat", 1);
  private static final JsonObject ROOM_FIELDS = new JsonObject().put("departmentId", 1).put("servedBy", 1)
      .put("open", 1).put("callStatus", 1);

  private final WidgetSettings settings;
  private final OpenRooms openRooms;
  private final MongoClient mongo;
  private final AgentProfiles agents;

  WidgetConfig(WidgetSettings settings, OpenRooms openRooms, MongoClient mongo, AgentProfiles agents) {
    this.settings = settings;
    this.openRooms = openRooms;
    this.mongo = mongo;
    this.agents = agents;
  }

  /** Handles one {@code room.widget-config} command. */
  Future<JsonObject> handle(Command command) {
    String token = command.body().getValue("token") instanceof String t && !t.isEmpty() ? t : null;
    return settings.current()
        .compose(shared -> !shared.getBoolean("enabled") || token == null ? Future.succeededFuture(shared.copy())
            : withVisitor(shared.copy(), token))
        .map(config -> new JsonObject().put("config", config));
  }

  private Future<JsonObject> withVisitor(JsonObject config, String token) {
    return mongo.findOne(Collections.VISITORS, new JsonObject().put("token", token), GUEST_FIELDS)
        .compose(guest -> {
          if (guest == null) {
            return Future.succeededFuture(config);
          }
          String lastChatRid = OpenRooms.lastChatRid(guest);
          guest.remove("lastChat");
          return withRoom(config.put("guest", guest), token, lastChatRid);
        });
  }

  private Future<JsonObject> withRoom(JsonObject config, String token, String lastChatRid) {
    return openRooms.head(token, lastChatRid).map(OpenRooms.Head::room).compose(room -> {
      if (room == null) {
        return Future.succeededFuture(config);
      }
      JsonObject shown = new JsonObject().put("_id", room.getString("_id"));
      ROOM_FIELDS.fieldNames().stream().filter(room::containsKey).forEach(f -> shown.put(f, room.getValue(f)));
      config.put("room", MongoDocs.toApi(shown));
      JsonObject servedBy = room.getValue("servedBy") instanceof JsonObject s ? s : null;
      return agents.of(servedBy == null ? null : servedBy.getString("_id"))
          .map(agent -> agent == null ? config : config.put("agent", agent));
    });
  }
}
