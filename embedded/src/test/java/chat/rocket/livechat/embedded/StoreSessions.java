package chat.rocket.livechat.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.h2.mvstore.MVStore;

/**
 * The embedded store's tests' sessions: a store on an H2 file, a real MongoDB client (database {@code test}) on it for
 * the work, and both closed after it (the file flushed).
 */
final class StoreSessions {

  private final Vertx vertx;

  StoreSessions(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Runs the work with a client of the store at {@code url} ({@code mongodb://host:port}). */
  void withClient(String url, Consumer<MongoClient> work) {
    MongoClient client = MongoClient.createShared(vertx, new JsonObject().put("connection_string", url + "/test"),
        url);
    try {
      work.accept(client);
    } finally {
      client.close().await();
    }
  }

  /** Runs the work on the file through mongo-java-server's own H2 backend (no {@link IndexedH2Backend}). */
  void withPlainStore(Path file, Consumer<MongoClient> work) {
    MongoServer server = new MongoServer(new H2Backend(new MVStore.Builder().fileName(file.toString()).open()));
    withServer(server, work);
  }

  /** Runs the work on the file as the product opens it ({@link EmbeddedMongo#startFile}). */
  void withIndexedStore(Path file, Consumer<MongoClient> work) throws Exception {
    try (EmbeddedMongo store = EmbeddedMongo.startFile(file, "127.0.0.1", 0, 16)) {
      withClient(store.connectionString(), work);
    }
  }

  /** Runs the work on the file through {@link IndexedH2Backend}, with the H2 store itself, to look inside it. */
  void withOpenStore(Path file, BiConsumer<MVStore, MongoClient> work) {
    MVStore store = new MVStore.Builder().fileName(file.toString()).open();
    withServer(new MongoServer(new IndexedH2Backend(store)), client -> work.accept(store, client));
  }

  private void withServer(MongoServer server, Consumer<MongoClient> work) {
    server.bind("127.0.0.1", 0);
    try {
      withClient("mongodb://127.0.0.1:" + server.getLocalAddress().getPort(), work);
    } finally {
      server.shutdown();
    }
  }
}
