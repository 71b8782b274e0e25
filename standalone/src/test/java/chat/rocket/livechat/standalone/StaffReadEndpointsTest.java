package chat.rocket.livechat.standalone;

import static chat.rocket.livechat.standalone.ExpectedBodies.FORBIDDEN;
import static chat.rocket.livechat.standalone.ExpectedBodies.LOGGED_OUT;
import static chat.rocket.livechat.standalone.ExpectedBodies.error;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Topics;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code subscriptions.getOne}, {@code livechat/room.join}, {@code livechat/:rid/messages} and
 * {@code POST livechat/messages} through the whole system (issue 11; Rocket.Chat's {@code 00-rooms.ts} blocks of those
 * names and its {@code getSubscriptionForRoom} helper):
 * their effect, their refusals (401, 403, 400, nothing written) and Rocket.Chat's error bodies.
 */
class StaffReadEndpointsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private static TestSystem system;
  private static Api api;
  private static Visitors visitors;
  private static Map<String, String> agent;
  private static Map<String, String> otherAgent;
  private static Map<String, String> manager;
  private static Map<String, String> plainUser;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
    api = system.api();
    visitors = new Visitors(api);
    agent = system.user("reads.agent", List.of("user", "livechat-agent"));
    otherAgent = system.user("reads.other", List.of("user", "livechat-agent"));
    manager = system.user("reads.manager", List.of("user", "livechat-manager"));
    plainUser = system.user("reads.user", List.of("user"));
    assertThat(api.post("livechat/agent.status", agent, new JsonObject().put("status", "available")).status())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  private static Api.Response join(Map<String, String> caller, String roomId) {
    return api.get("livechat/room.join?roomId=" + roomId, caller);
  }

  private static JsonObject subscription(Map<String, String> caller, String roomId) {
    Api.Response response = api.get("subscriptions.getOne?roomId=" + roomId, caller);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().containsKey("subscription")).isTrue();
    return response.json().getJsonObject("subscription");
  }

  @Test
  @DisplayName("the serving agent reads its subscription; a manager without one reads null, joins a served room, "
      + "then reads its own, once, with usersCount + 1 and a uj message published")
  void joinsAServedRoom() {
    JsonObject visitor = visitors.create();
    String rid = system.servedRoom(visitor, agent.get("X-User-Id"));
    assertThat(subscription(agent, rid).getJsonObject("u").getString("_id")).isEqualTo(agent.get("X-User-Id"));
    assertThat(subscription(manager, rid)).isNull();
    int usersCount = api.get("channels.info?roomId=" + rid, manager).json().getJsonObject("channel")
        .getInteger("usersCount");

    Api.Response joined = join(manager, rid);
    Api.Response again = join(manager, rid);

    assertThat(joined.status()).as(joined.body()).isEqualTo(200);
    assertThat(joined.json()).isEqualTo(new JsonObject().put("success", true));
    assertThat(again.status()).isEqualTo(200);
    JsonObject own = subscription(manager, rid);
    assertThat(own.getString("rid")).isEqualTo(rid);
    assertThat(own.getJsonObject("u").getString("username")).isEqualTo("reads.manager");
    assertThat(own.getBoolean("open")).isTrue();
    assertThat(system.mongo().count(Collections.SUBSCRIPTIONS, new JsonObject().put("rid", rid)
        .put("u._id", manager.get("X-User-Id"))).await()).isEqualTo(1L);
    assertThat(api.get("channels.info?roomId=" + rid, manager).json().getJsonObject("channel")
        .getInteger("usersCount")).isEqualTo(usersCount + 1);
    assertThat(Events.read(system.bootstrapServers(), Topics.ROOM_EVENTS, record -> rid.equals(record.key())
        && EventType.MESSAGE_CREATED.type().equals(Events.header(record, "ce_type"))
        && "uj".equals(new JsonObject(record.value()).getJsonObject("message").getString("t")), WAIT))
        .singleElement().satisfies(record -> assertThat(new JsonObject(record.value()).getJsonObject("message")
            .getString("msg")).isEqualTo("reads.manager"));
  }

  @Test
  @DisplayName("room.join of an unknown room, a closed room and a room the agent may not access answers Rocket.Chat's "
      + "400s and writes nothing")
  void joinRefusals() {
    JsonObject visitor = visitors.create();
    String rid = system.servedRoom(visitor, agent.get("X-User-Id"));
    JsonObject closedVisitor = visitors.create();
    String closed = system.servedRoom(closedVisitor, agent.get("X-User-Id"));
    assertThat(api.post("livechat/room.close", Map.of(), new JsonObject().put("rid", closed)
        .put("token", closedVisitor.getString("token"))).status()).isEqualTo(200);
    StoreSnapshot before = StoreSnapshot.take(system);

    Api.Response invalid = join(manager, "invalid");
    Api.Response closedRoom = join(manager, closed);
    Api.Response notAllowed = join(otherAgent, rid);

    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json()).isEqualTo(error("error-invalid-room"));
    assertThat(closedRoom.status()).isEqualTo(400);
    assertThat(closedRoom.json()).isEqualTo(error("room-closed"));
    assertThat(notAllowed.status()).isEqualTo(400);
    assertThat(notAllowed.json()).isEqualTo(error("error-not-allowed"));
    assertThat(StoreSnapshot.take(system).changesSince(before)).isEmpty();
  }

  @Test
  @DisplayName("livechat/:rid/messages reads the visitor's messages newest first, searchTerm matches part of the text "
      + "literally and case-insensitively, and count and offset page them")
  void readsMessages() {
    JsonObject visitor = visitors.create();
    String token = visitor.getString("token");
    String rid = system.servedRoom(visitor, agent.get("X-User-Id"));
    for (String text : List.of("Hello", "Random", "a.* literal")) {
      Api.Response sent = api.post("livechat/message", Map.of(), new JsonObject().put("token", token)
          .put("rid", rid).put("msg", text));
      assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    }

    JsonObject all = api.get("livechat/" + rid + "/messages", manager).json();
    JsonObject partial = api.get("livechat/" + rid + "/messages?searchTerm=NDO", agent).json();
    JsonObject literal = api.get("livechat/" + rid + "/messages?searchTerm=.*", manager).json();
    JsonObject page = api.get("livechat/" + rid + "/messages?count=1&offset=1&sort=%7B%22ts%22%3A1%7D", manager)
        .json();

    assertThat(all.getBoolean("success")).isTrue();
    assertThat(all.getInteger("total")).isEqualTo(3);
    assertThat(all.getJsonArray("messages").getJsonObject(0).getString("msg")).isEqualTo("a.* literal");
    assertThat(partial.getInteger("total")).isEqualTo(1);
    assertThat(partial.getJsonArray("messages").getJsonObject(0).getString("msg")).isEqualTo("Random");
    assertThat(literal.getInteger("total")).isEqualTo(1);
    assertThat(page.getJsonArray("messages").getJsonObject(0).getString("msg")).isEqualTo("Random");
    assertThat(page.getInteger("count")).isEqualTo(1);
    assertThat(page.getInteger("offset")).isEqualTo(1);
  }

  @Test
  @DisplayName("livechat/:rid/messages of an unknown room is invalid-room, of a room the agent may not access "
      + "not-allowed, and a bad sort or unknown parameter 400")
  void messagesRefusals() {
    JsonObject visitor = visitors.create();
    String rid = system.servedRoom(visitor, agent.get("X-User-Id"));

    Api.Response unknown = api.get("livechat/test/messages", manager);
    Api.Response notAllowed = api.get("livechat/" + rid + "/messages", otherAgent);
    Api.Response badSort = api.get("livechat/" + rid + "/messages?sort=%7B%22%24where%22%3A1%7D", manager);
    Api.Response extra = api.get("livechat/" + rid + "/messages?query=x", manager);

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json()).isEqualTo(error("invalid-room"));
    assertThat(notAllowed.status()).isEqualTo(400);
    assertThat(notAllowed.json()).isEqualTo(error("not-allowed"));
    assertThat(badSort.status()).isEqualTo(400);
    assertThat(badSort.json().getString("errorType")).isEqualTo("error-invalid-sort");
    assertThat(extra.status()).isEqualTo(400);
    assertThat(extra.json().getString("error")).contains("must NOT have additional properties");
  }

  @Test
  @DisplayName("without a session 401 on all three, without view-l-room 403 on join and messages, a missing roomId "
      + "400; nothing written")
  void permissionsAndValidation() {
    JsonObject visitor = visitors.create();
    String rid = system.servedRoom(visitor, agent.get("X-User-Id"));
    StoreSnapshot before = StoreSnapshot.take(system);

    for (String path : List.of("subscriptions.getOne?roomId=" + rid, "livechat/room.join?roomId=" + rid,
        "livechat/" + rid + "/messages")) {
      Api.Response anonymous = api.get(path, Map.of());
      assertThat(anonymous.status()).as(path).isEqualTo(401);
      assertThat(anonymous.json()).isEqualTo(LOGGED_OUT);
    }
    for (String path : List.of("livechat/room.join?roomId=" + rid, "livechat/" + rid + "/messages")) {
      Api.Response forbidden = api.get(path, plainUser);
      assertThat(forbidden.status()).as(path).isEqualTo(403);
      assertThat(forbidden.json()).isEqualTo(FORBIDDEN);
    }
    for (String path : List.of("subscriptions.getOne", "livechat/room.join")) {
      Api.Response missing = api.get(path, manager);
      assertThat(missing.status()).as(path).isEqualTo(400);
      assertThat(missing.json().getString("error")).isEqualTo("must have required property 'roomId' [invalid-params]");
    }
    assertThat(StoreSnapshot.take(system).changesSince(before)).isEmpty();
  }

  @Test
  @DisplayName("POST livechat/messages posts the messages in order as the visitor to its open room and answers "
      + "{username, msg, ts} for each")
  void importsIntoTheOpenRoom() {
    JsonObject visitor = visitors.create();
    String rid = system.servedRoom(visitor, agent.get("X-User-Id"));

    Api.Response response = api.post("livechat/messages", manager, new JsonObject()
        .put("visitor", new JsonObject().put("token", visitor.getString("token")))
        .put("messages", new JsonArray().add(new JsonObject().put("msg", "Hello"))
            .add(new JsonObject().put("msg", "Hello 2"))));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonArray messages = response.json().getJsonArray("messages");
    assertThat(messages).hasSize(2);
    assertThat(messages.getJsonObject(0).getString("msg")).isEqualTo("Hello");
    assertThat(messages.getJsonObject(1).getString("msg")).isEqualTo("Hello 2");
    assertThat(messages.getJsonObject(1).getString("username")).isEqualTo(visitor.getString("username"));
    assertThat(messages.getJsonObject(1).getValue("ts")).isInstanceOf(String.class);
    JsonObject stored = api.get("livechat/" + rid + "/messages?sort=%7B%22ts%22%3A1%7D", manager).json();
    assertThat(stored.getJsonArray("messages").stream().map(m -> ((JsonObject) m).getString("msg")).toList())
        .containsExactly("Hello", "Hello 2");
  }

  @Test
  @DisplayName("POST livechat/messages with an unknown token registers the visitor and opens a room for it")
  void importsForANewVisitor() {
    String token = TestSystem.randomToken();

    Api.Response response = api.post("livechat/messages", plainUser, new JsonObject()
        .put("visitor", new JsonObject().put("token", token))
        .put("messages", new JsonArray().add(new JsonObject().put("msg", "first words"))));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonObject visitor = api.get("livechat/visitor/" + token).json().getJsonObject("visitor");
    assertThat(response.json().getJsonArray("messages").getJsonObject(0).getString("username"))
        .isEqualTo(visitor.getString("username"));
    JsonObject room = system.mongo().findOne(Collections.ROOMS, new JsonObject().put("v.token", token), null).await();
    assertThat(room.getBoolean("open")).isTrue();
    assertThat(system.mongo().count(Collections.MESSAGES, new JsonObject().put("rid", room.getString("_id"))
        .put("msg", "first words")).await()).isEqualTo(1L);
  }

  @Test
  @DisplayName("POST livechat/messages without visitor, token or messages, with messages not an array or empty, "
      + "answers 400 invalid-params; without a session 401; nothing written")
  void importRefusals() {
    JsonObject token = new JsonObject().put("token", "test");
    StoreSnapshot before = StoreSnapshot.take(system);

    List<Api.Response> refused = List.of(api.post("livechat/messages", manager, new JsonObject()),
        api.post("livechat/messages", manager, new JsonObject().put("visitor", new JsonObject())),
        api.post("livechat/messages", manager, new JsonObject().put("visitor", token)),
        api.post("livechat/messages", manager, new JsonObject().put("visitor", token)
            .put("messages", new JsonObject())),
        api.post("livechat/messages", manager, new JsonObject().put("visitor", token)
            .put("messages", new JsonArray())));
    Api.Response anonymous = api.post("livechat/messages", Map.of(), new JsonObject().put("visitor", token)
        .put("messages", new JsonArray().add(new JsonObject().put("msg", "x"))));

    assertThat(refused).allSatisfy(response -> {
      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.json().getString("errorType")).isEqualTo("invalid-params");
    });
    assertThat(refused.get(4).json().getString("error"))
        .isEqualTo("must NOT have fewer than 1 items [invalid-params]");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json()).isEqualTo(LOGGED_OUT);
    assertThat(StoreSnapshot.take(system).changesSince(before)).isEmpty();
  }
}
