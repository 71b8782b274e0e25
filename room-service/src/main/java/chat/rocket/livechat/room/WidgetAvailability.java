package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.rocketchat.MongoCounts;
import chat.rocket.livechat.platform.rocketchat.Settings;
import chat.rocket.livechat.platform.rocketchat.Users;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;

/**
 * Whether the widget may open a chat now, and which departments it offers (Rocket.Chat's {@code online()} and
 * {@code findDepartments()} for {@code livechat/config}).
 *
 * <ul>
 *   <li>{@code online}: true when {@code Livechat_accept_chats_with_no_agents} is on, else when an agent can take a
 *       chat now ({@link Users#onlineAgentQuery()}: role {@code livechat-agent}, {@code statusLivechat:
 *       'available'}, {@code status} not offline), the rule the {@link AgentRouter} routes by. Departments do not
 *       narrow it: this system keeps no department-agent links.</li>
 *   <li>{@code departments}: the enabled departments that have agents ({@code numAgents > 0}), as
 *       {@code [{_id, name, showOnRegistration, showOnOfflineForm}]}.</li>
 * </ul>
 */
final class WidgetAvailability {

  private static final JsonObject DEPARTMENT_FIELDS = new JsonObject().put("name", 1).put("showOnRegistration", 1)
      .put("showOnOfflineForm", 1);

  private final MongoClient mongo;
  private final Settings settings;

  WidgetAvailability(MongoClient mongo, Settings settings) {
    this.mongo = mongo;
    this.settings = settings;
  }

  /** @return whether a visitor can start a chat now */
  Future<Boolean> online() {
    return settings.bool(Setting.LIVECHAT_ACCEPT_CHATS_WITH_NO_AGENTS)
        .compose(accept -> accept ? Future.succeededFuture(true)
            : MongoCounts.count(mongo, Collections.USERS, Users.onlineAgentQuery()).map(count -> count > 0));
  }

  /** @return the departments the widget offers */
  Future<JsonArray> departments() {
    JsonObject query = new JsonObject().put("enabled", true).put("numAgents", new JsonObject().put("$gt", 0));
    return mongo.findWithOptions(Collections.DEPARTMENTS, query, new FindOptions().setFields(DEPARTMENT_FIELDS))
        .map(JsonArray::new);
  }
}
