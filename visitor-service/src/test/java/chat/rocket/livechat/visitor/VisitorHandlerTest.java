package chat.rocket.livechat.visitor;

import chat.rocket.livechat.testkit.HandlerTest;
import chat.rocket.livechat.testkit.MemoryStore;

/** The handler tests of the visitor-service: {@link HandlerTest}'s life cycle with a {@link VisitorFixture}. */
abstract class VisitorHandlerTest extends HandlerTest<VisitorFixture> {

  @Override
  protected VisitorFixture newFixture(MemoryStore store) {
    return new VisitorFixture(store);
  }
}
