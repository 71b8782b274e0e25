package chat.rocket.livechat.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The client address of the rate limiter, as Rocket.Chat's {@code getRequestIP} computes it (spec §1.6). */
class ClientIpTest {

  @Test
  @DisplayName("X-Real-IP wins over the socket address")
  void realIpWins() {
    assertThat(ClientIp.of("10.1.1.1", null, "127.0.0.1", 0)).isEqualTo("10.1.1.1");
  }

  @Test
  @DisplayName("without X-Real-IP the socket address is the client")
  void socketAddressByDefault() {
    assertThat(ClientIp.of(null, null, "127.0.0.1", 0)).isEqualTo("127.0.0.1");
    assertThat(ClientIp.of("", null, "127.0.0.1", 0)).isEqualTo("127.0.0.1");
  }

  @Test
  @DisplayName("with HTTP_FORWARDED_COUNT 0 X-Forwarded-For is ignored, so a client cannot pick its own key")
  void forwardedForIgnoredByDefault() {
    assertThat(ClientIp.of(null, "1.2.3.4", "127.0.0.1", 0)).isEqualTo("127.0.0.1");
  }

  @Test
  @DisplayName("with HTTP_FORWARDED_COUNT n the n-th X-Forwarded-For entry from the end is the client")
  void forwardedForCountsFromTheEnd() {
    assertThat(ClientIp.of("10.9.9.9", "6.6.6.6, 1.2.3.4 ,10.0.0.5", "127.0.0.1", 1)).isEqualTo("10.0.0.5");
    assertThat(ClientIp.of(null, "6.6.6.6, 1.2.3.4, 10.0.0.5", "127.0.0.1", 2)).isEqualTo("1.2.3.4");
  }

  @Test
  @DisplayName("an X-Forwarded-For shorter than HTTP_FORWARDED_COUNT falls back to X-Real-IP or the socket")
  void shortForwardedForFallsBack() {
    assertThat(ClientIp.of("10.9.9.9", "1.2.3.4", "127.0.0.1", 2)).isEqualTo("10.9.9.9");
    assertThat(ClientIp.of(null, null, "127.0.0.1", 2)).isEqualTo("127.0.0.1");
  }
}
