package chat.rocket.livechat.visitor;

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
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The visitor-service's handlers wired as {@link VisitorServiceVerticle} wires them, on a fresh database of an
 * {@link InMemoryMongo}, with an {@link EventSink} that records what was published instead of Kafka. Also writes the
 * Rocket.Chat documents a test needs (settings, permissions, custom fields, visitors) in their stored shapes
 * (spec §2). The one place that calls the handlers' constructors.
 */
final class VisitorFixture implements AutoCloseable {

  /** Longest wait for one handler call, in seconds. */
  private static final long AWAIT_SECONDS = 5;

  final MongoClient mongo;
  final List<Published> published = new CopyOnWriteArrayList<>();
  final FindVisitor find;
  final RegisterVisitor register;
  final SaveGuest saveGuest;
  final RecordLastChat lastChat;

  VisitorFixture(InMemoryMongo store) {
    Vertx vertx = store.vertx();
    mongo = store.newClient();
    VisitorRepository visitors = new VisitorRepository(mongo);
    VisitorEvents events =
        new VisitorEvents(new Outbox(InMemoryMongo.CONFIG, mongo, Collections.VISITORS, "visitor", this::record));
    CustomFields customFields = new CustomFields(vertx, mongo, InMemoryMongo.CONFIG);
    find = new FindVisitor(visitors);
    register = new RegisterVisitor(visitors, new Settings(vertx, mongo, InMemoryMongo.CONFIG), customFields, events);
    saveGuest = new SaveGuest(visitors, new Permissions(vertx, mongo, InMemoryMongo.CONFIG), customFields, events);
    lastChat = new RecordLastChat(visitors, events);
  }

  /**
   * One event handed to the {@link EventSink}.
   *
   * @param type          event type
   * @param subject       the visitor {@code _id} (record key)
   * @param document      the visitor as published (ISO dates)
   * @param changedFields the fields the change touched
   */
  record Published(EventType type, String subject, JsonObject document, List<String> changedFields) {
  }

  private Future<Void> record(EventType type, String id, OffsetDateTime time, String subject, Buffer data) {
    JsonObject event = new JsonObject(data);
    published.add(new Published(type, subject, event.getJsonObject("visitor"),
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

  /** Defines a livechat custom field ({@code {_id, label, scope, regexp}}); a null regexp accepts any value. */
  void customField(String id, String scope, String regexp) {
    insert(Collections.CUSTOM_FIELDS, new JsonObject().put("_id", id).put("label", "Label of " + id)
        .put("scope", scope).put("regexp", regexp));
  }

  /** @return an inserted enabled visitor {@code {_id, token, username, name, status: online, ts, _updatedAt}} */
  JsonObject visitor(String name) {
    String id = "visitor-" + UUID.randomUUID();
    JsonObject visitor = new JsonObject().put("_id", id).put("token", "token-" + id)
        .put("username", "guest-" + id.substring(8, 14)).put("name", name).put("status", "online")
        .put("ts", MongoDocs.now()).put("_updatedAt", MongoDocs.date(Instant.EPOCH));
    return insert(Collections.VISITORS, visitor);
  }

  /** @return the document as inserted */
  JsonObject insert(String collection, JsonObject document) {
    await(mongo.insert(collection, document.copy()));
    return document;
  }

  /** @return the stored visitor with that {@code _id}, or null */
  JsonObject storedVisitor(String id) {
    return await(mongo.findOne(Collections.VISITORS, new JsonObject().put("_id", id), null));
  }

  /** @return every stored visitor */
  List<JsonObject> visitors() {
    return await(mongo.find(Collections.VISITORS, new JsonObject()));
  }

  @Override
  public void close() {
    await(mongo.close());
  }
}
