package chat.rocket.livechat.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The life cycle every handler test of a service shares: one {@link MemoryStore} per test class and, for each test, a
 * fixture on a fresh database of it, so tests share no documents (STYLE.md P13). A subclass's own {@code @BeforeEach}
 * runs after the fixture exists.
 *
 * @param <F> the service's fixture (its handlers wired as its verticle wires them)
 */
public abstract class HandlerTest<F extends HandlerFixture> {

  private static MemoryStore store;
  /** The handlers and the documents of the running test. */
  protected F fixture;

  /**
   * @param store the store of the test class
   * @return a fixture on a fresh database of {@code store}
   */
  protected abstract F newFixture(MemoryStore store);

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
    fixture = newFixture(store);
  }

  @AfterEach
  void closeClient() {
    fixture.close();
  }
}
