package chat.rocket.livechat.gateway.realtime;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The realtime state of one gateway process, shared by its HTTP verticles and its {@link FanOutVerticle} and by
 * nothing else (no other process sees it; events reach every process through Kafka): the authorized stream
 * subscriptions by {@code rid}, and the number of open DDP websockets. Thread-safe: sessions add and remove their
 * subscriptions on their own event loops while the fan-out delivers on its own.
 */
public final class RealtimeHub {

  private final Map<String, Set<StreamSubscription>> byRoom = new ConcurrentHashMap<>();
  private final AtomicInteger connections = new AtomicInteger();

  /** Files an authorized subscription under its room. */
  void add(StreamSubscription subscription) {
    byRoom.computeIfAbsent(subscription.rid(), rid -> ConcurrentHashMap.newKeySet()).add(subscription);
  }

  /** Removes a subscription (unsub, or its socket closed); a room without subscriptions is forgotten. */
  void remove(StreamSubscription subscription) {
    byRoom.computeIfPresent(subscription.rid(), (rid, subscriptions) -> {
      subscriptions.remove(subscription);
      return subscriptions.isEmpty() ? null : subscriptions;
    });
  }

  /**
   * Pushes an event's frames to the subscriptions of its room: each session gets each frame once (however many
   * subscriptions it holds for that stream and event name), and the session named {@code origin} gets none (Rocket.Chat
   * never sends a client's own typing back to it).
   *
   * @param rid    the room
   * @param frames encoded frames by {@link StreamSubscription#frameKey(String, String)}
   * @param origin the session id that caused the event, or null
   * @return how many frames were pushed
   */
  int deliver(String rid, Map<String, String> frames, String origin) {
    Set<StreamSubscription> subscriptions = byRoom.get(rid);
    if (subscriptions == null || frames.isEmpty()) {
      return 0;
    }
    Set<String> sent = new HashSet<>();
    for (StreamSubscription subscription : subscriptions) {
      String frame = frames.get(subscription.frameKey());
      String sessionId = subscription.target().sessionId();
      if (frame != null && !sessionId.equals(origin) && sent.add(sessionId + ' ' + subscription.frameKey())) {
        subscription.target().push(frame);
      }
    }
    return sent.size();
  }

  /** @return whether some socket of this process subscribes to a stream of the room */
  boolean subscribed(String rid) {
    return byRoom.containsKey(rid);
  }

  /** @return how many rooms have at least one subscription in this process */
  public int rooms() {
    return byRoom.size();
  }

  /**
   * Counts one more websocket unless {@code max} are open.
   *
   * @return true when the socket may open (then {@link #releaseConnection()} must follow its close)
   */
  boolean tryAcquireConnection(int max) {
    return connections.getAndUpdate(open -> open < max ? open + 1 : open) < max;
  }

  /** Counts one websocket less. */
  void releaseConnection() {
    connections.decrementAndGet();
  }

  /** @return the DDP websockets open in this process */
  public int connections() {
    return connections.get();
  }
}
