package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A deadline on every wait (STYLE.md P11): with no service answering, the gateway answers 504, never hangs. */
class ReplyTimeoutTest {

  private static final long REPLY_TIMEOUT_MS = 1500;
  private static TestSystem system;

  @BeforeAll
  static void start() {
    system = TestSystem.start(Map.of("REPLY_TIMEOUT_MS", Long.toString(REPLY_TIMEOUT_MS)));
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  @DisplayName("with the room-service stopped, GET livechat/room answers 504 in Rocket.Chat's shape after the timeout, "
      + "and the timeout is counted")
  void stoppedServiceGives504() {
    String token = new Visitors(system.api()).create().getString("token");
    system.stopService("room-service");

    long started = System.nanoTime();
    Api.Response response = system.api().get("livechat/room?token=" + token);
    long tookMs = (System.nanoTime() - started) / 1_000_000;

    assertThat(response.status()).isEqualTo(504);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.json()).isEqualTo(new JsonObject().put("success", false)
        .put("error", "The service did not answer in time [error-timeout]").put("errorType", "error-timeout"));
    assertThat(tookMs).as("answered after the reply timeout, not before").isGreaterThanOrEqualTo(REPLY_TIMEOUT_MS);
    Scrape scrape = Scrape.of(system.api());
    assertThat(scrape.value("livechat_reply_timeouts_total", "command=\"room.get-or-create\"")).hasValue(1);
    assertThat(scrape.value("livechat_request_reply_seconds_count", "command=\"room.get-or-create\"",
        "outcome=\"timeout\"")).hasValue(1);
  }
}
