package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Topics;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A whole conversation through the REST API on the running system (DESIGN.md, Conversation and realtime): the visitor
 * writes, the serving agent answers with {@code chat.sendMessage}, the visitor reads the history, edits and deletes
 * its message and closes the room, and the next {@code GET livechat/room} opens a new room; every step leaves its
 * event on {@code livechat.room.events}, keyed by rid, in order. The refusals of the agent routes write nothing.
 */
class ConversationTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
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
  @DisplayName("a visitor and the serving agent hold a conversation that the visitor closes; then a new room opens")
  void wholeConversation() {
    String token = visitors.create().getString("token");
    String rid = visitors.createRoom(token).getString("_id");
    Map<String, String> agent = system.adminHeaders();

    Api.Response sent = system.api().post("livechat/message", Map.of(), new JsonObject().put("token", token)
        .put("rid", rid).put("msg", "hello").put("_id", "visitor-msg-" + rid));
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(sent.json().getJsonObject("message").getString("token")).isEqualTo(token);
    Api.Response answered = system.api().post("chat.sendMessage", agent,
        new JsonObject().put("message", new JsonObject().put("rid", rid).put("msg", "how can I help?")));
    assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    assertThat(answered.json().getJsonObject("message").getJsonObject("u").getString("username"))
        .isEqualTo(TestSystem.ADMIN);

    assertThat(texts(history(token, rid))).containsExactly("how can I help?", "hello");

    String messagePath = "livechat/message/visitor-msg-" + rid;
    Api.Response edited = system.api().put(messagePath, Map.of(),
        new JsonObject().put("token", token).put("rid", rid).put("msg", "hello, edited"));
    assertThat(edited.json().getJsonObject("message").getString("msg")).as(edited.body()).isEqualTo("hello, edited");
    Api.Response deleted = system.api().send(HttpMethod.DELETE, messagePath, Map.of(),
        new JsonObject().put("token", token).put("rid", rid));
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    assertThat(texts(history(token, rid))).containsExactly("how can I help?");

    Api.Response closed = system.api().post("livechat/room.close", Map.of(),
        new JsonObject().put("rid", rid).put("token", token));
    assertThat(closed.json()).isEqualTo(new JsonObject().put("rid", rid).put("comment", "Closed by visitor")
        .put("success", true));
    JsonArray afterClose = history(token, rid);
    assertThat(afterClose.getJsonObject(0).getString("t")).isEqualTo("livechat-close");
    assertThat(system.findOne(Collections.ROOMS, new JsonObject().put("_id", rid)).containsKey("open")).isFalse();

    JsonObject next = system.api().get("livechat/room?token=" + token).json();
    assertThat(next.getBoolean("newRoom")).isTrue();
    assertThat(next.getJsonObject("room").getString("_id")).isNotEqualTo(rid);

    assertThat(eventTypes(rid)).containsExactly(EventType.ROOM_CREATED.type(), EventType.MESSAGE_CREATED.type(),
        EventType.MESSAGE_CREATED.type(), EventType.MESSAGE_UPDATED.type(), EventType.MESSAGE_DELETED.type(),
        EventType.MESSAGE_CREATED.type(), EventType.ROOM_CLOSED.type());
  }

  @Test
  @DisplayName("a message event carries the whole message as the REST reply gave it, keyed by rid")
  void messageEventCarriesTheMessage() {
    String token = visitors.create().getString("token");
    String rid = visitors.createRoom(token).getString("_id");
    JsonObject message = system.api().post("livechat/message", Map.of(), new JsonObject().put("token", token)
        .put("rid", rid).put("msg", "what does the event say?")).json().getJsonObject("message");

    List<ConsumerRecord<String, String>> created = Events.read(system.bootstrapServers(), Topics.ROOM_EVENTS,
        record -> rid.equals(record.key())
            && EventType.MESSAGE_CREATED.type().equals(Events.header(record, "ce_type")), WAIT);

    assertThat(created).hasSize(1);
    assertThat(new JsonObject(created.get(0).value())).isEqualTo(new JsonObject().put("message", message));
  }

  @Test
  @DisplayName("chat.sendMessage and room.closeByUser without a session answer 401 and write nothing")
  void agentRoutesNeedASession() {
    String token = visitors.create().getString("token");
    String rid = visitors.createRoom(token).getString("_id");

    Api.Response send = system.api().post("chat.sendMessage", Map.of(),
        new JsonObject().put("message", new JsonObject().put("rid", rid).put("msg", "x")));
    Api.Response close = system.api().post("livechat/room.closeByUser", Map.of(), new JsonObject().put("rid", rid));

    JsonObject loggedOut = new JsonObject().put("status", "error").put("message", "You must be logged in to do this.");
    assertThat(send.status()).isEqualTo(401);
    assertThat(send.json()).isEqualTo(loggedOut);
    assertThat(close.status()).isEqualTo(401);
    assertThat(close.json()).isEqualTo(loggedOut);
    assertUntouched(rid);
  }

  @Test
  @DisplayName("a user who may not access the room gets error-not-allowed from chat.sendMessage; without "
      + "close-livechat-room, 403 from room.closeByUser; nothing is written")
  void agentRoutesRefuseOthers() {
    String token = visitors.create().getString("token");
    String rid = visitors.createRoom(token).getString("_id");
    Map<String, String> stranger = system.user("stranger-" + System.nanoTime(), List.of("user"));

    Api.Response send = system.api().post("chat.sendMessage", stranger,
        new JsonObject().put("message", new JsonObject().put("rid", rid).put("msg", "x")));
    Api.Response close = system.api().post("livechat/room.closeByUser", stranger, new JsonObject().put("rid", rid));

    assertThat(send.status()).isEqualTo(400);
    assertThat(send.json()).isEqualTo(new JsonObject().put("success", false).put("error", "error-not-allowed"));
    assertThat(close.status()).isEqualTo(403);
    assertThat(close.json()).isEqualTo(new JsonObject().put("success", false)
        .put("error", "User does not have the permissions required for this action [error-unauthorized]"));
    assertUntouched(rid);
  }

  @Test
  @DisplayName("the serving agent closes the room with its comment; a second close is error-room-already-closed")
  void agentCloses() {
    String token = visitors.create().getString("token");
    String rid = visitors.createRoom(token).getString("_id");
    Map<String, String> agent = system.adminHeaders();

    Api.Response closed = system.api().post("livechat/room.closeByUser", agent,
        new JsonObject().put("rid", rid).put("comment", "solved"));
    Api.Response again = system.api().post("livechat/room.closeByUser", agent, new JsonObject().put("rid", rid));

    assertThat(closed.json()).as(closed.body()).isEqualTo(new JsonObject().put("success", true));
    JsonObject room = system.findOne(Collections.ROOMS, new JsonObject().put("_id", rid));
    assertThat(room.getString("closer")).isEqualTo("user");
    assertThat(history(token, rid).getJsonObject(0).getString("msg")).isEqualTo("solved");
    assertThat(again.json()).isEqualTo(new JsonObject().put("success", false)
        .put("error", "error-room-already-closed"));
    assertThat(system.api().post("livechat/message", Map.of(), new JsonObject().put("token", token)
        .put("rid", rid).put("msg", "still there?")).json().getString("error")).isEqualTo("room-closed");
  }

  @Test
  @DisplayName("a token that is not a string (a query operator) is refused with invalid-params and stores nothing")
  void operatorAsTokenIsRefused() {
    String token = visitors.create().getString("token");
    String rid = visitors.createRoom(token).getString("_id");
    JsonObject operator = new JsonObject().put("$ne", "x");

    Api.Response send = system.api().post("livechat/message", Map.of(),
        new JsonObject().put("token", operator).put("rid", rid).put("msg", "x"));
    Api.Response close = system.api().post("livechat/room.close", Map.of(),
        new JsonObject().put("token", operator).put("rid", rid));

    for (Api.Response refused : List.of(send, close)) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.json().getString("errorType")).isEqualTo("invalid-params");
    }
    assertUntouched(rid);
  }

  private static JsonArray history(String token, String rid) {
    Api.Response response = system.api().get("livechat/messages.history/" + rid + "?token=" + token);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().getJsonArray("messages");
  }

  private static List<String> texts(JsonArray messages) {
    return messages.stream().map(message -> ((JsonObject) message).getString("msg")).toList();
  }

  private static List<String> eventTypes(String rid) {
    return Events.readAll(system.bootstrapServers(), Topics.ROOM_EVENTS, WAIT).stream()
        .filter(record -> rid.equals(record.key()))
        .map(record -> Events.header(record, "ce_type"))
        .filter(type -> !EventType.ROOM_UPDATED.type().equals(type))
        .toList();
  }

  private static void assertUntouched(String rid) {
    JsonObject room = system.findOne(Collections.ROOMS, new JsonObject().put("_id", rid));
    assertThat(room.getBoolean("open")).isTrue();
    assertThat(room.getInteger("msgs")).isZero();
    assertThat(system.findOne(Collections.MESSAGES, new JsonObject().put("rid", rid))).isNull();
  }
}
