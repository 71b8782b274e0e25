package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Topics;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code GET livechat/room} (spec §3.4 and DECISIONS.md improvements 1 and 5), through the whole system. The system
 * is prepared as Rocket.Chat's {@code LIVECHAT - rooms} hooks prepare theirs, over REST: Livechat on, department
 * removal on, the admin an available agent (docs/rocketchat-e2e-cases.md maps their cases to these tests).
 */
class GetOrCreateRoomTest {

  private static TestSystem system;
  private static Api api;
  private static Visitors visitors;
  private static Admin admin;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
    api = system.api();
    visitors = new Visitors(api);
    admin = new Admin(api, system.adminHeaders());
    admin.makeAvailableAgent();
    admin.setting("Omnichannel_enable_department_removal", true);
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  @DisplayName("without a token the call answers 400 with Meteor's missing-key text")
  void missingTokenIsRejected() {
    Api.Response response = api.get("livechat/room");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.json()).isEqualTo(new JsonObject()
        .put("success", false).put("error", "Match error: Missing key 'token'"));
  }

  @Test
  @DisplayName("a token that belongs to no visitor answers 400 invalid-token")
  void unknownTokenIsRejected() {
    Api.Response response = api.get("livechat/room?token=invalid-token");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(new JsonObject().put("success", false).put("error", "invalid-token"));
  }

  @Test
  @DisplayName("a rid that is not an open room of the visitor answers 400 invalid-room and creates nothing")
  void unknownRidIsRejected() {
    JsonObject visitor = visitors.create();

    Api.Response response = api.get("livechat/room?token=" + visitor.getString("token") + "&rid=invalid-rid");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(new JsonObject().put("success", false).put("error", "invalid-room"));
    assertThat(system.mongo().count(Collections.ROOMS,
        new JsonObject().put("v.token", visitor.getString("token"))).await()).isZero();
  }

  @Test
  @DisplayName("an unknown query parameter answers 400 with Meteor's unknown-key text")
  void unknownParameterIsRejected() {
    Api.Response response = api.get("livechat/room?token=abc&department=sales");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().getString("error")).isEqualTo("Match error: Unknown key in field department");
  }

  @Test
  @DisplayName("a repeated token parameter fails the string check instead of reaching the query")
  void repeatedTokenIsRejected() {
    Api.Response response = api.get("livechat/room?token=a&token=b");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().getString("error")).isEqualTo("Match error: Expected string, got object in field token");
  }

  @Test
  @DisplayName("a visitor's first call creates a routed room in Rocket.Chat's shapes: room, inquiry, subscription")
  void firstCallCreatesRoutedRoom() {
    JsonObject visitor = visitors.create();
    String token = visitor.getString("token");

    Api.Response response = api.get("livechat/room?token=" + token);

    assertThat(response.status()).isEqualTo(200);
    JsonObject body = response.json();
    assertThat(body.getBoolean("success")).isTrue();
    assertThat(body.getBoolean("newRoom")).isTrue();
    JsonObject room = body.getJsonObject("room");
    assertThat(room.getString("_id")).matches("[23456789A-HJ-NP-Za-km-z]{17}");
    assertThat(room.getJsonObject("v").getString("token")).isEqualTo(token);
    assertThat(room.getJsonObject("v").getString("_id")).isEqualTo(visitor.getString("_id"));
    assertThat(room.getJsonObject("source").getString("type")).isEqualTo("api");
    assertThat(room.getString("t")).isEqualTo("l");
    assertThat(room.getBoolean("open")).isTrue();
    assertThat(room.getString("fname")).isEqualTo(visitor.getString("name"));
    assertThat(room.getInteger("usersCount")).isEqualTo(2);
    assertThat(room.getInteger("priorityWeight")).isEqualTo(99);
    assertThat(room.getInteger("estimatedWaitingTimeQueue")).isEqualTo(9999999);
    assertThat(room.getString("ts")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(room.getJsonObject("servedBy").getString("username")).isEqualTo(TestSystem.ADMIN);

    String rid = room.getString("_id");
    JsonObject stored = system.findOne(Collections.ROOMS, new JsonObject().put("_id", rid));
    assertThat(stored.getJsonObject("ts").getString("$date")).as("dates are BSON dates").isNotNull();
    JsonObject inquiry = system.findOne(Collections.INQUIRIES, new JsonObject().put("rid", rid));
    assertThat(inquiry.getString("status")).isEqualTo("taken");
    assertThat(inquiry.getJsonObject("v").getString("token")).isEqualTo(token);
    JsonObject subscription = system.findOne(Collections.SUBSCRIPTIONS, new JsonObject().put("rid", rid));
    assertThat(subscription.getJsonObject("u").getString("username")).isEqualTo(TestSystem.ADMIN);
    assertThat(subscription.getString("name")).isEqualTo(visitor.getString("username"));
  }

  @Test
  @DisplayName("a second call returns the visitor's open room with newRoom false")
  void secondCallReturnsOpenRoom() {
    String token = visitors.create().getString("token");
    JsonObject first = visitors.createRoom(token);

    JsonObject second = api.get("livechat/room?token=" + token).json();

    assertThat(second.getJsonObject("room").getString("_id")).isEqualTo(first.getString("_id"));
    assertThat(second.getBoolean("newRoom")).isFalse();
  }

  @Test
  @DisplayName("a rid of the visitor's open room, created by a call carrying a staff session, returns that room with "
      + "newRoom false")
  void ridOfOpenRoomReturnsIt() {
    String token = visitors.create().getString("token");
    String rid = visitors.createRoom(token, admin.session()).getString("_id");

    JsonObject body = api.get("livechat/room?token=" + token + "&rid=" + rid).json();

    assertThat(body.getBoolean("success")).isTrue();
    assertThat(body.getJsonObject("room").getJsonObject("v").getString("token")).isEqualTo(token);
    assertThat(body.getBoolean("newRoom")).isFalse();
  }

  @Test
  @DisplayName("the widget cookies make the room's source type widget")
  void widgetCookiesMakeWidgetSource() {
    String token = visitors.create().getString("token");

    Api.Response response = api.get("livechat/room?token=" + token,
        Map.of("Cookie", "rc_room_type=l; rc_is_widget=t"));

    assertThat(response.json().getJsonObject("room").getJsonObject("source").getString("type")).isEqualTo("widget");
  }

  @Test
  @DisplayName("25 simultaneous first calls for one token make exactly one open room")
  void concurrentFirstCallsMakeOneRoom() throws Exception {
    String token = visitors.create().getString("token");
    ExecutorService clients = Executors.newFixedThreadPool(25);
    try {
      List<Callable<Api.Response>> calls = IntStream.range(0, 25)
          .<Callable<Api.Response>>mapToObj(i -> () -> api.get("livechat/room?token=" + token)).toList();
      List<Api.Response> responses = clients.invokeAll(calls).stream().map(f -> {
        try {
          return f.get();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }).toList();

      assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
      Set<String> rids = responses.stream().map(r -> r.json().getJsonObject("room").getString("_id"))
          .collect(Collectors.toSet());
      assertThat(rids).hasSize(1);
      assertThat(responses.stream().filter(r -> r.json().getBoolean("newRoom")).count()).isEqualTo(1);
      assertThat(system.mongo().count(Collections.ROOMS,
          new JsonObject().put("v.token", token).put("open", true)).await()).isEqualTo(1);
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  @DisplayName("a room document written by Rocket.Chat (the room, then the visitor's lastChat) is served as stored, "
      + "unknown fields included")
  void rocketChatDocumentIsServed() {
    JsonObject visitor = visitors.create();
    JsonObject rocketChatRoom = new JsonObject()
        .put("_id", "kCJDd5peKiZnGJLPq").put("fname", "Mary").put("t", "l")
        .put("v", new JsonObject().put("_id", visitor.getString("_id")).put("username", visitor.getString("username"))
            .put("token", visitor.getString("token")).put("status", "offline")
            .put("lastMessageTs", new JsonObject().put("$date", "2021-07-09T20:20:58.755Z")))
        .put("departmentId", "CAJioQNAvLnYWTy8i").put("default", false).put("ro", false).put("sysMes", true)
        .put("open", true).put("msgs", 7).put("ts", new JsonObject().put("$date", "2021-07-09T20:12:19.795Z"))
        .put("customFields", new JsonObject().put("salesforceCrmContactId", "0032y000009mtOIAAY"))
        .put("usersCount", 2).put("cl", false)
        .put("metrics", new JsonObject().put("response", new JsonObject().put("avg", 226.4365).put("total", 2)))
        .put("servedBy", new JsonObject().put("_id", "XycfA5CetCPuEjqxw").put("username", "jane.doe")
            .put("ts", new JsonObject().put("$date", "2021-07-09T20:19:29.422Z")));
    system.mongo().insert(Collections.ROOMS, rocketChatRoom).await();
    system.mongo().updateCollection(Collections.VISITORS, new JsonObject().put("_id", visitor.getString("_id")),
        new JsonObject().put("$set", new JsonObject().put("lastChat", new JsonObject().put("_id", "kCJDd5peKiZnGJLPq")
            .put("ts", new JsonObject().put("$date", "2021-07-09T20:12:19.795Z"))))).await();

    JsonObject body = api.get("livechat/room?token=" + visitor.getString("token")).json();

    JsonObject room = body.getJsonObject("room");
    assertThat(body.getBoolean("newRoom")).isFalse();
    assertThat(room.getString("_id")).isEqualTo("kCJDd5peKiZnGJLPq");
    assertThat(room.getString("ts")).isEqualTo("2021-07-09T20:12:19.795Z");
    assertThat(room.getJsonObject("v").getString("lastMessageTs")).isEqualTo("2021-07-09T20:20:58.755Z");
    assertThat(room.getJsonObject("customFields").getString("salesforceCrmContactId"))
        .isEqualTo("0032y000009mtOIAAY");
    assertThat(room.getJsonObject("metrics").getJsonObject("response").getDouble("avg")).isEqualTo(226.4365);
  }

  @Test
  @DisplayName("a created room is published once as a room.created CloudEvent keyed by rid")
  void createdRoomIsPublished() {
    String token = visitors.create().getString("token");
    String rid = visitors.createRoom(token).getString("_id");

    List<ConsumerRecord<String, String>> events = Events.read(system.bootstrapServers(), Topics.ROOM_EVENTS,
        record -> rid.equals(record.key()), Duration.ofSeconds(10));

    assertThat(events).hasSize(1);
    ConsumerRecord<String, String> event = events.get(0);
    assertThat(Events.header(event, "ce_type")).isEqualTo(EventType.ROOM_CREATED.type());
    assertThat(Events.header(event, "ce_subject")).isEqualTo(rid);
    assertThat(Events.header(event, "ce_specversion")).isEqualTo("1.0");
    assertThat(Events.header(event, "ce_source")).isEqualTo("/livechat/room-service");
    assertThat(Events.header(event, "content-type")).isEqualTo("application/json");
    JsonObject data = new JsonObject(event.value());
    assertThat(data.getJsonObject("room").getString("_id")).isEqualTo(rid);
    assertThat(data.getJsonObject("room").getJsonObject("v").getString("token")).isEqualTo(token);
    assertThat(data.getJsonArray("changedFields").getList()).contains("v", "open", "servedBy");
  }

  @Test
  @DisplayName("with Livechat disabled a new room is refused but an open one is still returned")
  void disabledLivechatRefusesOnlyCreation() {
    String withRoom = visitors.create().getString("token");
    String rid = visitors.createRoom(withRoom).getString("_id");
    String withoutRoom = visitors.create().getString("token");
    system.setting("Livechat_enabled", false);
    try {
      Api.Response refused = api.get("livechat/room?token=" + withoutRoom);
      Api.Response existing = api.get("livechat/room?token=" + withRoom);

      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.json()).isEqualTo(new JsonObject().put("success", false)
          .put("error", "[error-omnichannel-is-disabled]").put("errorType", "error-omnichannel-is-disabled"));
      assertThat(existing.json().getJsonObject("room").getString("_id")).isEqualTo(rid);
    } finally {
      system.setting("Livechat_enabled", true);
    }
  }

  @Test
  @DisplayName("closed rooms of a visitor do not block a new open room, and are never returned")
  void closedRoomsDoNotBlockNewRoom() {
    JsonObject visitor = visitors.create();
    String token = visitor.getString("token");
    for (String rid : List.of("closedRoom0000001", "closedRoom0000002")) {
      system.mongo().insert(Collections.ROOMS, new JsonObject().put("_id", rid).put("t", "l").put("fname", "old")
          .put("v", new JsonObject().put("_id", visitor.getString("_id")).put("token", token))
          .put("closedAt", new JsonObject().put("$date", "2024-01-01T00:00:00.000Z"))).await();
    }

    Api.Response response = api.get("livechat/room?token=" + token);
    Api.Response closed = api.get("livechat/room?token=" + token + "&rid=closedRoom0000001");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getBoolean("newRoom")).isTrue();
    assertThat(response.json().getJsonObject("room").getString("_id")).doesNotStartWith("closedRoom");
    assertThat(closed.json().getString("error")).isEqualTo("invalid-room");
  }

  @Test
  @DisplayName("a trailing slash is not the endpoint: 404 in Rocket.Chat's shape")
  void trailingSlashIsNotFound() {
    Api.Response response = api.send(HttpMethod.GET, "livechat/room/?token=abc", Map.of(), null);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.json().getBoolean("success")).isFalse();
  }

}
