package chat.rocket.livechat.standalone;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * jqwik generators of hostile HTTP requests to every endpoint: the endpoint's own fields with their proper values
 * (the targets a test may see changed), hostile values ({@link HostileJson}) or left out, extra fields, bodies that
 * are no JSON, invalid UTF-8 or over {@code BODY_LIMIT_BYTES}, repeated and malformed query parameters, missing,
 * wrong or oversized headers and bad tokens.
 */
final class HostileRequests {

  /** A field value meaning "leave the field out". */
  static final String ABSENT = "\u0000absent";

  private final Targets targets;
  private final HostileHttp http;

  /** @param targets the only documents a request may name by their proper ids and tokens */
  HostileRequests(Targets targets) {
    this.targets = targets;
    this.http = new HostileHttp(targets);
  }

  /**
   * What a request may name and who may send it.
   *
   * @param rid       the target room, served by the admin
   * @param visitorId the target room's visitor
   * @param token     that visitor's token
   * @param admin     login headers of the admin (every permission; serves the target room)
   * @param agent     login headers of a {@code livechat-agent} who serves no room
   */
  record Targets(String rid, String visitorId, String token, Map<String, String> admin, Map<String, String> agent) {
  }

  /** Largest body sent together with headers over the server's limit, in bytes (within loopback socket buffers). */
  private static final int BODY_WITH_OVERSIZED_HEADERS = 64 * 1024;
  /** The server's limit on the headers of one request, in bytes (README: 431 above it). */
  private static final int HEADERS_LIMIT_BYTES = 8192;

  /**
   * One request.
   *
   * @param body raw bytes, or null for none
   */
  record Request(HttpMethod method, String path, Map<String, String> headers, Buffer body) {
    @Override
    public String toString() {
      String shownPath = path.length() > 300 ? path.substring(0, 300) + "...(" + path.length() + ")" : path;
      String shownBody = body == null ? "none" : body.length() > 300
          ? body.getString(0, 300, "ISO-8859-1") + "...(" + body.length() + " bytes)" : body.toString();
      return method + " " + shownPath + " headers=" + headers.keySet() + " body=" + shownBody;
    }
  }

  /** @return {@code GET livechat/room} with hostile query strings */
  Arbitrary<Request> room() {
    return request(Arbitraries.just(HttpMethod.GET), http.query(List.of("token", "rid", "agentId"),
        List.of(targets.token(), targets.rid(), targets.admin().get("X-User-Id"))).map(q -> "livechat/room" + q),
        Arbitraries.just(null));
  }

  /** @return {@code POST livechat/visitor} with hostile visitor objects */
  Arbitrary<Request> registerVisitor() {
    Arbitrary<String> visitor = object(List.of(
        field("token", Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(targets.token())),
            Tuple.of(3, fresh().map("fuzz-"::concat)))),
        field("name", "Fuzz Visitor"), field("email", fresh().map(id -> id + "@example.com")),
        field("phone", Arbitraries.strings().numeric().ofLength(12)), rarely("department"),
        rarely("username"), rarely("id"),
        Arbitraries.just(Tuple.of("customFields", HostileJson.object(List.of(Tuple.of("key", "\"address\""),
            Tuple.of("value", "\"x\""), Tuple.of("overwrite", "true"))))).map(t -> Tuple.of(t.get1(),
            "[" + t.get2() + "]"))));
    return request(Arbitraries.just(HttpMethod.POST), Arbitraries.just("livechat/visitor"),
        HostileHttp.body(object(List.of(Combinators.combine(Arbitraries.just("visitor"),
            Arbitraries.frequencyOf(Tuple.of(5, visitor), Tuple.of(2, HostileJson.value()))).as(Tuple::of)))));
  }

  /** @return {@code GET livechat/visitor/:token} with hostile path segments */
  Arbitrary<Request> visitorByToken() {
    Arbitrary<String> segment = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(targets.token())),
        Tuple.of(5, HostileJson.strings().map(HostileHttp::encode)),
        Tuple.of(2, Arbitraries.of("%", "%zz", "%C0%AF", "%2F..%2F", "%00", "..", ".", "a/b", "%E2%80%AE")));
    return request(Arbitraries.just(HttpMethod.GET), segment.map(s -> "livechat/visitor/" + s),
        Arbitraries.just(null));
  }

  /** @return {@code PUT livechat/room.visitor} with hostile bodies */
  Arbitrary<Request> changeRoomVisitor() {
    return request(Arbitraries.just(HttpMethod.PUT), Arbitraries.just("livechat/room.visitor"),
        HostileHttp.body(object(List.of(
        field("rid", targets.rid()), field("oldVisitorId", targets.visitorId()),
        field("newVisitorId", targets.visitorId()), extraField()))));
  }

  /** @return {@code POST livechat/room.saveInfo} with hostile guest and room data */
  Arbitrary<Request> saveInfo() {
    Arbitrary<String> guest = object(List.of(field("_id", targets.visitorId()), field("name", "Fuzz"),
        field("email", "fuzz@example.com"), field("phone", "555"), field("livechatData", "x"), extraField()));
    Arbitrary<String> room = object(List.of(field("_id", targets.rid()), field("topic", "fuzz topic"),
        Combinators.combine(Arbitraries.just("tags"), Arbitraries.frequencyOf(
            Tuple.of(2, HostileJson.stringLiteral().list().ofMaxSize(3).map(t -> "[" + String.join(",", t) + "]")),
            Tuple.of(2, HostileJson.value()), Tuple.of(1, Arbitraries.just(ABSENT)))).as(Tuple::of),
        field("livechatData", "x"), field("priorityId", "p"), extraField()));
    Arbitrary<String> either = Arbitraries.frequencyOf(Tuple.of(5, guest), Tuple.of(1, HostileJson.value()));
    Arbitrary<String> roomOrNot = Arbitraries.frequencyOf(Tuple.of(5, room), Tuple.of(1, HostileJson.value()));
    return request(Arbitraries.just(HttpMethod.POST), Arbitraries.just("livechat/room.saveInfo"),
        HostileHttp.body(object(List.of(
        Combinators.combine(Arbitraries.just("guestData"), either).as(Tuple::of),
        Combinators.combine(Arbitraries.just("roomData"), roomOrNot).as(Tuple::of)))));
  }

  /** @return {@code GET livechat/visitors.info} and {@code livechat/visitor.info} with hostile queries */
  Arbitrary<Request> visitorsInfo() {
    return request(Arbitraries.just(HttpMethod.GET), Combinators.combine(
            Arbitraries.of("livechat/visitors.info", "livechat/visitor.info"),
            http.query(List.of("visitorId"), List.of(targets.visitorId())))
        .as((path, query) -> path + query), Arbitraries.just(null));
  }

  /** @return {@code POST login} with hostile credentials (never the right password) */
  Arbitrary<Request> login() {
    return request(Arbitraries.just(HttpMethod.POST), Arbitraries.just("login"), HostileHttp.body(object(List.of(
        field("user", TestSystem.ADMIN), field("username", TestSystem.ADMIN), field("email", "a@b.c"),
        field("password", "wrong"), field("resume", "token"), extraField()))));
  }

  /** @return any method on near-miss and unknown paths, with any body */
  Arbitrary<Request> anyRoute() {
    Arbitrary<String> path = Arbitraries.of("livechat/room/", "livechat/rooms", "livechat/visitor/",
        "livechat/visitor/a/b", "livechat/room.saveInfo/x", "login/", "", "livechat/%2e%2e/login", "..%2f..%2fetc",
        "livechat/visitors.info?visitorId=a&visitorId=b", "LIVECHAT/ROOM", "livechat//room", "livechat/room;x=1");
    return request(Arbitraries.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE,
        HttpMethod.PATCH, HttpMethod.OPTIONS), path, HostileHttp.body(HostileJson.value()));
  }

  /**
   * Requests whose headers are over the server's limit carry bodies of at most {@link #BODY_WITH_OVERSIZED_HEADERS}
   * bytes: the server answers 431 and closes the connection without reading the body (as HTTP allows), so a client
   * still writing a megabyte sees the reset before it reads the answer. Oversized bodies are tried with normal headers.
   */
  private Arbitrary<Request> request(Arbitrary<HttpMethod> method, Arbitrary<String> path, Arbitrary<Buffer> body) {
    return Combinators.combine(method, path, http.headers(), body).as(Request::new)
        .filter(request -> request.body() == null || request.body().length() <= BODY_WITH_OVERSIZED_HEADERS
            || request.headers().values().stream().mapToInt(String::length).sum() < HEADERS_LIMIT_BYTES);
  }

  /** @return a field with its proper value, a hostile value or left out */
  private static Arbitrary<Tuple2<String, String>> field(String name, String... proper) {
    return field(name, Arbitraries.of(proper));
  }

  /** @return a field with a generated proper value, a hostile value or left out */
  private static Arbitrary<Tuple2<String, String>> field(String name, Arbitrary<String> proper) {
    Arbitrary<String> value = Arbitraries.frequencyOf(
        Tuple.of(6, proper.map(v -> HostileJson.literal(v, false))),
        Tuple.of(3, HostileJson.value()),
        Tuple.of(1, Arbitraries.just(ABSENT)));
    return value.map(v -> Tuple.of(name, v));
  }

  /** @return 16 random letters and digits: a token, email or id no other request is likely to use */
  private static Arbitrary<String> fresh() {
    return Arbitraries.strings().alpha().numeric().ofLength(16);
  }

  /** @return a field mostly left out, else hostile: for fields whose every value changes the outcome */
  private static Arbitrary<Tuple2<String, String>> rarely(String name) {
    return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(ABSENT)), Tuple.of(1, HostileJson.value()))
        .map(value -> Tuple.of(name, value));
  }

  private static Arbitrary<Tuple2<String, String>> extraField() {
    return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(Tuple.of("", ABSENT))),
        Tuple.of(1, Combinators.combine(Arbitraries.of("extra", "$set", "__proto__", "_id", "constructor"),
            HostileJson.value()).as(Tuple::of)));
  }

  private static Arbitrary<String> object(List<Arbitrary<Tuple2<String, String>>> fields) {
    return Combinators.combine(fields).as(all -> HostileJson.object(all.stream()
        .map(f -> Tuple.of(f.get1(), ABSENT.equals(f.get2()) ? null : f.get2())).toList()));
  }
}
