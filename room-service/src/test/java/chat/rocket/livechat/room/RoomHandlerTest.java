package chat.rocket.livechat.room;

import chat.rocket.livechat.testkit.HandlerTest;
import chat.rocket.livechat.testkit.MemoryStore;

/** The handler tests of the room-service: {@link HandlerTest}'s life cycle with a {@link RoomFixture}. */
abstract class RoomHandlerTest extends HandlerTest<RoomFixture> {

  @Override
  protected RoomFixture newFixture(MemoryStore store) {
    return new RoomFixture(store);
  }
}
