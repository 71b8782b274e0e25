package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.ConsumerGroups;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.kafka.CacheInvalidationVerticle;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code /health/live} and {@code /health/ready} (README.md, Operating) on the gateway's port and on the ops server
 * ({@code MANAGEMENT_PORT}), through real HTTP.
 */
class HealthTest {

  private static final String GATEWAY_ID = "health-test";
  private static TestSystem system;

  @BeforeAll
  static void start() {
    system = TestSystem.start(Map.of("GATEWAY_INSTANCE_ID", GATEWAY_ID));
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  @DisplayName("liveness answers 200 UP on the gateway port and on the ops port")
  void livenessIsUp() {
    for (Api api : new Api[] {system.api(), system.ops()}) {
      Api.Response response = api.getAbsolute("/health/live", Map.of());

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.json().getString("status")).isEqualTo("UP");
      assertThat(check(response.json(), "event-loop").getString("status")).isEqualTo("UP");
    }
  }

  @Test
  @DisplayName("readiness answers 200 UP naming MongoDB and every Kafka consumer, then 503 DOWN once MongoDB stops")
  void readinessFollowsMongo() {
    Api.Response ready = system.ops().getAbsolute("/health/ready", Map.of());

    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().getString("status")).isEqualTo("UP");
    assertThat(check(ready.json(), "mongodb").getString("status")).isEqualTo("UP");
    JsonObject kafka = check(ready.json(), "kafka");
    assertThat(kafka.getString("status")).isEqualTo("UP");
    assertThat(kafka.getJsonObject("data").getMap())
        .containsEntry(ConsumerGroups.ROOM_SERVICE + "@" + Topics.ROOM_COMMANDS, "assigned")
        .containsEntry(ConsumerGroups.VISITOR_SERVICE + "@" + Topics.VISITOR_COMMANDS, "assigned")
        .containsEntry(ConsumerGroups.ADMIN_SERVICE + "@" + Topics.ADMIN_COMMANDS, "assigned")
        .containsEntry(CacheInvalidationVerticle.READINESS_NAME, "assigned")
        .containsEntry(ConsumerGroups.ROOM_SERVICE_VISITOR_EVENTS + "@" + Topics.VISITOR_EVENTS, "assigned")
        .containsEntry(ConsumerGroups.VISITOR_SERVICE_ROOM_EVENTS + "@" + Topics.ROOM_EVENTS, "assigned")
        .containsEntry("gateway@" + Topics.replies(GATEWAY_ID) + "-0", "assigned")
        .containsEntry("gateway@" + Topics.replies(GATEWAY_ID) + "-1", "assigned")
        .containsEntry("gateway@fan-out", "assigned");
    assertThat(system.api().getAbsolute("/health/ready", Map.of()).status()).isEqualTo(200);

    system.stopStore();

    Api.Response down = awaitStatus(system.ops(), 503, Duration.ofSeconds(15));
    assertThat(down.json().getString("status")).isEqualTo("DOWN");
    assertThat(check(down.json(), "mongodb").getString("status")).isEqualTo("DOWN");
    assertThat(check(down.json(), "kafka").getString("status")).isEqualTo("UP");
    assertThat(awaitStatus(system.api(), 503, Duration.ofSeconds(15)).json().getString("status")).isEqualTo("DOWN");
    assertThat(system.ops().getAbsolute("/health/live", Map.of()).status()).isEqualTo(200);
  }

  /** @return the first readiness answer with {@code status}, asking again until {@code within} has passed */
  private static Api.Response awaitStatus(Api api, int status, Duration within) {
    return Waits.upTo("readiness status " + status, within)
        .until(() -> api.getAbsolute("/health/ready", Map.of()), response -> response.status() == status);
  }

  private static JsonObject check(JsonObject health, String id) {
    JsonArray checks = health.getJsonArray("checks");
    for (int i = 0; i < checks.size(); i++) {
      if (id.equals(checks.getJsonObject(i).getString("id"))) {
        return checks.getJsonObject(i);
      }
    }
    throw new AssertionError("no check " + id + " in " + health.encode());
  }
}
