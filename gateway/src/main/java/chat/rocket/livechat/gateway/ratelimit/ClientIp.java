package chat.rocket.livechat.gateway.ratelimit;

import io.vertx.core.http.HttpServerRequest;

/**
 * The client address the rate limiter keys on, as Rocket.Chat's {@code getRequestIP} computes it (spec §1.6): the
 * {@code X-Real-IP} header, else the socket's remote address; with {@code HTTP_FORWARDED_COUNT} = n > 0 and an
 * {@code X-Forwarded-For} of at least n entries, the n-th entry from the end instead (the address the outermost
 * trusted proxy saw). Entries before it are the client's own claims and are ignored.
 */
public final class ClientIp {

  private ClientIp() {
  }

  /**
   * @param forwardedCount {@link chat.rocket.livechat.platform.runtime.ConfigKey#HTTP_FORWARDED_COUNT}
   * @return the client address of {@code request}, or null when neither header nor socket names one
   */
  public static String of(HttpServerRequest request, int forwardedCount) {
    String socket = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    return of(request.getHeader("x-real-ip"), request.getHeader("x-forwarded-for"), socket, forwardedCount);
  }

  /**
   * @param realIp         the {@code X-Real-IP} header or null
   * @param forwardedFor   the {@code X-Forwarded-For} header ({@code client, proxy1, proxy2}) or null
   * @param socketAddress  the connection's remote address or null
   * @param forwardedCount trusted proxies that append to {@code X-Forwarded-For}; 0 or less ignores it
   * @return the client address, or null when none is known
   */
  public static String of(String realIp, String forwardedFor, String socketAddress, int forwardedCount) {
    String remote = realIp != null && !realIp.isEmpty() ? realIp : socketAddress;
    if (forwardedCount <= 0 || forwardedFor == null || forwardedFor.isBlank()) {
      return remote;
    }
    String[] hops = forwardedFor.trim().split("\\s*,\\s*");
    return forwardedCount > hops.length ? remote : hops[hops.length - forwardedCount];
  }
}
