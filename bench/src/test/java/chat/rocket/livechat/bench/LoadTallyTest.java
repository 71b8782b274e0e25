package chat.rocket.livechat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the open-loop client reports of one phase: rates, error classes, latencies of the 2xx answers only. */
class LoadTallyTest {

  @Test
  @DisplayName("answers are classed 2xx, 504, 503 and other per second of arrival; goodput and latency count 2xx "
      + "only; requests held back by the cap count as offered and not sent")
  void classesAnswersPerSecond() {
    LoadTally tally = new LoadTally(4, 2);
    for (int i = 0; i < 4; i++) {
      tally.offered(0, true);
    }
    tally.offered(1, false);
    tally.answered(0, 200, 1_000);
    tally.answered(0, 201, 3_000);
    tally.answered(1, 504, 5_000_000);
    tally.answered(2, 503, 100);
    tally.answered(2, 0, 30_000_000);

    JsonObject report = tally.toJson();

    assertThat(report.getLong("offered")).isEqualTo(5);
    assertThat(report.getLong("notSent")).isEqualTo(1);
    assertThat(report.getLong("ok")).isEqualTo(2);
    assertThat(report.getLong("timeout504")).isEqualTo(1);
    assertThat(report.getLong("unavailable503")).isEqualTo(1);
    assertThat(report.getLong("other")).isEqualTo(1);
    assertThat(report.getDouble("goodput")).isEqualTo(1.0);
    assertThat(report.getDouble("maxMs")).isBetween(2.99, 3.01);
    JsonArray perSecond = report.getJsonArray("perSecond");
    assertThat(perSecond).hasSize(3);
    assertThat(perSecond.getJsonObject(0).getLong("ok")).isEqualTo(2);
    assertThat(perSecond.getJsonObject(1).getLong("notSent")).isEqualTo(1);
    assertThat(perSecond.getJsonObject(1).getLong("timeout504")).isEqualTo(1);
    assertThat(perSecond.getJsonObject(2).getLong("unavailable503")).isEqualTo(1);
    assertThat(perSecond.getJsonObject(2).getLong("other")).isEqualTo(1);
  }
}
