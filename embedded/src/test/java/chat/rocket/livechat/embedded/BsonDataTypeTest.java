package chat.rocket.livechat.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BsonDataType}: documents and index keys stored as BSON come back field for field and type for type. */
class BsonDataTypeTest {

  @TempDir
  Path dir;

  private final Vertx vertx = Vertx.vertx();
  private final StoreSessions sessions = new StoreSessions(vertx);

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private static Document everyType() {
    return new Document("_id", new ObjectId())
        .append("s", "text é ✓")
        .append("i", 7)
        .append("l", 7L)
        .append("d", 7.5)
        .append("b", true)
        .append("none", null)
        .append("at", Instant.ofEpochMilli(1_764_400_000_123L))
        .append("dec", new Decimal128(new BigDecimal("12.345")))
        .append("bin", new BinData(new byte[] {1, 2, 3}))
        .append("list", List.of(1, "two", new Document("three", 3L)))
        .append("v", new Document("token", "abc").append("username", "guest-1"));
  }

  private static Object roundTrip(ObjectDataType writer, BsonDataType reader, Object value) {
    WriteBuffer buffer = new WriteBuffer();
    writer.write(buffer, value);
    writer.write(buffer, "next");
    ByteBuffer bytes = buffer.getBuffer().flip();
    Object read = reader.read(bytes);
    assertThat(reader.read(bytes)).as("the value after it, where the first one ended").isEqualTo("next");
    return read;
  }

  @Test
  @DisplayName("a document of every stored BSON type is read back equal, Integer and Long kept apart, and ends where it"
      + " was written")
  void roundTripsEveryType() {
    Document document = everyType();
    Object read = roundTrip(new BsonDataType(), new BsonDataType(), document);
    assertThat(read).isEqualTo(document);
    assertThat(((Document) read).get("i")).isInstanceOf(Integer.class);
    assertThat(((Document) read).get("l")).isInstanceOf(Long.class);
  }

  @Test
  @DisplayName("a document H2's own type wrote (Java serialization, older files) is still read")
  void readsJavaSerializedDocuments() {
    Document document = everyType();
    assertThat(roundTrip(new ObjectDataType(), new BsonDataType(), document)).isEqualTo(document);
  }

  @Test
  @DisplayName("a document is stored as BSON behind its tag, and H2's cache counts it by its BSON size")
  void storesBson() {
    BsonDataType type = new BsonDataType();
    WriteBuffer buffer = new WriteBuffer();
    type.write(buffer, new Document("a", "b"));
    ByteBuffer bytes = buffer.getBuffer().flip();
    assertThat(bytes.get(0)).isEqualTo(BsonDataType.BSON_DOCUMENT);
    int bsonLength = Integer.reverseBytes(bytes.getInt(1));
    assertThat(bytes.remaining()).isEqualTo(1 + bsonLength);
    assertThat(type.getMemory(new Document())).isLessThan(10_000);
  }

  @Test
  @DisplayName("an index key of strings, numbers, booleans, ids and null is stored as BSON and read back with the same"
      + " Java-serialized bytes, the order of the unique indexes")
  void roundTripsKeys() {
    KeyValue key = new KeyValue("token-1", 7, 7L, 7.5, true, null, new ObjectId(), 42L);
    WriteBuffer buffer = new WriteBuffer();
    new BsonDataType().write(buffer, key);
    assertThat(buffer.getBuffer().get(0)).isEqualTo(BsonDataType.BSON_KEY);
    Object read = roundTrip(new BsonDataType(), new BsonDataType(), key);
    assertThat(read).isEqualTo(key);
    assertThat(ObjectDataType.serialize(read)).isEqualTo(ObjectDataType.serialize(key));
  }

  @Test
  @DisplayName("an index key with a date is stored as H2 stores it, since BSON would cut its nanoseconds")
  void keepsOtherKeysAsJava() {
    KeyValue key = new KeyValue(Instant.ofEpochSecond(1, 123_456_789), 3L);
    WriteBuffer buffer = new WriteBuffer();
    new BsonDataType().write(buffer, key);
    assertThat(buffer.getBuffer().get(0)).isNotEqualTo(BsonDataType.BSON_KEY);
    assertThat(roundTrip(new BsonDataType(), new BsonDataType(), key)).isEqualTo(key);
  }

  @Test
  @DisplayName("documents written through a MongoDB client are found by value and by BSON type after a restart")
  void documentsSurviveARestart() throws Exception {
    Path file = dir.resolve("bson.mv");
    JsonObject visitor = new JsonObject().put("_id", "v1").put("token", "t1").put("visits", 3)
        .put("lastChat", new JsonObject().put("_id", "r1").put("ts", new JsonObject().put("$date",
            "2026-11-29T10:00:00.123Z")))
        .put("phone", new JsonArray().add(new JsonObject().put("phoneNumber", "+1 555")));
    sessions.withIndexedStore(file, client -> client.insert("visitors", visitor).await());
    sessions.withIndexedStore(file, client -> {
      assertThat(client.findOne("visitors", new JsonObject().put("token", "t1"), null).await())
          .isEqualTo(visitor);
      assertThat(client.count("visitors", new JsonObject().put("visits", new JsonObject().put("$type", "int")))
          .await()).isEqualTo(1);
      assertThat(client.count("visitors", new JsonObject().put("lastChat.ts", new JsonObject().put("$type", "date")))
          .await()).isEqualTo(1);
    });
  }
}
