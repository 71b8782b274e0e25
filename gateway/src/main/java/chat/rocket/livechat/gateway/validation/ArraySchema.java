package chat.rocket.livechat.gateway.validation;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code type: 'array', items}, optionally {@code uniqueItems}. */
final class ArraySchema extends Schema {
  private final Schema items;
  private final boolean unique;
  private final int minItems;

  ArraySchema(Schema items, boolean nullable) {
    this(items, nullable, false);
  }

  ArraySchema(Schema items, boolean nullable, boolean unique) {
    this(items, nullable, unique, 0);
  }

  ArraySchema(Schema items, boolean nullable, boolean unique, int minItems) {
    super(nullable);
    this.items = items;
    this.unique = unique;
    this.minItems = minItems;
  }

  @Override
  public Object validate(Object value) {
    if (value == null && nullable) {
      return null;
    }
    if (!(value instanceof JsonArray array)) {
      throw invalid("must be array");
    }
    if (array.size() < minItems) {
      throw invalid("must NOT have fewer than " + minItems + " items");
    }
    List<Object> coerced = new ArrayList<>(array.size());
    array.forEach(item -> coerced.add(items.validate(item)));
    if (unique) {
      requireUnique(coerced);
    }
    return new JsonArray(coerced);
  }

  /** ajv's {@code uniqueItems}: scans from the end, naming the first repeat it meets and its later twin. */
  private static void requireUnique(List<Object> coerced) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = coerced.size() - 1; i >= 0; i--) {
      String key = Json.encode(coerced.get(i));
      Integer later = seen.putIfAbsent(key, i);
      if (later != null) {
        throw invalid("must NOT have duplicate items (items ## " + later + " and " + i + " are identical)");
      }
    }
  }
}
