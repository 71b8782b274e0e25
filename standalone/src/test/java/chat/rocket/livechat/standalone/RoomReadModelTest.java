package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The room-service's read model through the whole system (issue 12; DESIGN.md, Room read model), with entries kept a
 * minute ({@code CACHE_TTL_MS=60000}) and two gateways: an existing room is answered from memory, and a write made
 * through the system is seen by the very next read through either gateway. A write straight into MongoDB stands for
 * Rocket.Chat writing a shared database: only a room held in memory hides it.
 */
class RoomReadModelTest {

  private static TestSystem system;
  private static SecondGateway second;
  private static Api api;
  private static Api secondApi;
  private static Visitors visitors;

  @BeforeAll
  static void start() {
    system = TestSystem.start(Map.of(ConfigKey.CACHE_TTL_MS.env(), "60000", ConfigKey.HTTP_INSTANCES.env(), "1"));
    second = new SecondGateway(system);
    api = system.api();
    secondApi = new Api(second.vertx(), second.port());
    visitors = new Visitors(api);
  }

  @AfterAll
  static void stop() {
    second.close();
    system.close();
  }

  private static Api.Response room(Api gateway, String token) {
    return gateway.get("livechat/room?token=" + token);
  }

  /** Opens a room and reads it twice through each gateway: each learns the room, the room-service holds it. */
  private static JsonObject openAndRead(String token) {
    JsonObject room = visitors.createRoom(token);
    for (Api gateway : List.of(api, secondApi, api, secondApi)) {
      assertThat(room(gateway, token).json().getJsonObject("room").getString("_id")).isEqualTo(room.getString("_id"));
    }
    return room;
  }

  /** Sets the setting that lets a visitor with an open room be removed, through the admin endpoint (cached 1 min). */
  private static void setGdpr(boolean on) {
    Api.Response set = api.post("settings/" + Setting.LIVECHAT_COLLECT_HTTP_HEADERS.id(), system.adminHeaders(),
        new JsonObject().put("value", on));
    assertThat(set.status()).as(set.body()).isEqualTo(200);
  }

  private static void writeStraightIntoMongo(String rid, JsonObject fields) {
    system.mongo().updateCollection(Collections.ROOMS, new JsonObject().put("_id", rid),
        new JsonObject().put("$set", fields)).await();
  }

  @Test
  @DisplayName("an existing room is answered from the room-service's memory: a write straight into MongoDB stays "
      + "unseen while the entry lives")
  void existingRoomIsReadFromMemory() {
    String token = visitors.create().getString("token");
    JsonObject room = openAndRead(token);

    writeStraightIntoMongo(room.getString("_id"), new JsonObject().put("fname", "Written by another system"));

    for (Api gateway : List.of(api, secondApi)) {
      Api.Response again = room(gateway, token);
      assertThat(again.status()).as(again.body()).isEqualTo(200);
      assertThat(again.json().getJsonObject("room").getString("fname")).isEqualTo(room.getString("fname"));
      assertThat(again.json().getBoolean("newRoom")).isFalse();
    }
  }

  @Test
  @DisplayName("an agent's saveInfo through one gateway is in the very next GET livechat/room through the other")
  void writeThroughTheSystemIsSeenAtOnce() {
    JsonObject visitor = visitors.create();
    String token = visitor.getString("token");
    String rid = openAndRead(token).getString("_id");

    Api.Response saved = api.post("livechat/room.saveInfo", system.adminHeaders(), Visitors.saveInfo(
        new JsonObject().put("_id", visitor.getString("_id")),
        new JsonObject().put("_id", rid).put("topic", "Billing question")));
    Api.Response next = room(secondApi, token);

    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(next.json().getJsonObject("room").getString("topic")).isEqualTo("Billing question");
  }

  @Test
  @DisplayName("after an agent closes the room through one gateway, the other gateway's next GET livechat/room opens "
      + "a new room instead of answering the closed one")
  void closedRoomIsNotAnswered() {
    String token = visitors.create().getString("token");
    String rid = openAndRead(token).getString("_id");

    Api.Response closed = api.post("livechat/room.closeByUser", system.adminHeaders(),
        new JsonObject().put("rid", rid).put("comment", "done"));
    Api.Response next = room(secondApi, token);

    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    assertThat(next.status()).as(next.body()).isEqualTo(200);
    assertThat(next.json().getBoolean("newRoom")).isTrue();
    assertThat(next.json().getJsonObject("room").getString("_id")).isNotEqualTo(rid);
  }

  @Test
  @DisplayName("a visitor removed with its room open (GDPR setting on) gets invalid-token at once through the gateway "
      + "that removed it, and through the other once the removal event reached the room-service")
  void removedVisitorGetsInvalidToken() {
    String token = visitors.create().getString("token");
    openAndRead(token);
    setGdpr(true);
    try {
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
          api.send(HttpMethod.DELETE, "livechat/visitor/" + token, Map.of(), null).status()).isEqualTo(200));
      Api.Response sameGateway = room(api, token);

      assertThat(sameGateway.json()).isEqualTo(ExpectedBodies.error("invalid-token"));
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(room(secondApi, token).json())
          .isEqualTo(ExpectedBodies.error("invalid-token")));
    } finally {
      setGdpr(false);
    }
  }
}
