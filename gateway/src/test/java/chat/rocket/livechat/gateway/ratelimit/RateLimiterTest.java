package chat.rocket.livechat.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.gateway.ratelimit.RateLimiter.Attempt;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Meteor's fixed-window counting as Rocket.Chat's REST limiter uses it (spec §1.6), on a clock the test moves. */
class RateLimiterTest {

  private static final long START = 1_700_000_000_000L;

  private final AtomicLong now = new AtomicLong(START);
  private final RateLimiter limiter = new RateLimiter(now::get);

  @Test
  @DisplayName("the first five calls of a window are allowed and the sixth is not")
  void sixthCallOfFiveIsRefused() {
    for (int call = 1; call <= 5; call++) {
      Attempt attempt = limiter.hit("ip route", 5, 60_000);
      assertThat(attempt.allowed()).isTrue();
      assertThat(attempt.remaining()).isEqualTo(5 - call);
    }

    Attempt sixth = limiter.hit("ip route", 5, 60_000);

    assertThat(sixth.allowed()).isFalse();
    assertThat(sixth.remaining()).isZero();
    assertThat(sixth.limit()).isEqualTo(5);
  }

  @Test
  @DisplayName("the window opens with the first call and resets when it ends, however many calls were refused")
  void windowResetsAfterItsLength() {
    limiter.hit("key", 1, 60_000);
    now.addAndGet(20_000);
    Attempt refused = limiter.hit("key", 1, 60_000);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.resetInMs()).isEqualTo(40_000);
    assertThat(refused.resetAtMs()).isEqualTo(START + 60_000);

    now.addAndGet(40_000);
    Attempt next = limiter.hit("key", 1, 60_000);

    assertThat(next.allowed()).isTrue();
    assertThat(next.remaining()).isZero();
    assertThat(next.resetAtMs()).isEqualTo(START + 120_000);
  }

  @Test
  @DisplayName("keys are counted apart")
  void keysAreIndependent() {
    limiter.hit("10.0.0.1 GET /api/v1/livechat/room", 1, 60_000);

    assertThat(limiter.hit("10.0.0.2 GET /api/v1/livechat/room", 1, 60_000).allowed()).isTrue();
    assertThat(limiter.hit("10.0.0.1 POST /api/v1/livechat/visitor", 1, 60_000).allowed()).isTrue();
    assertThat(limiter.hit("10.0.0.1 GET /api/v1/livechat/room", 1, 60_000).allowed()).isFalse();
  }

  @Test
  @DisplayName("a changed window length opens a new window")
  void changedIntervalStartsAfresh() {
    limiter.hit("key", 1, 60_000);

    Attempt attempt = limiter.hit("key", 1, 1_000);

    assertThat(attempt.allowed()).isTrue();
    assertThat(attempt.resetInMs()).isEqualTo(1_000);
  }
}
