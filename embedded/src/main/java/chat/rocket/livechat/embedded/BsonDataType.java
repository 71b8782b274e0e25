package chat.rocket.livechat.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The H2 data type of the embedded store's collections and indexes (issue 12): a document, or an index key whose values
 * BSON gives back exactly, is stored as one tag byte and its BSON, the encoding MongoDB itself stores and the wire
 * already carries, encoded and decoded by mongo-java-server's own {@link BsonEncoder} and {@link BsonDecoder}.
 *
 * <p>mongo-java-server's H2 backend stores both with H2's {@link ObjectDataType}, i.e. Java serialization of each
 * {@link Document} and {@link KeyValue} with its class descriptors. In the room-creation profile, writing pages (H2's
 * background {@code H2-serialization} thread, 15 % of the process, half of it keys) and reading them back after a
 * cache miss ({@code ObjectInputStream}, a fifth of the store's worker threads) were that serialization. Measured on a
 * Livechat room document: 383 bytes of BSON against 920 serialized, decoded in about 1 µs against 25 µs; a key of a
 * token and a position: 44 bytes against 240.
 *
 * <p>Anything else, and values stored by the plain type (files written before this type), are written and read as
 * {@link ObjectDataType} does: its tags never take the values {@link #BSON_DOCUMENT} and {@link #BSON_KEY}. A file
 * written with this type is not readable by mongo-java-server's plain H2 backend (nor, as {@link SecondaryIndex} says,
 * to be written by it).
 */
class BsonDataType extends ObjectDataType {

  /** The tag byte before a document's BSON; H2's {@link ObjectDataType} uses 0-19, 32-49 and 64-119. */
  static final byte BSON_DOCUMENT = 28;
  /** The tag byte before an index key's values as one BSON array. */
  static final byte BSON_KEY = 29;

  /**
   * The heap a decoded document takes per byte of its BSON, for H2's cache accounting (bytes per byte): the room
   * document above takes 3,184 bytes of heap ({@code LinkedHashMap} entries, key {@code String}s, boxed values). H2's
   * own estimate, twice the Java-serialized length, undercounted it.
   */
  static final int DOCUMENT_HEAP_PER_BSON_BYTE = 8;
  /** The same for an index key: the key above takes 153 bytes of heap. */
  static final int KEY_HEAP_PER_BSON_BYTE = 4;

  /** H2's own estimate of a serialized object until one was written or read: its {@code SerializedObjectType}'s. */
  private static final int FIRST_ESTIMATE = 10_000;

  /** Exponential moving averages of the heap estimates, as H2 keeps one of Java-serialized objects (bytes). */
  private volatile int documentMemory = FIRST_ESTIMATE;
  private volatile int keyMemory = FIRST_ESTIMATE;

  /** @return the estimated heap of a document or key (bytes), else H2's estimate for the object */
  @Override
  public int getMemory(Object obj) {
    if (obj instanceof Document) {
      return documentMemory;
    }
    return isExactInBson(obj) ? keyMemory : super.getMemory(obj);
  }

  /** Writes a document or an exact key as its tag and BSON; anything else as H2 does. */
  @Override
  public void write(WriteBuffer buff, Object obj) {
    if (obj instanceof Document document) {
      writeBson(buff, BSON_DOCUMENT, bson -> BsonEncoder.encodeDocument(document, bson));
    } else if (isExactInBson(obj)) {
      List<Object> values = ((KeyValue) obj).stream().toList();
      writeBson(buff, BSON_KEY, bson -> BsonEncoder.encodeValue(BsonConstants.TYPE_ARRAY, values, bson));
    } else {
      super.write(buff, obj);
    }
  }

  /** Reads a document or key written by {@link #write}, or any value H2's {@link ObjectDataType} wrote. */
  @Override
  public Object read(ByteBuffer buff) {
    byte tag = buff.get(buff.position());
    if (tag != BSON_DOCUMENT && tag != BSON_KEY) {
      return super.read(buff);
    }
    buff.get();
    ByteBuf bson = Unpooled.wrappedBuffer(buff.slice());
    Object value = tag == BSON_DOCUMENT ? BsonDecoder.decodeBson(bson)
        : new KeyValue((List<?>) BsonDecoder.decodeValue(BsonConstants.TYPE_ARRAY, bson));
    buff.position(buff.position() + bson.readerIndex());
    learnSize(tag, bson.readerIndex());
    return value;
  }

  private void writeBson(WriteBuffer buff, byte tag, Consumer<ByteBuf> encoder) {
    ByteBuf bson = Unpooled.buffer(128);
    try {
      encoder.accept(bson);
      learnSize(tag, bson.readableBytes());
      buff.put(tag).put(bson.nioBuffer());
    } finally {
      bson.release();
    }
  }

  /** Moves the heap estimate of documents or keys towards this one's, as H2 does for serialized objects. */
  private void learnSize(byte tag, int bsonBytes) {
    if (tag == BSON_DOCUMENT) {
      documentMemory = movingAverage(documentMemory, bsonBytes * DOCUMENT_HEAP_PER_BSON_BYTE);
    } else {
      keyMemory = movingAverage(keyMemory, bsonBytes * KEY_HEAP_PER_BSON_BYTE);
    }
  }

  private static int movingAverage(int average, int sample) {
    return (int) ((sample + 15L * average) / 16);
  }

  /**
   * A key is written as BSON only when every value comes back as the same object (BSON keeps dates to the ms, and has
   * no value for a missing field), so that its Java-serialized bytes, the order of {@link IndexKeyType}, are unchanged.
   */
  private static boolean isExactInBson(Object obj) {
    if (!(obj instanceof KeyValue key)) {
      return false;
    }
    for (Object value : key) {
      if (!(value == null || value instanceof String || value instanceof Integer || value instanceof Long
          || value instanceof Double || value instanceof Boolean || value instanceof ObjectId)) {
        return false;
      }
    }
    return true;
  }
}
