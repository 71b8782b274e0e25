package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.rocketchat.Settings;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;

/**
 * The agent as the widget is shown it (Rocket.Chat's {@code normalizeAgent} over {@code Users.getAgentInfo}), shared by
 * {@code livechat/config}, {@code agent.info} and {@code agent.next}: {@code {_id, name, username, status, phone?}},
 * plus {@code emails} when setting {@code Livechat_show_agent_email} is on; only {@code {hiddenInfo: true}} when
 * {@code Livechat_show_agent_info} is off. Nothing else of the user document (no roles, no login tokens) leaves.
 */
final class AgentProfiles {

  private static final JsonObject AGENT_FIELDS = new JsonObject().put("name", 1).put("username", 1)
      .put("status", 1).put("phone", 1);

  private final MongoClient mongo;
  private final Settings settings;

  AgentProfiles(MongoClient mongo, Settings settings) {
    this.mongo = mongo;
    this.settings = settings;
  }

  /**
   * @param agentId a {@code users._id}, or null
   * @return the agent as shown to the widget, {@code {hiddenInfo: true}}, or null when there is no such user (or no
   *     id)
   */
  Future<JsonObject> of(String agentId) {
    if (agentId == null) {
      return Future.succeededFuture();
    }
    return settings.bool(Setting.LIVECHAT_SHOW_AGENT_INFO)
        .compose(show -> show ? find(agentId) : Future.succeededFuture(new JsonObject().put("hiddenInfo", true)));
  }

  private Future<JsonObject> find(String agentId) {
    return settings.bool(Setting.LIVECHAT_SHOW_AGENT_EMAIL)
        .compose(showEmail -> mongo.findOne(Collections.USERS, new JsonObject().put("_id", agentId),
            showEmail ? AGENT_FIELDS.copy().put("emails", 1) : AGENT_FIELDS));
  }
}
