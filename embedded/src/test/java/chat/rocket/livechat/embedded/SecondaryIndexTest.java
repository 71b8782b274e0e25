package chat.rocket.livechat.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's non-unique indexes ({@link SecondaryIndex}) through a real MongoDB client on an H2 file: a
 * query answered from an index finds exactly the documents that hold the value, whatever was inserted, changed or
 * deleted before, across restarts, and on files where the index was declared while the store ignored it.
 */
class SecondaryIndexTest {

  private static final int DOCUMENTS = 400;
  private static final int ROOMS = 23;

  @TempDir
  Path dir;

  private final Vertx vertx = Vertx.vertx();
  private final Random random = new Random(7);
  /** What each document holds now, by {@code _id}: the test's own record of the collection. */
  private final Map<String, JsonObject> expected = new HashMap<>();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private final StoreSessions sessions = new StoreSessions(vertx);

  private void withIndexedStore(Path file, Consumer<MongoClient> work) throws Exception {
    sessions.withIndexedStore(file, work);
  }

  /** Takes a document's entries out of an index's map, behind mongo-java-server's back. */
  private static void takeOut(MVMap<KeyValue, Object> entries, String id) {
    entries.keyList().stream().filter(key -> id.equals(key.get(key.size() - 1))).toList().forEach(entries::remove);
  }

  private static void createIndexes(MongoClient client) {
    client.createIndex("messages", new JsonObject().put("rid", 1)).await();
    client.createIndex("messages", new JsonObject().put("u._id", 1).put("t", 1)).await();
    client.createIndex("messages", new JsonObject().put("tags", 1)).await();
  }

  private JsonObject randomMessage(String id) {
    return new JsonObject().put("_id", id).put("rid", "room-" + random.nextInt(ROOMS))
        .put("u", new JsonObject().put("_id", "user-" + random.nextInt(5))).put("t", random.nextBoolean() ? "l" : "d")
        .put("open", random.nextBoolean())
        .put("tags", new JsonArray().add("tag-" + random.nextInt(4)).add("tag-" + random.nextInt(4)));
  }

  private void insert(MongoClient client, int from, int to) {
    for (int i = from; i < to; i++) {
      JsonObject message = randomMessage("m-" + i);
      client.insert("messages", message).await();
      expected.put(message.getString("_id"), message);
    }
  }

  /** Moves documents between rooms and users, changes their tags, and deletes some, through Mongo updates. */
  private void churn(MongoClient client) {
    List<String> ids = expected.keySet().stream().sorted().toList();
    for (int i = 0; i < ids.size(); i += 3) {
      String id = ids.get(i);
      JsonObject changed = randomMessage(id);
      JsonObject set = changed.copy();
      set.remove("_id");
      client.updateCollection("messages", new JsonObject().put("_id", id), new JsonObject().put("$set", set)).await();
      expected.put(id, changed);
    }
    for (int i = 1; i < ids.size(); i += 10) {
      client.removeDocument("messages", new JsonObject().put("_id", ids.get(i))).await();
      expected.remove(ids.get(i));
    }
  }

  private Set<String> expectedIds(Predicate<JsonObject> matches) {
    return expected.values().stream().filter(matches).map(m -> m.getString("_id"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> foundIds(MongoClient client, JsonObject query) {
    return client.find("messages", query).await().stream().map(m -> m.getString("_id"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private void assertQueriesMatch(MongoClient client) {
    for (int room = 0; room < ROOMS; room++) {
      String rid = "room-" + room;
      assertThat(foundIds(client, new JsonObject().put("rid", rid))).as(rid)
          .isEqualTo(expectedIds(m -> rid.equals(m.getString("rid"))));
      assertThat(foundIds(client, new JsonObject().put("rid", rid).put("open", true))).as(rid + ", open")
          .isEqualTo(expectedIds(m -> rid.equals(m.getString("rid")) && m.getBoolean("open")));
      assertThat(client.count("messages", new JsonObject().put("rid", rid)).await()).as("count " + rid)
          .isEqualTo(expectedIds(m -> rid.equals(m.getString("rid"))).size());
    }
    for (int user = 0; user < 5; user++) {
      String userId = "user-" + user;
      assertThat(foundIds(client, new JsonObject().put("u._id", userId).put("t", "l"))).as(userId)
          .isEqualTo(expectedIds(m -> userId.equals(m.getJsonObject("u").getString("_id"))
              && "l".equals(m.getString("t"))));
    }
    for (int tag = 0; tag < 4; tag++) {
      String name = "tag-" + tag;
      assertThat(foundIds(client, new JsonObject().put("tags", name))).as(name)
          .isEqualTo(expectedIds(m -> m.getJsonArray("tags").contains(name)));
    }
  }

  @Test
  @DisplayName("queries on indexed fields find exactly the matching documents after inserts, updates and deletes")
  void answersLikeAScan() throws Exception {
    withIndexedStore(dir.resolve("churn.mv"), client -> {
      createIndexes(client);
      insert(client, 0, DOCUMENTS);
      assertQueriesMatch(client);
      churn(client);
      assertQueriesMatch(client);
    });
  }

  @Test
  @DisplayName("an index is kept in the file: after a restart it answers as before and follows new writes")
  void survivesRestarts() throws Exception {
    Path file = dir.resolve("restart.mv");
    withIndexedStore(file, client -> {
      createIndexes(client);
      insert(client, 0, DOCUMENTS);
    });
    withIndexedStore(file, client -> {
      assertQueriesMatch(client);
      churn(client);
      insert(client, DOCUMENTS, DOCUMENTS + 50);
      assertQueriesMatch(client);
    });
    MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
    try {
      assertThat(store.openMap("test.messages._secondary_rid_1",
          new MVMap.Builder<KeyValue, Boolean>().keyType(new SecondaryKeyType())).size()).as("one entry per document")
          .isEqualTo(expected.size());
    } finally {
      store.close();
    }
  }

  @Test
  @DisplayName("an index declared on a file while the store ignored it is built from its documents at the next start")
  void buildsIndexesOfOlderFiles() throws Exception {
    Path file = dir.resolve("older.mv");
    sessions.withPlainStore(file, client -> {
      createIndexes(client);
      insert(client, 0, DOCUMENTS);
    });
    withIndexedStore(file, client -> {
      assertQueriesMatch(client);
      churn(client);
      assertQueriesMatch(client);
    });
  }

  @Test
  @DisplayName("a query on an indexed field reads the documents the index names, not the whole collection")
  void queriesReadTheIndex() {
    sessions.withOpenStore(dir.resolve("used.mv"), (store, client) -> {
      createIndexes(client);
      insert(client, 0, DOCUMENTS);
      String rid = expected.get("m-0").getString("rid");
      Set<String> inRoom = expectedIds(m -> rid.equals(m.getString("rid")));
      MVMap<KeyValue, Object> entries = store.openMap("test.messages._secondary_rid_1");
      takeOut(entries, "m-0");
      inRoom.remove("m-0");
      assertThat(foundIds(client, new JsonObject().put("rid", rid))).as("the entry taken out of the index")
          .isEqualTo(inRoom);
      assertThat(foundIds(client, new JsonObject().put("_id", "m-0"))).as("the document itself").hasSize(1);
    });
  }

  @Test
  @DisplayName("a sparse index answers $exists: true with the documents holding the field as events come and go")
  void sparseIndexAnswersExists() throws Exception {
    withIndexedStore(dir.resolve("sparse.mv"), client -> {
      client.createIndexWithOptions("rooms", new JsonObject().put("pending.id", 1),
          new IndexOptions().name("pending_id_sparse").sparse(true)).await();
      for (int i = 0; i < 60; i++) {
        JsonObject room = new JsonObject().put("_id", "r-" + i);
        if (i % 3 == 0) {
          room.put("pending", new JsonArray().add(new JsonObject().put("id", "e-" + i)));
        } else if (i % 3 == 1) {
          room.put("pending", new JsonArray());
        }
        client.insert("rooms", room).await();
      }
      JsonObject pending = new JsonObject().put("pending.id", new JsonObject().put("$exists", true));
      Set<String> expectedPending = new TreeSet<>();
      for (int i = 0; i < 60; i += 3) {
        expectedPending.add("r-" + i);
      }
      assertThat(ids(client.find("rooms", pending).await())).isEqualTo(expectedPending);
      client.updateCollection("rooms", new JsonObject().put("_id", "r-0"),
          new JsonObject().put("$pull", new JsonObject().put("pending", new JsonObject().put("id", "e-0")))).await();
      client.updateCollection("rooms", new JsonObject().put("_id", "r-1"),
          new JsonObject().put("$push", new JsonObject().put("pending", new JsonObject().put("id", "e-1")))).await();
      expectedPending.remove("r-0");
      expectedPending.add("r-1");
      assertThat(ids(client.find("rooms", pending).await())).isEqualTo(expectedPending);
    });
  }

  private static Set<String> ids(List<JsonObject> documents) {
    return documents.stream().map(d -> d.getString("_id")).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  @DisplayName("the count command counts a query its index covers from the index alone, and others from documents")
  void countsFromTheIndex() {
    sessions.withOpenStore(dir.resolve("count.mv"), (store, client) -> {
      createIndexes(client);
      insert(client, 0, DOCUMENTS);
      JsonObject first = expected.get("m-0");
      String userId = first.getJsonObject("u").getString("_id");
      JsonObject covered = new JsonObject().put("u._id", userId).put("t", first.getString("t"));
      JsonObject uncovered = covered.copy().put("open", first.getBoolean("open"));
      long matching = expectedIds(m -> userId.equals(m.getJsonObject("u").getString("_id"))
          && first.getString("t").equals(m.getString("t"))).size();
      assertThat(count(client, covered)).isEqualTo(matching);
      assertThat(count(client, new JsonObject().put("u._id", userId))).as("the index's first field alone")
          .isEqualTo(expectedIds(m -> userId.equals(m.getJsonObject("u").getString("_id"))).size());
      assertThat(count(client, new JsonObject().put("tags", "tag-1"))).as("an array field")
          .isEqualTo(expectedIds(m -> m.getJsonArray("tags").contains("tag-1")).size());
      MVMap<KeyValue, Object> compound = store.openMap("test.messages._secondary_u._id_1_t_1");
      takeOut(compound, "m-0");
      assertThat(count(client, covered)).as("counted from the index").isEqualTo(matching - 1);
      assertThat(count(client, new JsonObject().put("_id", "m-0"))).as("by _id: from the document").isEqualTo(1);
      assertThat(count(client, uncovered)).as("an extra field: documents the index names, matched")
          .isEqualTo(expectedIds(m -> userId.equals(m.getJsonObject("u").getString("_id"))
              && first.getString("t").equals(m.getString("t")) && first.getBoolean("open") == m.getBoolean("open")
              && !"m-0".equals(m.getString("_id"))).size());
    });
  }

  private static long count(MongoClient client, JsonObject query) {
    return client.runCommand("count", new JsonObject().put("count", "messages").put("query", query)).await()
        .getNumber("n").longValue();
  }

  @Test
  @DisplayName("of two indexes that can answer a query, the one on more of its fields does")
  void prefersTheNarrowerIndex() {
    sessions.withOpenStore(dir.resolve("narrow.mv"), (store, client) -> {
      client.createIndex("messages", new JsonObject().put("u._id", 1)).await();
      createIndexes(client);
      insert(client, 0, DOCUMENTS);
      JsonObject first = expected.get("m-0");
      JsonObject byUser = new JsonObject().put("u._id", first.getJsonObject("u").getString("_id"));
      JsonObject byUserAndType = byUser.copy().put("t", first.getString("t"));
      MVMap<KeyValue, Object> compound = store.openMap("test.messages._secondary_u._id_1_t_1");
      takeOut(compound, "m-0");
      assertThat(foundIds(client, byUserAndType)).as("answered by the compound index").doesNotContain("m-0");
      assertThat(foundIds(client, byUser)).as("answered by the index on u._id").contains("m-0");
    });
  }

  @Test
  @DisplayName("an index answers only queries that give each of its fields a plain value; other fields may be added")
  void handlesEqualityOnItsFields() {
    MVStore store = new MVStore.Builder().open();
    SecondaryIndex index = new SecondaryIndex("u_t", List.of(new IndexKey("u._id", true), new IndexKey("t", true)),
        false, store, "test.c._secondary_u_t", new ArrayList<>());
    assertThat(index.canHandle(new Document("u._id", "a").append("t", "l"))).isTrue();
    assertThat(index.canHandle(new Document("u._id", "a").append("t", "l").append("open", true))).isTrue();
    assertThat(index.canHandle(new Document("u._id", "a"))).as("a field missing").isFalse();
    assertThat(index.canHandle(new Document("u._id", new Document("$ne", "a")).append("t", "l"))).isFalse();
    assertThat(index.canHandle(new Document("u._id", null).append("t", "l"))).as("null matches missing").isFalse();
    assertThat(index.canHandle(new Document("u._id", List.of("a")).append("t", "l"))).isFalse();
    store.close();
  }
}
