package chat.rocket.livechat.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store on an H2 file through a real MongoDB client: unique indexes with {@link IndexKeyType} read and
 * extend files written by mongo-java-server's plain H2 backend (which cannot read back the store's files: their
 * documents are BSON, {@link BsonDataType}).
 */
class EmbeddedMongoFileTest {

  private static final int DOCUMENTS = 500;

  @TempDir
  Path dir;

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private final StoreSessions sessions = new StoreSessions(vertx);

  private void withPlainStore(Path file, Consumer<MongoClient> work) {
    sessions.withPlainStore(file, work);
  }

  private void withIndexedStore(Path file, Consumer<MongoClient> work) throws Exception {
    sessions.withIndexedStore(file, work);
  }

  private static JsonObject doc(int i) {
    return new JsonObject().put("_id", "id-" + i).put("token", "token-" + i).put("n", i);
  }

  private static void insertRange(MongoClient client, int from, int to) {
    for (int i = from; i < to; i++) {
      client.insert("things", doc(i)).await();
    }
  }

  private static void assertAllFound(MongoClient client, int count) {
    for (int i = 0; i < count; i += 7) {
      assertThat(client.findOne("things", new JsonObject().put("_id", "id-" + i), null).await())
          .as("by _id").isEqualTo(doc(i));
      assertThat(client.findOne("things", new JsonObject().put("token", "token-" + i), null).await())
          .as("by unique token").isEqualTo(doc(i));
    }
    assertThat(client.count("things", new JsonObject()).await()).isEqualTo(count);
  }

  @Test
  @DisplayName("a file written by the plain H2 backend is found by _id and unique key, and refuses duplicates")
  void readsPlainFiles() throws Exception {
    Path file = dir.resolve("store.mv");
    withPlainStore(file, client -> {
      client.createIndexWithOptions("things", new JsonObject().put("token", 1), new IndexOptions().unique(true))
          .await();
      insertRange(client, 0, DOCUMENTS);
    });
    withIndexedStore(file, client -> {
      assertAllFound(client, DOCUMENTS);
      assertThatThrownBy(() -> client.insert("things", doc(3).put("_id", "other")).await())
          .hasMessageContaining("E11000");
      assertThatThrownBy(() -> client.insert("things", doc(4)).await()).hasMessageContaining("E11000");
      insertRange(client, DOCUMENTS, 2 * DOCUMENTS);
      assertAllFound(client, 2 * DOCUMENTS);
    });
    withIndexedStore(file, client -> assertAllFound(client, 2 * DOCUMENTS));
  }

  @Test
  @DisplayName("an index created on a new file finds every document and refuses a duplicate key after a restart")
  void newFiles() throws Exception {
    Path file = dir.resolve("new.mv");
    withIndexedStore(file, client -> {
      client.createIndexWithOptions("things", new JsonObject().put("token", 1), new IndexOptions().unique(true))
          .await();
      insertRange(client, 0, DOCUMENTS);
      assertAllFound(client, DOCUMENTS);
    });
    withIndexedStore(file, client -> {
      assertAllFound(client, DOCUMENTS);
      assertThatThrownBy(() -> client.insert("things", doc(9).put("_id", "again")).await())
          .hasMessageContaining("E11000");
    });
  }

  @Test
  @DisplayName("every unique index map, of the file and created since, compares keys with IndexKeyType")
  void indexMapsUseTheKeyType() {
    Path file = dir.resolve("typed.mv");
    withPlainStore(file, client -> client.insert("old", doc(1)).await());
    sessions.withOpenStore(file, (store, client) -> {
      client.createIndexWithOptions("things", new JsonObject().put("token", 1), new IndexOptions().unique(true))
          .await();
      client.insert("things", doc(2)).await();
      assertThat(store.getMapNames().stream().filter(name -> name.contains("._index_")))
          .as("_id of old and things, token of things").hasSize(3)
          .allSatisfy(name -> assertThat(store.openMap(name).getKeyType()).isInstanceOf(IndexKeyType.class));
    });
  }
}
