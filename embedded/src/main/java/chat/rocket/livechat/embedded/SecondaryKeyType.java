package chat.rocket.livechat.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;

/**
 * The key type of a {@link SecondaryIndex}'s map: a {@link KeyValue} of the indexed values followed by the document's
 * position, stored as {@link BsonDataType} stores it, ordered value by value as MongoDB orders values
 * (mongo-java-server's {@link ValueComparator}), a key before every longer key it is a prefix of. So all entries of one
 * indexed value sit together, right after the key of that value alone, where a cursor starts.
 */
final class SecondaryKeyType extends BsonDataType {

  private static final ValueComparator VALUES = ValueComparator.asc();

  /** Compares two keys value by value, then by length (a prefix first); anything else as H2 does. */
  @Override
  public int compare(Object a, Object b) {
    if (a instanceof KeyValue first && b instanceof KeyValue second) {
      int common = Math.min(first.size(), second.size());
      for (int i = 0; i < common; i++) {
        int order = compareValues(first.get(i), second.get(i));
        if (order != 0) {
          return order;
        }
      }
      return Integer.compare(first.size(), second.size());
    }
    return super.compare(a, b);
  }

  /** @return the order of two indexed values in MongoDB's order of values (numbers by value, then strings, ...) */
  static int compareValues(Object a, Object b) {
    return VALUES.compare(a, b);
  }
}
