package chat.rocket.livechat.room;

import static chat.rocket.livechat.room.RoomFixture.body;
import static chat.rocket.livechat.testkit.FutureAwait.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The keys proof of "no open room" ({@link OpenRooms}, {@code OPEN_ROOM_PROOF=keys}, the embedded store's default):
 * room claims keep one open room per visitor when several room-service instances create at once, follow the visitor's
 * rooms past a stale {@code lastChat}, and let an interrupted creation be finished.
 */
class OpenRoomClaimsTest extends RoomHandlerTest {

  @Test
  @DisplayName("two room-service instances creating one visitor's first room at once make one open room, one "
      + "inquiry, one subscription, one newRoom and one room.created content")
  void concurrentInstancesMakeOneRoom() {
    fixture.agent("alice", "online", "available");
    JsonObject visitor = fixture.visitor("Ada");
    GetOrCreateRoom second = fixture.secondInstance();
    List<Future<JsonObject>> calls = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      calls.add(i % 2 == 0 ? fixture.getOrCreate(body(visitor)) : RoomFixture.getOrCreate(second, body(visitor)));
    }
    await(Future.all(calls));

    Set<String> rids = calls.stream().map(call -> call.result().getJsonObject("room").getString("_id"))
        .collect(Collectors.toSet());
    assertThat(rids).hasSize(1);
    assertThat(calls.stream().filter(call -> call.result().getBoolean("newRoom")).count()).isEqualTo(1);
    assertThat(fixture.rooms()).isEqualTo(1);
    assertThat(fixture.find(Collections.INQUIRIES, new JsonObject())).hasSize(1);
    assertThat(fixture.find(Collections.SUBSCRIPTIONS, new JsonObject())).hasSize(1);
    assertThat(fixture.published.stream().filter(event -> event.type() == EventType.ROOM_CREATED)
        .map(event -> event.document().encode()).distinct()).hasSize(1);
  }

  @Test
  @DisplayName("after the open room closes the next call makes a new room, which a stale lastChat still leads to")
  void chainFollowsClosedRooms() {
    fixture.agent("alice", "online", "available");
    JsonObject visitor = fixture.visitor("Ada");
    String first = await(fixture.getOrCreate(body(visitor))).getJsonObject("room").getString("_id");
    fixture.updateRoom(new JsonObject().put("_id", first), new JsonObject().put("open", false));

    JsonObject created = await(fixture.getOrCreate(body(visitor)));
    String second = created.getJsonObject("room").getString("_id");
    fixture.updateVisitor(visitor, new JsonObject().put("lastChat", new JsonObject().put("_id", first)));
    JsonObject again = await(fixture.getOrCreate(body(visitor)));

    assertThat(created.getBoolean("newRoom")).isTrue();
    assertThat(second).isNotEqualTo(first);
    assertThat(again.getBoolean("newRoom")).isFalse();
    assertThat(again.getJsonObject("room").getString("_id")).isEqualTo(second);
    assertThat(await(fixture.openRooms.find(visitor.getString("token"), first)).getString("_id")).isEqualTo(second);
    assertThat(fixture.rooms()).isEqualTo(2);
  }

  @Test
  @DisplayName("a room created through the chain is answered (newRoom false) to a visitor whose lastChat does not "
      + "name it yet, while Livechat is disabled and while it is enabled, without a second room")
  void chainRoomFoundPastAMissingLastChat() {
    fixture.agent("alice", "online", "available");
    JsonObject visitor = fixture.visitor("Ada");
    String rid = await(fixture.getOrCreate(body(visitor))).getJsonObject("room").getString("_id");

    fixture.setting(Setting.LIVECHAT_ENABLED, false);
    JsonObject whileDisabled = await(fixture.getOrCreate(body(visitor)));
    fixture.setting(Setting.LIVECHAT_ENABLED, true);
    JsonObject whileEnabled = await(fixture.getOrCreate(body(visitor)));

    assertThat(List.of(whileDisabled, whileEnabled)).allSatisfy(result -> {
      assertThat(result.getBoolean("newRoom")).isFalse();
      assertThat(result.getJsonObject("room").getString("_id")).isEqualTo(rid);
    });
    assertThat(fixture.rooms()).isEqualTo(1);
    assertThat(fixture.find(Collections.ROOM_CLAIMS, new JsonObject())).hasSize(1);
  }

  @Test
  @DisplayName("a refused plan (Livechat disabled) finishes an interrupted creation of the visitor instead of "
      + "refusing")
  void refusedPlanFinishesAnInterruptedCreation() {
    JsonObject visitor = fixture.visitor("Ada");
    NewRoom plan = planFor(visitor, null);
    assertThat(await(fixture.openRooms.claim(visitor.getString("token"), "", plan.claim()))).isTrue();
    fixture.setting(Setting.LIVECHAT_ENABLED, false);

    JsonObject result = await(fixture.getOrCreate(body(visitor)));

    assertThat(result.getJsonObject("room").getString("_id")).isEqualTo(plan.rid());
    assertThat(fixture.rooms()).isEqualTo(1);
  }

  @Test
  @DisplayName("a creation interrupted between its claim and its room is finished by the next call with the "
      + "claimed documents, room.created published once")
  void interruptedCreationIsFinished() {
    JsonObject agent = fixture.agent("alice", "online", "available");
    JsonObject visitor = fixture.visitor("Ada");
    NewRoom plan = planFor(visitor, null);
    plan.autoSelection(true);
    plan.assign(agent);
    JsonObject claim = plan.claim();
    assertThat(await(fixture.openRooms.claim(visitor.getString("token"), "", claim))).isTrue();
    assertThat(await(fixture.openRooms.find(visitor.getString("token"), ""))).as("no room before it is written")
        .isNull();

    JsonObject result = await(fixture.getOrCreate(body(visitor)));

    assertThat(result.getBoolean("newRoom")).isTrue();
    assertThat(result.getJsonObject("room").getString("_id")).isEqualTo(plan.rid());
    assertThat(result.getJsonObject("room").getJsonObject("servedBy").getString("username")).isEqualTo("alice");
    JsonObject byRid = new JsonObject().put("rid", plan.rid());
    assertThat(fixture.findOne(Collections.INQUIRIES, byRid).getString("status")).isEqualTo("taken");
    assertThat(fixture.findOne(Collections.SUBSCRIPTIONS, byRid).getJsonObject("u").getString("username"))
        .isEqualTo("alice");
    assertThat(fixture.published).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo(EventType.ROOM_CREATED);
      assertThat(event.subject()).isEqualTo(plan.rid());
    });
  }

  @Test
  @DisplayName("a claim holds the plan, a fraction of the documents' size, and the plan read back from the store "
      + "rebuilds the same documents and the same room.created bytes")
  void claimRebuildsTheSameDocuments() {
    JsonObject agent = fixture.agent("alice", "online", "available");
    JsonObject visitor = fixture.visitor("Ada");
    NewRoom plan = planFor(visitor, new JsonObject().put("type", "widget"));
    plan.department("sales", false);
    plan.autoSelection(true);
    plan.assign(agent);
    JsonObject documents = plan.documents();
    assertThat(await(fixture.openRooms.claim(visitor.getString("token"), "", plan.claim()))).isTrue();

    JsonObject stored = fixture.findOne(Collections.ROOM_CLAIMS, new JsonObject());

    JsonObject rebuilt = NewRoom.documentsOf(stored);
    for (String document : List.of("room", "inquiry", "subscription")) {
      assertThat(MongoDocs.toApi(rebuilt.getJsonObject(document))).as(document)
          .isEqualTo(MongoDocs.toApi(documents.getJsonObject(document)));
    }
    assertThat(rebuilt.getJsonObject("room").getJsonArray(MongoDocs.OUTBOX_FIELD).encode()).as("room.created")
        .isEqualTo(documents.getJsonObject("room").getJsonArray(MongoDocs.OUTBOX_FIELD).encode());
    assertThat(stored.encode().length()).isLessThan(documents.encode().length() / 2);
    assertThat(documents.getJsonObject("room").getJsonObject("servedBy").getString("username")).isEqualTo("alice");
    assertThat(documents.getJsonObject("inquiry").getString("department")).isEqualTo("sales");
    assertThat(documents.getJsonObject("subscription").getString("rid")).isEqualTo(plan.rid());
  }

  @Test
  @DisplayName("an unfinished claim holding the documents themselves (written before claims held plans) is "
      + "finished with them")
  void documentClaimIsFinished() {
    JsonObject visitor = fixture.visitor("Ada");
    NewRoom plan = planFor(visitor, null);
    JsonObject documents = plan.documents();
    fixture.insert(Collections.ROOM_CLAIMS, documents.copy().put("_id", OpenRooms.claimId("", visitor.getString(
        "token"))).put("rid", plan.rid()).put("token", visitor.getString("token")));

    JsonObject result = await(fixture.getOrCreate(body(visitor)));

    assertThat(result.getBoolean("newRoom")).isTrue();
    assertThat(result.getJsonObject("room").getString("_id")).isEqualTo(plan.rid());
    assertThat(fixture.findOne(Collections.INQUIRIES, new JsonObject().put("rid", plan.rid())).getString("_id"))
        .isEqualTo(documents.getJsonObject("inquiry").getString("_id"));
    assertThat(fixture.rooms()).isEqualTo(1);
  }

  @Test
  @DisplayName("a room Rocket.Chat wrote (the room, then the visitor's lastChat naming it) is the visitor's open room")
  void rocketChatRoomCounts() {
    JsonObject visitor = fixture.visitor("Ada");
    JsonObject room = fixture.openRoom(visitor);

    JsonObject result = await(fixture.getOrCreate(body(visitor)));

    assertThat(result.getBoolean("newRoom")).isFalse();
    assertThat(result.getJsonObject("room").getString("_id")).isEqualTo(room.getString("_id"));
    assertThat(fixture.rooms()).isEqualTo(1);
  }

  @Test
  @DisplayName("OPEN_ROOM_PROOF auto proves by keys on a store without partial indexes and by query on MongoDB")
  void autoFollowsTheStore() {
    OpenRooms auto = new OpenRooms(fixture.mongo, new RoomRepository(fixture.mongo), new RoomVisitors(fixture.mongo),
        new JsonObject());
    auto.useStore(false);
    assertThat(auto.proof()).isEqualTo(OpenRooms.Proof.KEYS);
    auto.useStore(true);
    assertThat(auto.proof()).isEqualTo(OpenRooms.Proof.QUERY);
    OpenRooms keys = new OpenRooms(fixture.mongo, new RoomRepository(fixture.mongo), new RoomVisitors(fixture.mongo),
        new JsonObject().put(ConfigKey.OPEN_ROOM_PROOF.name(), "keys"));
    keys.useStore(true);
    assertThat(keys.proof()).isEqualTo(OpenRooms.Proof.KEYS);
    assertThatThrownBy(() -> new OpenRooms(fixture.mongo, new RoomRepository(fixture.mongo),
        new RoomVisitors(fixture.mongo), new JsonObject().put(ConfigKey.OPEN_ROOM_PROOF.name(), "scan")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** @return the plan of a room for the visitor as stored (no preferred agent), from {@code source} */
  private NewRoom planFor(JsonObject visitor, JsonObject source) {
    return new NewRoom(fixture.findOne(Collections.VISITORS, new JsonObject().put("_id", visitor.getString("_id"))),
        null, source);
  }
}
