package chat.rocket.livechat.room;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.embedded.EmbeddedMongo;
import io.vertx.core.Vertx;
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
import org.slf4j.LoggerFactory;

/**
 * The indexes of {@code rocketchat_message} on the embedded store as the product opens it (an H2 file with its
 * indexes, {@link EmbeddedMongo#startFile}): only the index its queries use, so that a message maintains one index.
 */
class MessageIndexesTest {

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
        new JsonObject().put("connection_string", store.connectionString() + "/test"), "indexes");
  }

  @AfterEach
  void stop() {
    mongo.close().await();
    store.close();
    vertx.close().await();
  }

  @Test
  @DisplayName("on the embedded store the messages are indexed by rid alone, and the rid-and-ts index an earlier "
      + "version created is dropped")
  void embeddedStoreKeepsTheRidIndexOnly() throws Exception {
    mongo.createIndex(Collections.MESSAGES, new JsonObject().put("rid", 1).put("ts", -1)).await(20, TimeUnit.SECONDS);

    new MessageRepository(mongo).ensureIndexes(false).await(20, TimeUnit.SECONDS);

    assertThat(indexNames()).contains("rid_1").doesNotContain("rid_1_ts_-1");
  }

  @Test
  @DisplayName("on a fresh store the rid index is created without the store logging an error, and again on restart")
  void freshStoreGetsTheRidIndexWithoutAnError() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    root.addAppender(logged);
    try {
      MessageRepository messages = new MessageRepository(mongo);
      messages.ensureIndexes(false).await(20, TimeUnit.SECONDS);
      messages.ensureIndexes(false).await(20, TimeUnit.SECONDS);
    } finally {
      root.detachAppender(logged);
    }

    assertThat(indexNames()).containsExactlyInAnyOrder("_id_", "rid_1");
    assertThat(logged.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.ERROR)).isEmpty();
  }

  @Test
  @DisplayName("the room's messages are still found by rid, newest first, through the remaining index")
  void roomMessagesFoundByRid() throws Exception {
    MessageRepository messages = new MessageRepository(mongo);
    messages.ensureIndexes(false).await(20, TimeUnit.SECONDS);
    messages.insert(message("m1", "r1", "2026-11-29T10:00:00Z")).await(20, TimeUnit.SECONDS);
    messages.insert(message("m2", "r1", "2026-11-29T10:00:01Z")).await(20, TimeUnit.SECONDS);
    messages.insert(message("m3", "r2", "2026-11-29T10:00:02Z")).await(20, TimeUnit.SECONDS);

    List<JsonObject> found = messages.findByRoomNewestFirst("r1").await(20, TimeUnit.SECONDS);

    assertThat(found).extracting(message -> message.getString("_id")).containsExactly("m2", "m1");
  }

  private List<String> indexNames() throws Exception {
    return mongo.listIndexes(Collections.MESSAGES).await(20, TimeUnit.SECONDS).stream()
        .map(index -> ((JsonObject) index).getString("name")).toList();
  }

  private static JsonObject message(String id, String rid, String ts) {
    return new JsonObject().put("_id", id).put("rid", rid).put("msg", id)
        .put("ts", new JsonObject().put("$date", ts));
  }
}
