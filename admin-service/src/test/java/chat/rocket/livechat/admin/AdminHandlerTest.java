package chat.rocket.livechat.admin;

import chat.rocket.livechat.testkit.HandlerTest;
import chat.rocket.livechat.testkit.MemoryStore;

/** The handler tests of the admin-service: {@link HandlerTest}'s life cycle with an {@link AdminFixture}. */
abstract class AdminHandlerTest extends HandlerTest<AdminFixture> {

  @Override
  protected AdminFixture newFixture(MemoryStore store) {
    return new AdminFixture(store);
  }
}
