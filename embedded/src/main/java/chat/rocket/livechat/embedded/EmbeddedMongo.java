package chat.rocket.livechat.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.mvstore.MVStore;

/**
 * A MongoDB-wire store in this JVM ({@code de.bwaldvogel:mongo-java-server}): with the H2 backend its data lives in
 * one file and survives restarts; with the memory backend (tests) it vanishes on close. Any MongoDB driver or
 * {@code mongosh} can connect to it. It implements plain CRUD, upserts and indexes, not partial indexes. On H2 the
 * unique indexes compare keys without serializing them anew ({@link IndexedH2Backend}, issue 12).
 */
public final class EmbeddedMongo implements AutoCloseable {

  private final AtomicBoolean closed = new AtomicBoolean();
  private final MongoServer server;
  private final String connectionString;

  private EmbeddedMongo(MongoServer server, String connectionString) {
    this.server = server;
    this.connectionString = connectionString;
  }

  /**
   * @param file    the H2 database file (its directory is created when missing)
   * @param host    address to listen on
   * @param port    port to listen on, e.g. 27017
   * @param cacheMb size of H2's page cache in MiB (heap): pages in it are read without deserializing their documents
   *                again (H2's default is 16)
   * @return the running store, persisting to {@code file}
   * @throws Exception when the file cannot be opened or the port is taken
   */
  public static EmbeddedMongo startFile(Path file, String host, int port, int cacheMb) throws Exception {
    Files.createDirectories(file.toAbsolutePath().getParent());
    MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMb).open();
    return start(new IndexedH2Backend(store), host, port);
  }

  /**
   * @param host address to listen on
   * @param port port to listen on; 0 picks a free one
   * @return a running in-memory store on {@code host:port}
   */
  public static EmbeddedMongo startInMemory(String host, int port) {
    return start(new MemoryBackend(), host, port);
  }

  /** @return a running in-memory store on a free port of {@code 127.0.0.1} (tests) */
  public static EmbeddedMongo startInMemory() {
    return startInMemory("127.0.0.1", 0);
  }

  private static EmbeddedMongo start(MongoBackend backend, String host, int port) {
    MongoServer server = new MongoServer(backend);
    try {
      server.bind(host, port);
    } catch (RuntimeException e) {
      server.shutdownNow();
      throw e;
    }
    return new EmbeddedMongo(server, "mongodb://" + host + ":" + server.getLocalAddress().getPort());
  }

  /** @return {@code mongodb://host:port} (append {@code /database}) */
  public String connectionString() {
    return connectionString;
  }

  /** Closes client connections and the backend (flushing the H2 file); a second call does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.shutdown();
    }
  }
}
