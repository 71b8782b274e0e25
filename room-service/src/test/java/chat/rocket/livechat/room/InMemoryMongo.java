package chat.rocket.livechat.room;

import chat.rocket.livechat.platform.runtime.ConfigKey;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.UUID;

/**
 * A MongoDB-wire store in memory (mongo-java-server's {@link MemoryBackend}) on a random local port, and the Vert.x
 * instance the handlers under test run on. Started once per test class; each test gets its own database
 * ({@link #newClient()}), so tests share no documents (STYLE.md P13).
 */
final class InMemoryMongo implements AutoCloseable {

  /** Service config of the handlers under test: caches off, so a setting written by a test is read at once. */
  static final JsonObject CONFIG = new JsonObject().put(ConfigKey.CACHE_TTL_MS.name(), "0");

  private final MongoServer server = new MongoServer(new MemoryBackend());
  private final String connectionString = server.bindAndGetConnectionString();
  private final Vertx vertx = Vertx.vertx();

  Vertx vertx() {
    return vertx;
  }

  /** @return a client on a fresh database named {@code room_test_<random>} */
  MongoClient newClient() {
    String database = "room_test_" + UUID.randomUUID().toString().replace("-", "");
    return MongoClient.create(vertx,
        new JsonObject().put("connection_string", connectionString).put("db_name", database));
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
    server.shutdownNow();
  }
}
