package chat.rocket.livechat.gateway.validation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Meteor's {@code check(value, pattern)} for the patterns the Livechat endpoints use, with Meteor's exact error texts
 * (packages/check/match.js): {@code Match error: Expected string, got number in field visitor.name},
 * {@code Match error: Unknown key in field foo}, {@code Match error: Missing key 'token'},
 * {@code Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation in field rid}. Keys of an object
 * are checked in the order the value lists them; missing required keys are reported after that.
 *
 * <p>Values are Vert.x JSON values: String, Number, Boolean, {@link JsonObject}, {@link JsonArray}, null;
 * {@link #UNDEFINED} stands for an absent key.
 */
public abstract sealed class Match permits Match.Type, Match.Optional, Match.ArrayOf, Match.ObjectPattern {

  /** Marker for a key that is not present (JavaScript's {@code undefined}). */
  public static final Object UNDEFINED = new Object();
  private static final Pattern IDENTIFIER = Pattern.compile("^[a-z_$][0-9a-z_$]*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern DIGITS = Pattern.compile("^[0-9]+$");

  /** @return {@code String}: a JSON string */
  public static Match string() {
    return new Type("string");
  }

  /** @return {@code Boolean}: a JSON boolean */
  public static Match bool() {
    return new Type("boolean");
  }

  /** @return {@code Match.Optional(pattern)}: absent, or matching */
  public static Match optional(Match pattern) {
    return new Optional(pattern, false);
  }

  /** @return {@code Match.Maybe(pattern)}: absent, null, or matching */
  public static Match maybe(Match pattern) {
    return new Optional(pattern, true);
  }

  /** @return {@code [pattern]}: an array whose items all match */
  public static Match arrayOf(Match pattern) {
    return new ArrayOf(pattern);
  }

  /** @return an object pattern with exactly the given keys ({@code {key: pattern}}) */
  public static ObjectPattern object() {
    return new ObjectPattern(false);
  }

  /** @return {@code Match.ObjectIncluding({...})}: other keys are allowed */
  public static ObjectPattern objectIncluding() {
    return new ObjectPattern(true);
  }

  /**
   * @param value the value to check
   * @return empty when it matches, else the full Meteor message ({@code Match error: ... [in field path]})
   */
  public final java.util.Optional<String> check(Object value) {
    Failure failure = test(value);
    if (failure == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of("Match error: " + failure.message
        + (failure.path.isEmpty() ? "" : " in field " + failure.path));
  }

  abstract Failure test(Object value);

  /** A failed match: Meteor's message and path. */
  record Failure(String message, String path) {
    Failure under(String key) {
      return new Failure(message, prependPath(key, path));
    }
  }

  static String typeOf(Object value) {
    if (value == UNDEFINED) {
      return "undefined";
    }
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    return "object";
  }

  /** Meteor's {@code _prependPath}: array indexes and non-identifier keys are bracketed. */
  static String prependPath(String key, String base) {
    String part;
    if (DIGITS.matcher(key).matches()) {
      part = "[" + key + "]";
    } else if (!IDENTIFIER.matcher(key).matches()) {
      part = new JsonArray().add(key).encode();
    } else {
      part = key;
    }
    if (!base.isEmpty() && base.charAt(0) != '[') {
      return part + "." + base;
    }
    return part + base;
  }

  /** {@code String}, {@code Boolean}: a JavaScript {@code typeof} check. */
  static final class Type extends Match {
    private final String type;

    Type(String type) {
      this.type = type;
    }

    @Override
    Failure test(Object value) {
      String actual = typeOf(value);
      return actual.equals(type) ? null : new Failure("Expected " + type + ", got " + actual, "");
    }
  }

  /** {@code Match.Optional} / {@code Match.Maybe}. */
  static final class Optional extends Match {
    private final Match pattern;
    private final boolean allowsNull;

    Optional(Match pattern, boolean allowsNull) {
      this.pattern = pattern;
      this.allowsNull = allowsNull;
    }

    @Override
    Failure test(Object value) {
      if (value == UNDEFINED || (allowsNull && value == null) || pattern.test(value) == null) {
        return null;
      }
      return new Failure("Failed Match.OneOf, Match.Maybe or Match.Optional validation", "");
    }
  }

  /** {@code [pattern]}. */
  static final class ArrayOf extends Match {
    private final Match item;

    ArrayOf(Match item) {
      this.item = item;
    }

    @Override
    Failure test(Object value) {
      if (!(value instanceof JsonArray array)) {
        return new Failure("Expected array, got " + (value == UNDEFINED ? "undefined" : String.valueOf(
            value instanceof JsonObject o ? o.encode() : value instanceof String s ? "\"" + s + "\"" : value)), "");
      }
      for (int i = 0; i < array.size(); i++) {
        Failure failure = item.test(array.getValue(i));
        if (failure != null) {
          return failure.under(Integer.toString(i));
        }
      }
      return null;
    }
  }

  /** {@code {key: pattern}} or {@code Match.ObjectIncluding({key: pattern})}. */
  public static final class ObjectPattern extends Match {
    private final boolean unknownKeysAllowed;
    private final Map<String, Match> keys = new LinkedHashMap<>();

    ObjectPattern(boolean unknownKeysAllowed) {
      this.unknownKeysAllowed = unknownKeysAllowed;
    }

    /** @return this pattern with {@code key} matched by {@code pattern} (required unless optional/maybe) */
    public ObjectPattern key(String key, Match pattern) {
      keys.put(key, pattern);
      return this;
    }

    @Override
    Failure test(Object value) {
      if (!(value instanceof JsonObject object)) {
        return new Failure(value instanceof JsonArray ? "Expected plain object" : "Expected object, got "
            + typeOf(value), "");
      }
      Map<String, Match> required = new LinkedHashMap<>();
      keys.forEach((key, pattern) -> {
        if (!(pattern instanceof Optional)) {
          required.put(key, pattern);
        }
      });
      for (String key : object.fieldNames()) {
        Match pattern = keys.get(key);
        if (pattern == null) {
          if (!unknownKeysAllowed) {
            return new Failure("Unknown key", prependPath(key, ""));
          }
          continue;
        }
        Failure failure = pattern.test(object.getValue(key));
        if (failure != null) {
          return failure.under(key);
        }
        required.remove(key);
      }
      return required.isEmpty() ? null : new Failure("Missing key '" + required.keySet().iterator().next() + "'", "");
    }
  }
}
