package chat.rocket.livechat.standalone;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the test systems' listeners (HTTP, management, store, broker and its controller), probed free and never
 * handed out twice in this JVM. They are drawn from {@link #FIRST}..{@link #LAST}, below Linux's ephemeral range
 * (32768-60999), where the kernel picks the local ports of outgoing connections: a port probed free there could be
 * taken by one of the system's own Kafka or MongoDB client connections before the broker or store binds it ("Address
 * already in use" at start, seen under load and once in a clean-clone CI run).
 */
final class FreePorts {

  /** Lowest port handed out. */
  static final int FIRST = 20_000;
  /** One past the highest port handed out. */
  static final int LAST = 32_000;
  private static final int ATTEMPTS = 500;
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private FreePorts() {
  }

  /** @return a port nobody listens on, not handed out before */
  static int one() throws IOException {
    return run(1);
  }

  /** @return a port whose successor is free too, both not handed out before (broker and controller) */
  static int pair() throws IOException {
    return run(2);
  }

  private static int run(int length) throws IOException {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int first = ThreadLocalRandom.current().nextInt(FIRST, LAST - length);
      if (claim(first, length)) {
        return first;
      }
    }
    throw new IOException("no free run of " + length + " ports in " + FIRST + ".." + LAST);
  }

  private static boolean claim(int first, int length) {
    for (int port = first; port < first + length; port++) {
      if (HANDED_OUT.contains(port) || !bindable(port)) {
        return false;
      }
    }
    for (int port = first; port < first + length; port++) {
      if (!HANDED_OUT.add(port)) {
        return false;
      }
    }
    return true;
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
