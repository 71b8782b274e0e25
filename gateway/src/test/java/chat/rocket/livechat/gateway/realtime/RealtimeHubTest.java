package chat.rocket.livechat.gateway.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The subscriptions of one gateway process by room ({@link RealtimeHub}), as the fan-out consults them. */
class RealtimeHubTest {

  private final RealtimeHub hub = new RealtimeHub();

  @Test
  @DisplayName("a room is subscribed while one of its subscriptions is filed, and no longer after the last leaves")
  void subscribedFollowsTheRoomsSubscriptions() {
    Session session = new Session("s1");
    StreamSubscription messages = new StreamSubscription("1", "stream-room-messages", "r1", "r1", session);
    StreamSubscription livechat = new StreamSubscription("2", "stream-livechat-room", "r1", "r1", session);

    assertThat(hub.subscribed("r1")).isFalse();
    hub.add(messages);
    hub.add(livechat);
    hub.remove(messages);
    assertThat(hub.subscribed("r1")).isTrue();
    assertThat(hub.subscribed("r2")).isFalse();
    hub.remove(livechat);
    assertThat(hub.subscribed("r1")).isFalse();
  }

  @Test
  @DisplayName("frames of a room reach only the sessions subscribed to it")
  void deliversToTheRoomsSessions() {
    Session inRoom = new Session("s1");
    Session elsewhere = new Session("s2");
    hub.add(new StreamSubscription("1", "stream-room-messages", "r1", "r1", inRoom));
    hub.add(new StreamSubscription("1", "stream-room-messages", "r2", "r2", elsewhere));

    int pushed = hub.deliver("r1", Map.of(StreamSubscription.frameKey("stream-room-messages", "r1"), "frame"), null);

    assertThat(pushed).isEqualTo(1);
    assertThat(inRoom.frames).containsExactly("frame");
    assertThat(elsewhere.frames).isEmpty();
  }

  /** A session recording the frames pushed to it. */
  private record Session(String sessionId, List<String> frames) implements StreamSubscription.Target {

    Session(String sessionId) {
      this(sessionId, new ArrayList<>());
    }

    @Override
    public void push(String frame) {
      frames.add(frame);
    }
  }
}
