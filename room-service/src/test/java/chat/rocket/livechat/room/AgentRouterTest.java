package chat.rocket.livechat.room;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code Auto_Selection} routing on its own (DECISIONS.md, Data; spec §2.5, §3.2 step 3d): who can take a chat, and
 * which of them gets it.
 */
class AgentRouterTest extends RoomHandlerTest {

  /** Gives the agent {@code count} livechat rooms, open or closed. */
  private void serve(JsonObject agent, int count, boolean open) {
    for (int i = 0; i < count; i++) {
      fixture.updateRoom(fixture.openRoom(fixture.visitor("Load")), new JsonObject().put("open", open)
          .put("servedBy", new JsonObject().put("_id", agent.getString("_id"))
              .put("username", agent.getString("username"))));
    }
  }

  private String chosen(String preferredAgentId) {
    JsonObject agent = await(fixture.router.onlineAgents()
        .compose(candidates -> fixture.router.choose(candidates, preferredAgentId)));
    return agent == null ? null : agent.getString("username");
  }

  @Test
  @DisplayName("only available agents whose status is not offline can take a chat")
  void onlineAgents() {
    fixture.agent("alice", "online", "available");
    fixture.agent("andy", "away", "available");
    fixture.agent("olga", "offline", "available");
    fixture.agent("nina", "online", "not-available");
    fixture.insert(Collections.USERS, new JsonObject().put("_id", "plain").put("username", "plain")
        .put("status", "online").put("statusLivechat", "available").put("roles", new JsonArray().add("user")));
    List<JsonObject> agents = await(fixture.router.onlineAgents());
    assertThat(agents).extracting(agent -> agent.getString("username")).containsExactlyInAnyOrder("alice", "andy");
  }

  @Test
  @DisplayName("with no candidate nobody is chosen")
  void noCandidate() {
    assertThat(chosen(null)).isNull();
  }

  @Test
  @DisplayName("the only candidate is chosen even when another agent was preferred")
  void onlyCandidate() {
    fixture.agent("alice", "online", "available");
    assertThat(chosen("agent-someone-else")).isEqualTo("alice");
  }

  @Test
  @DisplayName("the preferred agent is chosen when a candidate, whatever its load")
  void preferred() {
    fixture.agent("alice", "online", "available");
    JsonObject bob = fixture.agent("bob", "online", "available");
    serve(bob, 2, true);
    assertThat(chosen(bob.getString("_id"))).isEqualTo("bob");
  }

  @Test
  @DisplayName("the agent serving the fewest open livechat rooms is chosen; closed rooms are no load")
  void leastLoaded() {
    JsonObject alice = fixture.agent("alice", "online", "available");
    JsonObject bob = fixture.agent("bob", "online", "available");
    serve(alice, 2, true);
    serve(bob, 1, true);
    serve(bob, 3, false);
    assertThat(chosen(null)).isEqualTo("bob");
  }

  @Test
  @DisplayName("equal loads are broken by username")
  void tieByUsername() {
    fixture.agent("zoe", "online", "available");
    fixture.agent("amy", "online", "available");
    assertThat(chosen(null)).isEqualTo("amy");
  }
}
