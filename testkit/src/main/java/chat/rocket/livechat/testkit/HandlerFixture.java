package chat.rocket.livechat.testkit;

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
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a service's handler tests share: a client on a fresh database of a {@link MemoryStore}, an {@link Outbox}
 * whose {@link EventSink} records what it is handed ({@link #published}) instead of sending it to Kafka, and writes of
 * the Rocket.Chat documents tests need in their stored shapes (spec §2). A service's fixture extends it and wires its
 * handlers the way its verticle does. Every call blocks the test thread ({@link FutureAwait}).
 */
public abstract class HandlerFixture implements AutoCloseable {

  /** The client on this fixture's own database. */
  public final MongoClient mongo;
  /** The events the outbox published, in order. */
  public final List<Published> published = new CopyOnWriteArrayList<>();
  private final Vertx vertx;
  private final String aggregate;

  /**
   * @param store     the store of the test class
   * @param aggregate {@code room} or {@code visitor}: the database name's prefix and the field of the event data
   *                  holding the document
   */
  protected HandlerFixture(MemoryStore store, String aggregate) {
    this.vertx = store.vertx();
    this.aggregate = aggregate;
    this.mongo = store.newClient(aggregate);
  }

  /**
   * One event handed to the {@link EventSink}.
   *
   * @param type          event type
   * @param subject       the aggregate id (record key)
   * @param document      the aggregate as published (ISO dates), or the message of a message event
   * @param changedFields the fields the change touched
   */
  public record Published(EventType type, String subject, JsonObject document, List<String> changedFields) {
  }

  /**
   * @param type   the command type
   * @param caller the authenticated caller, or null for none
   * @param body   the command body
   * @return a command with a fresh correlation id and no deadline
   */
  public static Command command(CommandType type, Caller caller, JsonObject body) {
    return Command.of(type, UUID.randomUUID().toString(), "replies", 0, Long.MAX_VALUE, caller, body);
  }

  /**
   * @param key  the record key the command is consumed with ({@link Command#key()}): a token, rid or visitor id
   * @param body the command body
   * @return a command without caller, as consumed from its partition with that key
   */
  public static Command keyed(CommandType type, String key, JsonObject body) {
    Command command = command(type, null, body);
    return new Command(command.typeName(), command.correlationId(), command.replyTo(), command.replyPartition(),
        command.deadline(), null, body, key);
  }

  /**
   * @param future a handler's outcome
   * @return the {@link LivechatException} it fails with
   * @throws AssertionError when it succeeds, fails otherwise or takes longer than {@link FutureAwait#TIMEOUT}
   */
  public static LivechatException failure(Future<?> future) {
    return FutureAwait.awaitFailure(future, LivechatException.class);
  }

  /** @return the Vert.x instance of the store */
  public Vertx vertx() {
    return vertx;
  }

  /**
   * @param collection the aggregate's collection
   * @return an outbox on this fixture's database that publishes into {@link #published}
   */
  protected Outbox outbox(String collection) {
    return outbox(collection, aggregate);
  }

  /**
   * For a service with several evented collections (the admin-service: settings and permissions).
   *
   * @param collection    an evented collection
   * @param aggregateName the field of the event data holding its document, e.g. {@code setting}
   * @return an outbox on this fixture's database that publishes into {@link #published}
   */
  protected Outbox outbox(String collection, String aggregateName) {
    return new Outbox(MemoryStore.serviceConfig(), mongo, collection, aggregateName,
        (type, id, time, subject, data) -> record(aggregateName, type, subject, data));
  }

  private Future<Void> record(String aggregateName, EventType type, String subject, Buffer data) {
    JsonObject event = new JsonObject(data);
    JsonObject document = event.containsKey(aggregateName) ? event.getJsonObject(aggregateName)
        : event.getJsonObject("message");
    published.add(new Published(type, subject, document,
        event.getJsonArray("changedFields", new JsonArray()).stream().map(String.class::cast).toList()));
    return Future.succeededFuture();
  }

  /**
   * Stores a Rocket.Chat setting ({@code {_id, value}}).
   *
   * @param setting the setting
   * @param value   its value
   */
  public void setting(Setting setting, Object value) {
    FutureAwait.await(mongo.updateCollectionWithOptions(Collections.SETTINGS,
        new JsonObject().put("_id", setting.id()), new JsonObject().put("$set", new JsonObject().put("value", value)),
        new UpdateOptions().setUpsert(true)));
  }

  /**
   * Grants a permission to exactly these roles ({@code {_id, roles}}).
   *
   * @param permission the permission
   * @param roles      the roles holding it
   */
  public void grant(Permission permission, String... roles) {
    FutureAwait.await(mongo.updateCollectionWithOptions(Collections.PERMISSIONS,
        new JsonObject().put("_id", permission.id()),
        new JsonObject().put("$set", new JsonObject().put("roles", new JsonArray(List.of(roles)))),
        new UpdateOptions().setUpsert(true)));
  }

  /**
   * @param collection where to insert
   * @param document   the document (a copy is inserted)
   * @return the document as inserted
   */
  public JsonObject insert(String collection, JsonObject document) {
    FutureAwait.await(mongo.insert(collection, document.copy()));
    return document;
  }

  /**
   * @param collection where to look
   * @param query      a MongoDB query
   * @return the first matching document, or null
   */
  public JsonObject findOne(String collection, JsonObject query) {
    return FutureAwait.await(mongo.findOne(collection, query, null));
  }

  /**
   * @param collection where to look
   * @param query      a MongoDB query
   * @return every matching document
   */
  public List<JsonObject> find(String collection, JsonObject query) {
    return FutureAwait.await(mongo.find(collection, query));
  }

  /** Closes the client (the database stays in the store until the store closes). */
  @Override
  public void close() {
    FutureAwait.await(mongo.close());
  }
}
