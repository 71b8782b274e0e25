package chat.rocket.livechat.visitor;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static chat.rocket.livechat.testkit.HandlerFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Setting;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code visitor.delete}: {@code DELETE livechat/visitor/:token} with Rocket.Chat's checks. */
class DeleteVisitorTest extends VisitorHandlerTest {

  private JsonObject visitor;

  @BeforeEach
  void visitorWithData() {
    visitor = fixture.visitor("Ada");
    await(fixture.mongo.updateCollection(Collections.VISITORS, new JsonObject().put("_id", visitor.getString("_id")),
        new JsonObject().put("$set", new JsonObject()
            .put("visitorEmails", new JsonArray().add(new JsonObject().put("address", "ada@example.com")))
            .put("livechatData", new JsonObject().put("address", "Main St")))));
  }

  private Future<JsonObject> delete(String token) {
    return fixture.delete.handle(command(CommandType.VISITOR_DELETE, null, new JsonObject().put("token", token)));
  }

  private void openRoom(boolean open) {
    fixture.insert(Collections.ROOMS, new JsonObject().put("_id", "room-" + visitor.getString("_id")).put("t", "l")
        .put("open", open).put("v", new JsonObject().put("_id", visitor.getString("_id"))
            .put("token", visitor.getString("token"))));
  }

  @Test
  @DisplayName("a visitor without open room is disabled, its token and personal data removed, with visitor.deleted")
  void deletes() {
    openRoom(false);
    Instant before = Instant.now();

    JsonObject answer = await(delete(visitor.getString("token")));

    JsonObject deleted = answer.getJsonObject("visitor");
    assertThat(deleted.getString("_id")).isEqualTo(visitor.getString("_id"));
    assertThat(Instant.parse(deleted.getString("ts"))).isBetween(before.minusMillis(1), Instant.now());
    JsonObject stored = fixture.storedVisitor(visitor.getString("_id"));
    assertThat(stored.getBoolean("disabled")).isTrue();
    assertThat(stored.fieldNames()).doesNotContain("token", "name", "visitorEmails", "livechatData");
    assertThat(fixture.published).hasSize(1);
    assertThat(fixture.published.get(0).type()).isEqualTo(EventType.VISITOR_DELETED);
    assertThat(fixture.published.get(0).document().getBoolean("disabled")).isTrue();
  }

  @Test
  @DisplayName("an open room refuses the removal with visitor-has-open-rooms, unless the GDPR setting is on")
  void openRoomRefuses() {
    openRoom(true);

    assertThat(failure(delete(visitor.getString("token"))).code()).isEqualTo(ErrorCode.VISITOR_HAS_OPEN_ROOMS);
    assertThat(fixture.storedVisitor(visitor.getString("_id")).getString("token")).isNotNull();

    fixture.setting(Setting.LIVECHAT_COLLECT_HTTP_HEADERS, true);
    await(delete(visitor.getString("token")));
    assertThat(fixture.storedVisitor(visitor.getString("_id")).getBoolean("disabled")).isTrue();
  }

  @Test
  @DisplayName("an unknown token, and a second removal of the same visitor, fail [invalid-token]")
  void unknownToken() {
    await(delete(visitor.getString("token")));

    assertThat(failure(delete(visitor.getString("token"))).code()).isEqualTo(ErrorCode.INVALID_TOKEN_METEOR);
    assertThat(failure(delete("no-such-token")).code()).isEqualTo(ErrorCode.INVALID_TOKEN_METEOR);
  }
}
