package chat.rocket.livechat.gateway.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * What this gateway last answered as a visitor's open room, by visitor token (issue 12; DESIGN.md, Room read model):
 * learnt from the replies of {@code GET livechat/room}, so that the visitor's next call is keyed by that {@code rid}
 * and reaches the room-service member that holds the room in memory. A hint is never an answer: the room-service
 * checks that the room is still open and the visitor's, and looks the visitor's room up when it is not (a room closed
 * or changed meanwhile through another gateway costs that lookup, nothing else). At most {@link #MAX_ENTRIES} hints
 * (least recently used go first, about 100 bytes each); thread-safe.
 */
public final class OpenRoomHints {

  /** The most visitors remembered per HTTP verticle instance. */
  public static final long MAX_ENTRIES = 100_000;

  private final Cache<String, String> rids = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

  /** @return the {@code rid} last answered for the visitor {@code token}, or null */
  public String get(String token) {
    return rids.getIfPresent(token);
  }

  /** Remembers {@code rid} as the visitor's open room (from a successful {@code GET livechat/room}). */
  public void learn(String token, String rid) {
    rids.put(token, rid);
  }

  /** Forgets the visitor's room: the visitor is unknown ({@code invalid-token}) or was removed. */
  public void forget(String token) {
    rids.invalidate(token);
  }
}
