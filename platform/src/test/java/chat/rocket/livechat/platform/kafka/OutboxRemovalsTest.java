package chat.rocket.livechat.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.embedded.EmbeddedMongo;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OutboxRemovals} on the embedded store as the product opens it (an H2 file with its indexes): removals asked
 * for together, one written while the others queue and then go as one update of several documents, remove exactly the
 * entries each caller published, from its own document only.
 */
class OutboxRemovalsTest {

  private static final String COLLECTION = "rocketchat_room";
  private static final String FIELD = MongoDocs.OUTBOX_FIELD;

  @TempDir
  Path dir;
  private Vertx vertx;
  private EmbeddedMongo store;
  private MongoClient mongo;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    store = EmbeddedMongo.startFile(dir.resolve("store.mv"), "127.0.0.1", 0, 16);
    mongo = MongoClient.createShared(vertx,
        new JsonObject().put("connection_string", store.connectionString() + "/test"), "removals");
  }

  @AfterEach
  void stop() {
    mongo.close().await();
    store.close();
    vertx.close().await();
  }

  @Test
  @DisplayName("removals asked for at once, of several documents, leave each document exactly its unpublished "
      + "entries and touch no other document")
  void removalsTogetherRemoveExactlyWhatEachPublished() throws Exception {
    insert("a", "a1", "a2");
    insert("b", "b1");
    insert("c", "c1", "c2");
    insert("d", "d1");
    OutboxRemovals removals = new OutboxRemovals(mongo, COLLECTION);

    Future.all(removals.remove("a", List.of("a1")), removals.remove("b", List.of("b1")),
        removals.remove("c", List.of("c1", "c2"))).await(20, TimeUnit.SECONDS);

    assertThat(pending("a")).containsExactly("a2");
    assertThat(pending("b")).isEmpty();
    assertThat(pending("c")).isEmpty();
    assertThat(pending("d")).containsExactly("d1");
  }

  @Test
  @DisplayName("a lone removal takes only the named entries of its document")
  void loneRemoval() throws Exception {
    insert("a", "a1", "a2");

    new OutboxRemovals(mongo, COLLECTION).remove("a", List.of("a2")).await(20, TimeUnit.SECONDS);

    assertThat(pending("a")).containsExactly("a1");
  }

  private void insert(String id, String... entries) throws Exception {
    JsonArray outbox = new JsonArray();
    for (String entry : entries) {
      outbox.add(new JsonObject().put("id", entry).put("type", "room.updated"));
    }
    mongo.insert(COLLECTION, new JsonObject().put("_id", id).put(FIELD, outbox)).await(20, TimeUnit.SECONDS);
  }

  private List<Object> pending(String id) throws Exception {
    JsonObject document = mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null)
        .await(20, TimeUnit.SECONDS);
    return document.getJsonArray(FIELD).stream().map(entry -> ((JsonObject) entry).getValue("id")).toList();
  }
}
