package chat.rocket.livechat.room;

import chat.rocket.livechat.platform.rocketchat.Users;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;

/**
 * {@code Auto_Selection} routing (DECISIONS.md, Data): among the agents that can take a chat now, the preferred agent
 * when it is one of them, else the agent serving the fewest open livechat rooms (ties broken by username).
 */
final class AgentRouter {

  private final RoomRepository rooms;
  private final Users users;

  AgentRouter(RoomRepository rooms, Users users) {
    this.rooms = rooms;
    this.users = users;
  }

  /** @return the available, non-offline agents ({@code _id, username, ...}) */
  Future<List<JsonObject>> onlineAgents() {
    return users.onlineAgents();
  }

  /**
   * @param candidates       output of {@link #onlineAgents()}
   * @param preferredAgentId the {@code agentId} the visitor asked for, or null
   * @return the chosen agent, or null when there is no candidate
   */
  Future<JsonObject> choose(List<JsonObject> candidates, String preferredAgentId) {
    if (candidates.isEmpty()) {
      return Future.succeededFuture(null);
    }
    for (JsonObject agent : candidates) {
      if (agent.getString("_id").equals(preferredAgentId)) {
        return Future.succeededFuture(agent);
      }
    }
    if (candidates.size() == 1) {
      return Future.succeededFuture(candidates.get(0));
    }
    List<Future<Long>> loads = candidates.stream().map(agent -> rooms.countOpenServedBy(agent.getString("_id")))
        .toList();
    return Future.all(loads).map(all -> leastLoaded(candidates, loads));
  }

  private static JsonObject leastLoaded(List<JsonObject> candidates, List<Future<Long>> loads) {
    Comparator<Integer> byLoad = Comparator.comparing(i -> loads.get(i).result());
    Comparator<Integer> byUsername = Comparator.comparing(i -> candidates.get(i).getString("username", ""));
    int best = java.util.stream.IntStream.range(0, candidates.size()).boxed()
        .min(byLoad.thenComparing(byUsername)).orElseThrow();
    return candidates.get(best);
  }
}
