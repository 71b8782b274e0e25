package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code livechat/room.closeByUser} as Rocket.Chat 7.x answers it, through the whole system: the comment rule
 * ({@code Livechat_request_comment_when_closing_conversation}), {@code forceClose}
 * ({@code Omnichannel_allow_force_close_conversations}) and simultaneous closes of one room.
 */
class ClosingTest {

  private static final String FORCE_CLOSE = "Omnichannel_allow_force_close_conversations";
  private static TestSystem system;
  private static Visitors visitors;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
    visitors = new Visitors(system.api());
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  @DisplayName("an agent's close without a comment, or with a blank one, answers error-comment-is-required and "
      + "leaves the room open")
  void commentIsRequired() {
    String rid = openRoom();

    Api.Response missing = close(new JsonObject().put("rid", rid));
    Api.Response blank = close(new JsonObject().put("rid", rid).put("comment", "  "));

    for (Api.Response refused : List.of(missing, blank)) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.json()).isEqualTo(new JsonObject().put("success", false)
          .put("error", "error-comment-is-required"));
    }
    assertThat(system.findOne(Collections.ROOMS, new JsonObject().put("_id", rid)).getBoolean("open")).isTrue();
    assertThat(closeMessages(rid)).isZero();
  }

  @Test
  @DisplayName("forceClose closes a closed room again only after an admin turns "
      + "Omnichannel_allow_force_close_conversations on")
  void forceClose() {
    String rid = openRoom();
    assertThat(close(new JsonObject().put("rid", rid).put("comment", "first")).status()).isEqualTo(200);
    JsonObject forced = new JsonObject().put("rid", rid).put("comment", "again").put("forceClose", true);

    Api.Response refused = close(forced);
    try {
      setForceClose(true);
      Api.Response accepted = close(forced);

      assertThat(refused.json().getString("error")).isEqualTo("error-room-already-closed");
      assertThat(accepted.json()).as(accepted.body()).isEqualTo(new JsonObject().put("success", true));
      assertThat(closeMessages(rid)).isEqualTo(2);
    } finally {
      setForceClose(false);
    }
  }

  @Test
  @DisplayName("of three simultaneous closes of one room one succeeds, the others answer 400 and the room is "
      + "closed once")
  void simultaneousCloses() {
    String rid = openRoom();
    ExecutorService callers = Executors.newFixedThreadPool(3);
    try {
      List<Api.Response> answers = IntStream.range(0, 3)
          .mapToObj(i -> CompletableFuture.supplyAsync(
              () -> close(new JsonObject().put("rid", rid).put("comment", "test")), callers))
          .toList().stream().map(CompletableFuture::join).toList();

      assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(1);
      assertThat(answers).filteredOn(answer -> answer.status() != 200).allSatisfy(answer -> {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().getString("error"))
            .isIn("error-room-cannot-be-closed-try-again", "error-room-already-closed");
      });
      assertThat(closeMessages(rid)).isEqualTo(1);
    } finally {
      callers.shutdownNow();
    }
  }

  private static String openRoom() {
    return visitors.createRoom(visitors.create().getString("token")).getString("_id");
  }

  private static Api.Response close(JsonObject body) {
    return system.api().post("livechat/room.closeByUser", system.adminHeaders(), body);
  }

  private static void setForceClose(boolean on) {
    Map<String, String> admin = system.adminHeaders();
    Api.Response set = system.api().post("settings/" + FORCE_CLOSE, admin, new JsonObject().put("value", on));
    assertThat(set.status()).as(set.body()).isEqualTo(200);
  }

  private static long closeMessages(String rid) {
    return system.mongo().count(Collections.MESSAGES, new JsonObject().put("rid", rid).put("t", "livechat-close"))
        .await();
  }
}
