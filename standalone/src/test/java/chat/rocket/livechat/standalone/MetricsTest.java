package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.ConsumerGroups;
import chat.rocket.livechat.contracts.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} in Prometheus format (README.md, Operating) after real traffic: the gateway's port and the ops
 * server ({@code MANAGEMENT_PORT}) scrape the same registry in the standalone.
 */
class MetricsTest {

  private static TestSystem system;

  @BeforeAll
  static void startAndSendTraffic() {
    system = TestSystem.start();
    Visitors visitors = new Visitors(system.api());
    String token = visitors.create().getString("token");
    assertThat(visitors.createRoom(token).getString("_id")).isNotEmpty();
    assertThat(system.api().get("livechat/room?token=no-such-visitor").status()).isEqualTo(400);
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  @DisplayName("HTTP requests are counted by route, method and status")
  void httpRequestsByRouteAndStatus() {
    Scrape scrape = Scrape.of(system.api());

    assertThat(scrape.value("vertx_http_server_requests_total", "route=\"/api/v1/livechat/room\"", "code=\"200\"",
        "method=\"GET\"")).as(scrape.text()).hasValue(1);
    assertThat(scrape.value("vertx_http_server_requests_total", "route=\"/api/v1/livechat/room\"", "code=\"400\""))
        .hasValue(1);
    assertThat(scrape.value("vertx_http_server_requests_total", "route=\"/api/v1/livechat/visitor\"",
        "code=\"200\"", "method=\"POST\"")).hasValue(1);
  }

  @Test
  @DisplayName("the gateway reports request-reply latency by command, pending replies and reply timeouts")
  void gatewayRequestReplyMetrics() {
    Scrape scrape = Scrape.of(system.api());

    assertThat(scrape.value("livechat_request_reply_seconds_count", "command=\"room.get-or-create\"",
        "outcome=\"success\"")).as(scrape.text()).hasValue(1);
    assertThat(scrape.value("livechat_request_reply_seconds_count", "command=\"room.get-or-create\"",
        "outcome=\"failure\"")).hasValue(1);
    assertThat(scrape.value("livechat_request_reply_seconds_bucket", "command=\"visitor.register\"",
        "le=\"10.0\"")).hasValue(1);
    assertThat(scrape.value("livechat_pending_replies", "reply_partition=\"0\"")).hasValue(0);
    assertThat(scrape.value("livechat_pending_replies", "reply_partition=\"1\"")).hasValue(0);
    assertThat(scrape.value("livechat_reply_timeouts_total", "command=\"room.get-or-create\"")).hasValue(0);
  }

  @Test
  @DisplayName("the services count commands by type and outcome, published events by type, and report consumer lag")
  void serviceMetrics() {
    Scrape scrape = awaitSample(system.ops(), "livechat_commands_handled_total", "command=\"room.get-or-create\"",
        "outcome=\"FAILURE\"", "error=\"INVALID_TOKEN\"");

    assertThat(scrape.value("livechat_commands_handled_total", "command=\"room.get-or-create\"",
        "outcome=\"FAILURE\"", "error=\"INVALID_TOKEN\"")).hasValue(1);
    assertThat(awaitSample(system.ops(), "livechat_commands_handled_total", "command=\"room.get-or-create\"",
        "outcome=\"SUCCESS\"", "error=\"none\"").value("livechat_commands_handled_total",
        "command=\"room.get-or-create\"", "outcome=\"SUCCESS\"")).hasValue(1);
    assertThat(awaitSample(system.ops(), "livechat_events_published_total",
        "type=\"chat.rocket.livechat.room.created\"").value("livechat_events_published_total",
        "type=\"chat.rocket.livechat.room.created\"")).hasValue(1);
    OptionalDouble lag = scrape.value("livechat_consumer_lag_records", "group=\"" + ConsumerGroups.ROOM_SERVICE + "\"",
        "topic=\"" + Topics.ROOM_COMMANDS + "\"");
    assertThat(lag).as(scrape.text()).isPresent();
    assertThat(lag.getAsDouble()).isGreaterThanOrEqualTo(0);
  }

  @Test
  @DisplayName("the ops server answers only /metrics and the health routes")
  void opsServerAnswersNothingElse() {
    assertThat(system.ops().getAbsolute("/api/v1/livechat/room?token=x", Map.of()).status()).isEqualTo(404);
    assertThat(Scrape.of(system.ops()).value("jvm_memory_used_bytes")).isPresent();
  }

  /**
   * A service counts a command once the broker acknowledged its reply, which may be just after the gateway answered:
   * scrapes until the sample is there.
   */
  private static Scrape awaitSample(Api api, String name, String... labels) {
    return Waits.upTo("a sample of " + name, Duration.ofSeconds(10))
        .until(() -> Scrape.of(api), scrape -> scrape.value(name, labels).isPresent());
  }
}
