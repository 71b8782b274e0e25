package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.standalone.HostileRequests.Request;
import chat.rocket.livechat.standalone.HostileRequests.Targets;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Thousands of random and malicious requests to every endpoint (jqwik; generators in {@link HostileRequests} and
 * {@link HostileJson}), through the whole system. Every answer must come within {@link #TIMEOUT_MS}, be below 500 and
 * be JSON with {@code Content-Type: application/json}. After each property the store may differ from its snapshot
 * only in the target room and visitor, in rooms and visitors the requests themselves created (with their inquiries
 * and subscriptions) and in the guest counter: a canary visitor and room that no request names stay byte-identical,
 * and users, permissions, roles and other settings do not change. The number of requests tried is printed at the end.
 */
class HostileInputTest {

  /** Longest wait for one answer, in ms: the reply timeout (5 s) plus a margin; longer is a hang. */
  private static final long TIMEOUT_MS = 10_000;
  private static final int TRIES = 300;
  private static final AtomicInteger REQUESTS = new AtomicInteger();
  private static final AtomicInteger SERVER_ERRORS = new AtomicInteger();
  private static final AtomicInteger SUCCESSES = new AtomicInteger();
  private static final Set<String> CREATED_ROOMS = ConcurrentHashMap.newKeySet();
  private static final Set<String> CREATED_VISITORS = ConcurrentHashMap.newKeySet();

  private static TestSystem system;
  private static Api api;
  private static HostileRequests requests;
  private static Targets targets;
  private static String canaryVisitorId;
  private static String canaryRid;
  private static StoreSnapshot baseline;

  @BeforeContainer
  static void start() {
    system = TestSystem.start();
    api = system.api();
    Visitors visitors = new Visitors(api);
    JsonObject target = visitors.create();
    String targetRid = visitors.createRoom(target.getString("token")).getString("_id");
    JsonObject canary = visitors.create();
    canaryVisitorId = canary.getString("_id");
    canaryRid = visitors.createRoom(canary.getString("token")).getString("_id");
    targets = new Targets(targetRid, target.getString("_id"), target.getString("token"), system.adminHeaders(),
        system.user("fuzz.agent", List.of("livechat-agent")));
    requests = new HostileRequests(targets);
    system.awaitLastChat(target.getString("_id"), targetRid);
    system.awaitLastChat(canaryVisitorId, canaryRid);
    baseline = StoreSnapshot.take(system);
  }

  @AfterContainer
  static void stop() {
    System.out.println("hostile input: " + REQUESTS.get() + " requests tried, " + SERVER_ERRORS.get()
        + " answered 5xx, " + SUCCESSES.get() + " answered 200, " + CREATED_VISITORS.size() + " visitors and "
        + CREATED_ROOMS.size() + " rooms created");
    system.close();
  }

  @Provide
  Arbitrary<Request> room() {
    return requests.room();
  }

  @Provide
  Arbitrary<Request> registerVisitor() {
    return requests.registerVisitor();
  }

  @Provide
  Arbitrary<Request> visitorByToken() {
    return requests.visitorByToken();
  }

  @Provide
  Arbitrary<Request> changeRoomVisitor() {
    return requests.changeRoomVisitor();
  }

  @Provide
  Arbitrary<Request> saveInfo() {
    return requests.saveInfo();
  }

  @Provide
  Arbitrary<Request> visitorsInfo() {
    return requests.visitorsInfo();
  }

  @Provide
  Arbitrary<Request> login() {
    return requests.login();
  }

  @Provide
  Arbitrary<Request> anyRoute() {
    return requests.anyRoute();
  }

  @Property(tries = TRIES)
  @Label("hostile GET livechat/room queries answer JSON below 500 in time")
  void hostileRoomQueriesAnswerJsonBelow500(@ForAll("room") Request request) {
    JsonObject body = answer(request);
    if (body.getJsonObject("room") != null) {
      CREATED_ROOMS.add(body.getJsonObject("room").getString("_id"));
    }
  }

  @Property(tries = TRIES)
  @Label("hostile POST livechat/visitor bodies answer JSON below 500 in time")
  void hostileVisitorRegistrationsAnswerJsonBelow500(@ForAll("registerVisitor") Request request) {
    JsonObject body = answer(request);
    if (body.getJsonObject("visitor") != null) {
      CREATED_VISITORS.add(body.getJsonObject("visitor").getString("_id"));
    }
  }

  @Property(tries = TRIES)
  @Label("hostile GET livechat/visitor/:token paths answer JSON below 500 in time")
  void hostileVisitorTokensAnswerJsonBelow500(@ForAll("visitorByToken") Request request) {
    answer(request);
  }

  @Property(tries = TRIES)
  @Label("hostile PUT livechat/room.visitor bodies answer JSON below 500 in time")
  void hostileRoomVisitorChangesAnswerJsonBelow500(@ForAll("changeRoomVisitor") Request request) {
    answer(request);
  }

  @Property(tries = TRIES)
  @Label("hostile POST livechat/room.saveInfo bodies answer JSON below 500 in time")
  void hostileSaveInfoBodiesAnswerJsonBelow500(@ForAll("saveInfo") Request request) {
    answer(request);
  }

  @Property(tries = TRIES)
  @Label("hostile visitors.info and visitor.info queries answer JSON below 500 in time")
  void hostileVisitorsInfoQueriesAnswerJsonBelow500(@ForAll("visitorsInfo") Request request) {
    answer(request);
  }

  @Property(tries = TRIES)
  @Label("hostile POST login bodies answer JSON below 500 in time")
  void hostileLoginsAnswerJsonBelow500(@ForAll("login") Request request) {
    answer(request);
  }

  @Property(tries = TRIES)
  @Label("any method on near-miss and unknown paths answers JSON below 500 in time")
  void hostileMethodsAndPathsAnswerJsonBelow500(@ForAll("anyRoute") Request request) {
    answer(request);
  }

  /** Sends the request and asserts the answer: in time, below 500, JSON. @return the JSON body */
  private static JsonObject answer(Request request) {
    REQUESTS.incrementAndGet();
    Api.Response response;
    try {
      response = api.raw(request.method(), request.path(), request.headers(), request.body(), TIMEOUT_MS);
    } catch (RuntimeException noAnswer) {
      throw new AssertionError(request + " got no answer: " + noAnswer, noAnswer);
    }
    if (response.status() >= 500) {
      SERVER_ERRORS.incrementAndGet();
    } else if (response.status() == 200) {
      SUCCESSES.incrementAndGet();
    }
    assertThat(response.status()).as("%s answered %s", request, response.body()).isLessThan(500);
    assertThat(response.contentType()).as("%s answered %s", request, response.body()).isEqualTo("application/json");
    assertThat(response.body()).as("%s", request).isNotBlank();
    return new JsonObject(response.body());
  }

  /** After every property: nothing was written outside the targets and what the requests created. */
  @AfterProperty
  void onlyTargetsChanged() {
    List<StoreSnapshot.Change> outside = StoreSnapshot.take(system).changesSince(baseline).stream()
        .filter(change -> !mayChange(change)).toList();

    assertThat(outside).as("documents written outside the targets").isEmpty();
    assertThat(system.findOne(Collections.VISITORS, new JsonObject().put("_id", canaryVisitorId)))
        .isEqualTo(baseline.documents(Collections.VISITORS).get(canaryVisitorId));
    assertThat(system.findOne(Collections.ROOMS, new JsonObject().put("_id", canaryRid)))
        .isEqualTo(baseline.documents(Collections.ROOMS).get(canaryRid));
  }

  private static boolean mayChange(StoreSnapshot.Change change) {
    return switch (change.collection()) {
      case Collections.ROOMS -> isTargetOrCreatedRoom(change.id());
      case Collections.VISITORS -> change.id().equals(targets.visitorId()) || CREATED_VISITORS.contains(change.id());
      case Collections.INQUIRIES, Collections.SUBSCRIPTIONS -> isTargetOrCreatedRoom(
          Objects.toString(change.field("rid"), ""));
      case Collections.SETTINGS -> change.id().equals(Setting.LIVECHAT_GUEST_COUNT.id());
      default -> false;
    };
  }

  private static boolean isTargetOrCreatedRoom(String rid) {
    return rid.equals(targets.rid()) || CREATED_ROOMS.contains(rid);
  }
}
