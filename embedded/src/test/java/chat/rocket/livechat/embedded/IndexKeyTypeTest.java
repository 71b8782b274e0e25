package chat.rocket.livechat.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The unique indexes' key type keeps H2's order, so files stay readable by either type. */
class IndexKeyTypeTest {

  private final Random random = new Random(12);

  private KeyValue randomKey() {
    int kind = random.nextInt(3);
    Object value = kind == 0 ? "k" + Long.toString(random.nextLong(), 36)
        : kind == 1 ? (Object) random.nextInt(1000) : (Object) ("tok-" + random.nextInt(50));
    return random.nextBoolean() ? new KeyValue(value) : new KeyValue(value, "x" + random.nextInt(5));
  }

  @Test
  @DisplayName("two keys compare with the sign H2's ObjectDataType gives them")
  void sameOrder() {
    ObjectDataType plain = new ObjectDataType();
    IndexKeyType indexed = new IndexKeyType();
    for (int i = 0; i < 2000; i++) {
      KeyValue a = randomKey();
      KeyValue b = random.nextInt(10) == 0 ? new KeyValue(a.stream().toList()) : randomKey();
      assertThat(Integer.signum(indexed.compare(a, b))).as("%s vs %s", a, b)
          .isEqualTo(Integer.signum(plain.compare(a, b)));
    }
  }

  @Test
  @DisplayName("a binary search over a page of sorted keys finds what H2's search finds, present or absent")
  void sameSearch() {
    ObjectDataType plain = new ObjectDataType();
    IndexKeyType indexed = new IndexKeyType();
    List<KeyValue> sorted = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      sorted.add(randomKey());
    }
    sorted.sort(plain::compare);
    Object[] page = sorted.stream().distinct().toArray();
    for (int i = 0; i < 1000; i++) {
      KeyValue key = i % 2 == 0 ? (KeyValue) page[random.nextInt(page.length)] : randomKey();
      int guess = random.nextInt(page.length + 2);
      assertThat(indexed.binarySearch(key, page, page.length, guess)).as("%s", key)
          .isEqualTo(plain.binarySearch(key, page, page.length, guess));
    }
  }
}
