package chat.rocket.livechat.standalone;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of hostile JSON, as text so that it can be what no JSON library writes: MongoDB operator objects
 * where strings belong ({@code {"$ne":null}}, {@code {"$gt":""}}), strings with NUL, lone or paired surrogates
 * (raw or {@code \\u}-escaped), right-to-left overrides and up to 200 000 characters, wrong types, numbers beyond
 * double, nesting thousands deep and duplicate keys.
 */
final class HostileJson {

  /** Strings that mean something to a parser, a store or a browser. */
  private static final List<String> NASTY = List.of("", " ", "\u0000", "a\u0000b", "\uD83D\uDE00", "\uD800",
      "\uDFFF", "\u202Eevil", "\uFEFF", "\u2028", "$ne", "$where", "{\"$ne\":null}", "__proto__", "constructor",
      "../../etc/passwd", "null", "undefined", "true", "1e309", "<script>alert(1)</script>", "GENERAL",
      "' OR '1'='1", "%00", "\\", "\"", "\r\n", "guest-1", "admin");
  private static final List<String> OPERATORS = List.of("$ne", "$gt", "$gte", "$lt", "$regex", "$where",
      "$exists", "$in", "$nin", "$or", "$expr", "$set", "$unset", "$inc", "$function", "$jsonSchema");

  private HostileJson() {
  }

  /** @return a JSON string literal for {@code value}; {@code escapeAll} writes every non-ASCII char as \\uXXXX */
  static String literal(String value, boolean escapeAll) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || (escapeAll && c > 0x7e)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** @return hostile strings, mostly short, sometimes up to 200 000 characters */
  static Arbitrary<String> strings() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40)),
        Tuple.of(2, Arbitraries.strings().withChars("$.{}[]\"\\:\u0000 a").ofMaxLength(20)),
        Tuple.of(4, Arbitraries.of(NASTY)),
        Tuple.of(1, huge()));
  }

  /** @return strings of 1 000 to 200 000 characters: ASCII, accented, emoji (surrogate pairs) or NUL */
  static Arbitrary<String> huge() {
    return Combinators.combine(Arbitraries.of("A", "\u00e9", "\uD83D\uDE00", "\u0000", "<>"),
            Arbitraries.integers().between(1_000, 200_000))
        .as((unit, length) -> unit.repeat(Math.max(1, length / unit.length())));
  }

  /** @return a JSON string literal of a hostile string, raw or fully escaped */
  static Arbitrary<String> stringLiteral() {
    return Combinators.combine(strings(), Arbitraries.of(false, true)).as(HostileJson::literal);
  }

  /** @return JSON text of any hostile value: strings, operator objects, scalars, containers or deep nesting */
  static Arbitrary<String> value() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, stringLiteral()),
        Tuple.of(4, operatorObject()),
        Tuple.of(2, scalar()),
        Tuple.of(2, Arbitraries.lazy(HostileJson::container)),
        Tuple.of(1, deep()));
  }

  /** @return {@code {"$op": <value>}}, e.g. {@code {"$ne":null}} or {@code {"$gt":""}} */
  static Arbitrary<String> operatorObject() {
    return Combinators.combine(Arbitraries.of(OPERATORS),
            Arbitraries.of("null", "\"\"", "\".*\"", "true", "[]", "[\"x\"]", "{\"$ne\":null}", "1", "\"sleep(1)\""))
        .as((operator, operand) -> "{" + literal(operator, false) + ":" + operand + "}");
  }

  /** @return numbers (huge, negative, fractional, beyond double), booleans and null */
  static Arbitrary<String> scalar() {
    return Arbitraries.of("null", "true", "false", "0", "-1", "1.5", "9223372036854775807",
        "99999999999999999999999999999", "1e309", "-1e-400", "0.0000000001", "-0");
  }

  /** @return a small array or object of hostile values, with duplicate keys now and then */
  static Arbitrary<String> container() {
    Arbitrary<String> element = Arbitraries.frequencyOf(Tuple.of(3, stringLiteral()), Tuple.of(2, scalar()),
        Tuple.of(2, operatorObject()));
    Arbitrary<String> array = element.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
    Arbitrary<String> object = Combinators.combine(Arbitraries.of("a", "a", "_id", "$ne", "", "token"), element)
        .as((key, value) -> literal(key, false) + ":" + value)
        .list().ofMaxSize(4).map(members -> "{" + String.join(",", members) + "}");
    return Arbitraries.oneOf(array, object);
  }

  /** @return arrays or objects nested 10 to 5 000 levels deep */
  static Arbitrary<String> deep() {
    return Combinators.combine(Arbitraries.integers().between(10, 5_000), Arbitraries.of(true, false))
        .as((depth, arrays) -> arrays ? "[".repeat(depth) + "]".repeat(depth)
            : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
  }

  /**
   * @param fields field name to JSON text of its value; a null value leaves the field out
   * @return the JSON text of an object with those fields in order
   */
  static String object(List<Tuple.Tuple2<String, String>> fields) {
    return fields.stream().filter(field -> field.get2() != null)
        .map(field -> literal(field.get1(), false) + ":" + field.get2())
        .collect(Collectors.joining(",", "{", "}"));
  }
}
