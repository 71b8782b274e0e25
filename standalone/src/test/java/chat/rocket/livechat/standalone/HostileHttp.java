package chat.rocket.livechat.standalone;

import chat.rocket.livechat.standalone.HostileRequests.Targets;
import io.vertx.core.buffer.Buffer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of the HTTP framing of hostile requests: bodies (JSON, no JSON, invalid UTF-8, none, over
 * {@code BODY_LIMIT_BYTES}), query strings (repeated, operator-named, malformed escapes, over the 4096-byte request
 * line) and headers (valid, bad, partial or absent credentials, odd content types, proxy and cookie headers, over the
 * 8192-byte header limit).
 */
final class HostileHttp {

  private static final String ABSENT = HostileRequests.ABSENT;

  private final Targets targets;

  /** @param targets whose credentials the headers carry */
  HostileHttp(Targets targets) {
    this.targets = targets;
  }

  /** @return the JSON text as UTF-8, or now and then no JSON, invalid UTF-8, no body or one over the limit */
  static Arbitrary<Buffer> body(Arbitrary<String> json) {
    Arbitrary<Buffer> broken = Arbitraries.of("", "{", "{\"a\":}", "[1,]", "nul", "{\"visitor\":{\"token\":\"x\"}}}",
        "\"just a string\"", "12", "null").map(Buffer::buffer);
    Arbitrary<Buffer> invalidUtf8 = Arbitraries.just(Buffer.buffer(new byte[] {'{', '"', 'a', '"', ':', '"',
        (byte) 0xff, (byte) 0xfe, (byte) 0xc0, (byte) 0x80, '"', '}'}));
    Arbitrary<Buffer> overLimit = Arbitraries.integers().between(102_401, 250_000)
        .map(size -> Buffer.buffer("{\"visitor\":{\"token\":\"" + "A".repeat(size) + "\"}}"));
    return Arbitraries.frequencyOf(Tuple.of(12, json.map(Buffer::buffer)), Tuple.of(1, broken),
        Tuple.of(1, invalidUtf8), Tuple.of(1, overLimit), Tuple.of(1, Arbitraries.just(null)));
  }

  /** @return a query string of up to 5 parameters, repeated, hostile, malformed or far too long */
  Arbitrary<String> query(List<String> names, List<String> proper) {
    Arbitrary<String> name = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(names)),
        Tuple.of(1, Arbitraries.of("token[$ne]", "token[]", "visitorId[$gt]", "", "__proto__", "extra", "a.b")));
    Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(proper).map(HostileHttp::encode)),
        Tuple.of(5, HostileJson.strings().filter(s -> s.length() < 3_000).map(HostileHttp::encode)),
        Tuple.of(2, Arbitraries.of("%", "%zz", "%C3%28", "%00", "a+b", "%F0%9F%98%80", "%ED%A0%80", "x=y", "&")),
        Tuple.of(1, Arbitraries.integers().between(5_000, 20_000).map("q"::repeat)));
    Arbitrary<String> parameter = Arbitraries.frequencyOf(Tuple.of(8, Combinators.combine(name, value)
        .as((n, v) -> n + "=" + v)), Tuple.of(1, name));
    return parameter.list().ofMaxSize(5).map(all -> all.isEmpty() ? "" : "?" + String.join("&", all));
  }

  /** @return authentication (valid, bad, partial or absent), content type and extra proxy or cookie headers */
  Arbitrary<Map<String, String>> headers() {
    Map<String, String> badToken = Map.of("X-User-Id", targets.admin().get("X-User-Id"), "X-Auth-Token", "bad");
    Arbitrary<Map<String, String>> auth = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(targets.admin())),
        Tuple.of(2, Arbitraries.just(targets.agent())), Tuple.of(2, Arbitraries.just(Map.of())),
        Tuple.of(1, Arbitraries.just(badToken)),
        Tuple.of(1, Arbitraries.just(Map.of("X-User-Id", targets.admin().get("X-User-Id")))),
        Tuple.of(1, Arbitraries.just(Map.of("X-User-Id", "{\"$ne\":null}", "X-Auth-Token", "{\"$ne\":null}"))),
        Tuple.of(1, ascii().map(token -> Map.of("X-User-Id", targets.admin().get("X-User-Id"),
            "X-Auth-Token", token))));
    Arbitrary<String> contentType = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("application/json")),
        Tuple.of(1, Arbitraries.of("text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz", "application/json; charset=utf-16", "", "*/*")),
        Tuple.of(1, Arbitraries.just(ABSENT)));
    Arbitrary<Map<String, String>> extra = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(Map.of())),
        Tuple.of(1, ascii().map(ip -> Map.of("X-Real-IP", ip, "X-Forwarded-For", "1.1.1.1, " + ip))),
        Tuple.of(1, Arbitraries.just(Map.of("Cookie", "rc_room_type=l; rc_is_widget=t", "Accept", "text/html"))),
        Tuple.of(1, Arbitraries.integers().between(9_000, 20_000).map(size -> Map.of("X-Huge", "h".repeat(size)))));
    return Combinators.combine(auth, contentType, extra).as((a, type, more) -> {
      Map<String, String> headers = new LinkedHashMap<>(a);
      if (!ABSENT.equals(type)) {
        headers.put("Content-Type", type);
      }
      headers.putAll(more);
      return headers;
    });
  }

  /** @return printable ASCII: what a header value may hold, hostile otherwise */
  private static Arbitrary<String> ascii() {
    return HostileJson.strings().map(s -> s.chars().filter(c -> c >= 0x20 && c < 0x7f)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString())
        .filter(s -> s.length() < 8_000);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
