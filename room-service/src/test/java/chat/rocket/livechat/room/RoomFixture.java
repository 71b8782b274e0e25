package chat.rocket.livechat.room;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.kafka.EventSink;
import chat.rocket.livechat.platform.kafka.Outbox;
import chat.rocket.livechat.platform.rocketchat.CustomFields;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.rocketchat.Permissions;
import chat.rocket.livechat.platform.rocketchat.Settings;
import chat.rocket.livechat.platform.rocketchat.Users;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The room-service's handlers wired as {@link RoomServiceVerticle} wires them, on a fresh database of an
 * {@link InMemoryMongo}, with an {@link EventSink} that records what was published instead of Kafka. Also writes the
 * Rocket.Chat documents a test needs (settings, permissions, users, visitors, rooms) in their stored shapes
 * (spec §2). The one place that calls the handlers' constructors.
 */
final class RoomFixture implements AutoCloseable {

  /** Longest wait for one handler call, in seconds. */
  private static final long AWAIT_SECONDS = 5;

  final MongoClient mongo;
  final List<Published> published = new CopyOnWriteArrayList<>();
  final AgentRouter router;
  final GetOrCreateRoom getOrCreate;
  final ChangeRoomVisitor changeVisitor;
  final SaveRoomInfo saveInfo;
  final RenameOpenRooms rename;

  RoomFixture(InMemoryMongo store) {
    Vertx vertx = store.vertx();
    mongo = store.newClient();
    RoomRepository rooms = new RoomRepository(mongo);
    RoomVisitors visitors = new RoomVisitors(mongo);
    RoomEvents events =
        new RoomEvents(new Outbox(InMemoryMongo.CONFIG, mongo, Collections.ROOMS, "room", this::record));
    Settings settings = new Settings(vertx, mongo, InMemoryMongo.CONFIG);
    Permissions permissions = new Permissions(vertx, mongo, InMemoryMongo.CONFIG);
    Users users = new Users(mongo);
    router = new AgentRouter(rooms, users);
    getOrCreate = new GetOrCreateRoom(rooms, visitors, settings, users, router, events);
    changeVisitor = new ChangeRoomVisitor(rooms, visitors, users, new RoomAccess(rooms, permissions), events);
    saveInfo = new SaveRoomInfo(rooms, permissions, new CustomFields(vertx, mongo, InMemoryMongo.CONFIG), events);
    rename = new RenameOpenRooms(rooms, mongo, events);
  }

  /**
   * One event handed to the {@link EventSink}.
   *
   * @param type          event type
   * @param subject       the aggregate id (record key)
   * @param document      the room as published (ISO dates)
   * @param changedFields the fields the change touched
   */
  record Published(EventType type, String subject, JsonObject document, List<String> changedFields) {
  }

  private Future<Void> record(EventType type, String id, OffsetDateTime time, String subject, Buffer data) {
    JsonObject event = new JsonObject(data);
    published.add(new Published(type, subject, event.getJsonObject("room"),
        event.getJsonArray("changedFields").stream().map(String.class::cast).toList()));
    return Future.succeededFuture();
  }

  /** @return a command of that type from {@code caller} (null: none) with that body */
  static Command command(CommandType type, Caller caller, JsonObject body) {
    return Command.of(type, UUID.randomUUID().toString(), "replies", 0, Long.MAX_VALUE, caller, body);
  }

  /** @return the value the future succeeds with, awaited at most {@link #AWAIT_SECONDS} */
  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(AWAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("expected success, failed with " + e.getCause(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("no outcome within " + AWAIT_SECONDS + " s", e);
    }
  }

  /** @return the {@link LivechatException} the future fails with (an assertion error when it does not) */
  static LivechatException failure(Future<?> future) {
    try {
      Object result = future.toCompletionStage().toCompletableFuture().get(AWAIT_SECONDS, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, succeeded with " + result);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(LivechatException.class);
      return (LivechatException) e.getCause();
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("no outcome within " + AWAIT_SECONDS + " s", e);
    }
  }

  /** Stores a Rocket.Chat setting ({@code {_id, value}}). */
  void setting(Setting setting, Object value) {
    await(mongo.updateCollectionWithOptions(Collections.SETTINGS, new JsonObject().put("_id", setting.id()),
        new JsonObject().put("$set", new JsonObject().put("value", value)), new UpdateOptions().setUpsert(true)));
  }

  /** Grants a permission to exactly these roles ({@code {_id, roles}}). */
  void grant(Permission permission, String... roles) {
    await(mongo.updateCollectionWithOptions(Collections.PERMISSIONS, new JsonObject().put("_id", permission.id()),
        new JsonObject().put("$set", new JsonObject().put("roles", new JsonArray(List.of(roles)))),
        new UpdateOptions().setUpsert(true)));
  }

  /** @return an inserted enabled visitor {@code {_id, token, username, name, status: online}} */
  JsonObject visitor(String name) {
    String id = "visitor-" + UUID.randomUUID();
    JsonObject visitor = new JsonObject().put("_id", id).put("token", "token-" + id)
        .put("username", "guest-" + id.substring(8, 14)).put("name", name).put("status", "online")
        .put("ts", MongoDocs.now()).put("_updatedAt", MongoDocs.now());
    return insert(Collections.VISITORS, visitor);
  }

  /**
   * @param status         presence ({@code online}, {@code away}, {@code offline})
   * @param statusLivechat {@code available} or {@code not-available}
   * @return an inserted livechat agent user
   */
  JsonObject agent(String username, String status, String statusLivechat) {
    JsonObject agent = new JsonObject().put("_id", "agent-" + username).put("username", username)
        .put("name", "Agent " + username).put("type", "user").put("active", true).put("status", status)
        .put("statusLivechat", statusLivechat).put("roles", new JsonArray().add("user").add(Users.AGENT_ROLE));
    return insert(Collections.USERS, agent);
  }

  /** @return an inserted open livechat room of the visitor, unserved */
  JsonObject openRoom(JsonObject visitor) {
    JsonObject v = new JsonObject().put("_id", visitor.getString("_id"))
        .put("username", visitor.getString("username")).put("token", visitor.getString("token"))
        .put("status", "online");
    JsonObject room = new JsonObject().put("_id", "room-" + UUID.randomUUID()).put("t", "l").put("open", true)
        .put("fname", visitor.getString("name")).put("msgs", 0).put("usersCount", 1).put("v", v)
        .put("ts", MongoDocs.now()).put("_updatedAt", MongoDocs.now());
    return insert(Collections.ROOMS, room);
  }

  /** @return the room after {@code $set}ting {@code fields} on it */
  JsonObject updateRoom(JsonObject room, JsonObject fields) {
    await(mongo.updateCollection(Collections.ROOMS, new JsonObject().put("_id", room.getString("_id")),
        new JsonObject().put("$set", fields)));
    return findOne(Collections.ROOMS, new JsonObject().put("_id", room.getString("_id")));
  }

  /** @return the document as inserted */
  JsonObject insert(String collection, JsonObject document) {
    await(mongo.insert(collection, document.copy()));
    return document;
  }

  /** @return the first matching document, or null */
  JsonObject findOne(String collection, JsonObject query) {
    return await(mongo.findOne(collection, query, null));
  }

  /** @return every matching document */
  List<JsonObject> find(String collection, JsonObject query) {
    return await(mongo.find(collection, query));
  }

  @Override
  public void close() {
    await(mongo.close());
  }
}
