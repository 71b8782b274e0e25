package chat.rocket.livechat.platform.rocketchat;

import chat.rocket.livechat.contracts.Collections;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;

/**
 * Read-only queries on Rocket.Chat's {@link Collections#USERS} that services need (agents, callers). Agents are users
 * with role {@code livechat-agent}, {@code statusLivechat: "available"} and a {@code status} other than
 * {@code offline} (spec §2.5, §10).
 */
public final class Users {

  /** Role of livechat agents. */
  public static final String AGENT_ROLE = "livechat-agent";
  private static final JsonObject AGENT_FIELDS = new JsonObject().put("username", 1).put("name", 1).put("status", 1)
      .put("statusLivechat", 1).put("roles", 1);

  private final MongoClient mongo;

  /** @param mongo the process's Mongo client */
  public Users(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** @return the user with that {@code _id} ({@code username, name, status, statusLivechat, roles}), or null */
  public Future<JsonObject> findById(String userId) {
    return mongo.findOne(Collections.USERS, new JsonObject().put("_id", userId), AGENT_FIELDS);
  }

  /** @return the agents that can take a chat now (see class comment) */
  public Future<List<JsonObject>> onlineAgents() {
    return mongo.findWithOptions(Collections.USERS, onlineAgentQuery(), new FindOptions().setFields(AGENT_FIELDS));
  }

  /**
   * Rocket.Chat's {@code findOneOnlineAgentById}.
   *
   * @return the user with that {@code _id} when it is an agent that can take a chat now (see class comment), else null
   */
  public Future<JsonObject> findOnlineAgent(String userId) {
    return mongo.findOne(Collections.USERS, onlineAgentQuery().put("_id", userId), AGENT_FIELDS);
  }

  /** @return the query matching available, non-offline agents */
  public static JsonObject onlineAgentQuery() {
    return new JsonObject()
        .put("roles", AGENT_ROLE)
        .put("statusLivechat", "available")
        .put("status", new JsonObject().put("$exists", true).put("$nin", new JsonArray().add("offline")));
  }
}
