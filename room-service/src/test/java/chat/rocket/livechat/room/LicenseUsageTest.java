package chat.rocket.livechat.room;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code license.usage}: the current values of {@code licenses.info}'s limits. */
class LicenseUsageTest extends RoomHandlerTest {

  private final Caller admin = new Caller("admin", "admin", List.of("admin"));

  private JsonObject usage() {
    return await(fixture.licenseUsage.handle(command(CommandType.LICENSE_USAGE, admin, new JsonObject())));
  }

  private void user(String id, boolean active, String type, String... roles) {
    fixture.insert(Collections.USERS, new JsonObject().put("_id", id).put("username", id).put("active", active)
        .put("type", type).put("roles", new JsonArray(List.of((Object[]) roles))));
  }

  @Test
  @DisplayName("a month's active contacts are the distinct visitors of rooms an agent answered, counted from rooms")
  void monthlyActiveContacts() {
    JsonObject alice = fixture.agent("alice", "online", "available");
    Caller agent = new Caller(alice.getString("_id"), "alice", List.of("livechat-agent"));
    JsonObject answered = fixture.visitor("Answered");
    String first = fixture.updateRoom(fixture.openRoom(answered), new JsonObject().put("servedBy",
        new JsonObject().put("_id", agent.userId()).put("username", "alice"))).getString("_id");
    await(fixture.send.handle(command(CommandType.MESSAGE_SEND, agent,
        new JsonObject().put("rid", first).put("msg", "hello"))));
    await(fixture.send.handle(command(CommandType.MESSAGE_SEND, agent,
        new JsonObject().put("rid", first).put("msg", "again"))));
    fixture.openRoom(fixture.visitor("Never answered"));
    String lastMonth = LicenseUsage.period(Instant.now().minus(40, ChronoUnit.DAYS));
    fixture.updateRoom(fixture.openRoom(fixture.visitor("Last month")), new JsonObject()
        .put("v.activity", new JsonArray().add(lastMonth)));

    assertThat(usage().getLong("monthlyActiveContacts")).isEqualTo(1L);
    assertThat(fixture.findOne(Collections.ROOMS, new JsonObject().put("_id", first)).getJsonObject("v")
        .getJsonArray("activity")).containsExactly(LicenseUsage.period(Instant.now()));

    await(fixture.mongo.removeDocument(Collections.VISITORS, new JsonObject().put("_id", answered.getString("_id"))));
    assertThat(usage().getLong("monthlyActiveContacts")).isEqualTo(1L);
  }

  @Test
  @DisplayName("active users count every active non-app user but guests, who are counted apart")
  void users() {
    user("u1", true, "user", "user", "admin");
    user("u2", true, "bot", "bot");
    user("g1", true, "user", "guest");
    user("off", false, "user", "user");
    user("app", true, "app", "app");

    JsonObject usage = usage();

    assertThat(usage.getLong("activeUsers")).isEqualTo(2L);
    assertThat(usage.getLong("guestUsers")).isEqualTo(1L);
  }

  @Test
  @DisplayName("the activity period is the UTC month, YYYY-MM")
  void period() {
    assertThat(LicenseUsage.period(Instant.parse("2026-01-31T23:30:00Z"))).isEqualTo("2026-01");
    assertThat(LicenseUsage.period(Instant.parse("2026-02-01T00:00:00Z"))).isEqualTo("2026-02");
  }
}
