package chat.rocket.livechat.room;

import chat.rocket.livechat.testkit.MemoryStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The life cycle every handler test of the room-service shares: one {@link MemoryStore} per test class and, for
 * each test, a {@link RoomFixture} on a fresh database of it, so tests share no documents (STYLE.md P13). A subclass's
 * own {@code @BeforeEach} runs after the fixture exists.
 */
abstract class RoomHandlerTest {

  private static MemoryStore store;
  /** The handlers and the documents of the running test. */
  protected RoomFixture fixture;

  @BeforeAll
  static void startStore() {
    store = MemoryStore.start();
  }

  @AfterAll
  static void stopStore() {
    store.close();
  }

  @BeforeEach
  void newDatabase() {
    fixture = new RoomFixture(store);
  }

  @AfterEach
  void closeClient() {
    fixture.close();
  }
}
