package chat.rocket.livechat.testkit;

import chat.rocket.livechat.embedded.EmbeddedMongo;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.UUID;

/**
 * An in-memory {@link EmbeddedMongo} on a free port and the Vert.x instance the handlers under test run on. Started
 * once per test class; each test takes a client on a fresh database of its own ({@link #newClient}), so tests share
 * no documents (STYLE.md P13).
 */
public final class MemoryStore implements AutoCloseable {

  private final EmbeddedMongo mongo;
  private final Vertx vertx;

  private MemoryStore(EmbeddedMongo mongo, Vertx vertx) {
    this.mongo = mongo;
    this.vertx = vertx;
  }

  /** @return a running store and a new Vert.x instance */
  public static MemoryStore start() {
    return new MemoryStore(EmbeddedMongo.startInMemory(), Vertx.vertx());
  }

  /**
   * @return the configuration of services under test ({@link ConfigKey}): {@code CACHE_TTL_MS} 0, so that a setting
   *     or permission a test writes is read at once; every other key at its default
   */
  public static JsonObject serviceConfig() {
    return new JsonObject().put(ConfigKey.CACHE_TTL_MS.name(), "0");
  }

  /** @return the Vert.x instance (closed with the store) */
  public Vertx vertx() {
    return vertx;
  }

  /**
   * @param prefix names the database: {@code <prefix>_test_<random>}
   * @return a client on a fresh, empty database (the caller closes it)
   */
  public MongoClient newClient(String prefix) {
    String database = prefix + "_test_" + UUID.randomUUID().toString().replace("-", "");
    return MongoClient.create(vertx,
        new JsonObject().put("connection_string", mongo.connectionString()).put("db_name", database));
  }

  /** Closes the Vert.x instance (waiting for it), then the store with every database in it. */
  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
    mongo.close();
  }
}
