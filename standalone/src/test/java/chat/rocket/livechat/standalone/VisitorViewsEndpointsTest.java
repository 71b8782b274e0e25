package chat.rocket.livechat.standalone;

import static chat.rocket.livechat.standalone.ExpectedBodies.FORBIDDEN;
import static chat.rocket.livechat.standalone.ExpectedBodies.LOGGED_OUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The staff's {@code livechat/visitors.*} views through the whole system (issue 11; Rocket.Chat's
 * {@code 09-visitors.ts} blocks of those names): pagesVisited, chatHistory, searchChats, autocomplete and search,
 * their refusals (401, 403, 400, nothing written) and Rocket.Chat's error bodies.
 */
class VisitorViewsEndpointsTest {


  private static TestSystem system;
  private static Api api;
  private static Visitors visitors;
  private static Map<String, String> agent;
  private static Map<String, String> otherAgent;
  private static Map<String, String> manager;
  private static Map<String, String> plainUser;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
    api = system.api();
    visitors = new Visitors(api);
    agent = system.user("views.agent", List.of("user", "livechat-agent"));
    otherAgent = system.user("views.other", List.of("user", "livechat-agent"));
    manager = system.user("views.manager", List.of("user", "livechat-manager"));
    plainUser = system.user("views.user", List.of("user"));
    assertThat(api.post("livechat/agent.status", agent, new JsonObject().put("status", "available")).status())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  private static void close(JsonObject visitor, String rid) {
    Api.Response closed = api.post("livechat/room.close", Map.of(), new JsonObject().put("rid", rid)
        .put("token", visitor.getString("token")));
    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
  }

  private static JsonObject ok(String path, Map<String, String> caller) {
    Api.Response response = api.get(path, caller);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static List<Object> ids(JsonArray documents) {
    return documents.stream().map(document -> ((JsonObject) document).getValue("_id")).toList();
  }

  private static String encoded(JsonObject selector) {
    return URLEncoder.encode(selector.encode(), StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("pagesVisited answers the pages the widget reported for the room, with the page fields")
  void pagesVisited() {
    JsonObject visitor = visitors.create();
    String rid = system.servedRoom(visitor, agent.get("X-User-Id"));
    Api.Response visited = api.post("livechat/page.visited", Map.of(), new JsonObject()
        .put("token", visitor.getString("token")).put("rid", rid).put("pageInfo", new JsonObject()
            .put("change", "url").put("title", "Pricing")
            .put("location", new JsonObject().put("href", "https://example.com/pricing"))));
    assertThat(visited.status()).as(visited.body()).isEqualTo(200);

    JsonObject pages = ok("livechat/visitors.pagesVisited/" + rid, manager);

    assertThat(pages.getInteger("total")).isEqualTo(1);
    assertThat(pages.getInteger("count")).isEqualTo(1);
    assertThat(pages.getInteger("offset")).isZero();
    assertThat(pages.getJsonArray("pages").getJsonObject(0).getString("t")).isEqualTo("livechat_navigation_history");
  }

  @Test
  @DisplayName("chatHistory lists the visitor's rooms newest first; searchChats filters closed ones and message text")
  void historyAndSearch() {
    JsonObject visitor = visitors.create();
    String first = system.servedRoom(visitor, agent.get("X-User-Id"));
    close(visitor, first);
    String second = system.servedRoom(visitor, agent.get("X-User-Id"));
    api.post("livechat/message", Map.of(), new JsonObject().put("token", visitor.getString("token"))
        .put("rid", second).put("msg", "about my invoice"));
    String base = "/room/" + second + "/visitor/" + visitor.getString("_id");

    JsonObject history = ok("livechat/visitors.chatHistory" + base, agent);
    JsonObject closedOnly = ok("livechat/visitors.searchChats" + base + "?closedChatsOnly=true", agent);
    JsonObject byText = ok("livechat/visitors.searchChats" + base + "?searchText=INVOICE", agent);
    JsonObject all = ok("livechat/visitors.searchChats" + base + "?closedChatsOnly=false&servedChatsOnly=true",
        agent);

    assertThat(ids(history.getJsonArray("history"))).containsExactly(second, first);
    assertThat(history.getInteger("total")).isEqualTo(2);
    assertThat(ids(closedOnly.getJsonArray("history"))).containsExactly(first);
    assertThat(ids(byText.getJsonArray("history"))).containsExactly(second);
    assertThat(all.getInteger("total")).isEqualTo(2);
  }

  @Test
  @DisplayName("autocomplete finds a visitor by the start of its name; search by its name, literally; empty finds all")
  void searches() {
    JsonObject visitor = visitors.create(TestSystem.randomToken(), "Zebedee " + System.nanoTime());

    JsonObject items = ok("livechat/visitors.autocomplete?selector="
        + encoded(new JsonObject().put("term", "zebedee")), agent);
    JsonObject found = ok("livechat/visitors.search?term="
        + URLEncoder.encode(visitor.getString("name"), StandardCharsets.UTF_8), agent);
    JsonObject evil = ok("livechat/visitors.search?term=" + URLEncoder.encode("^((ab)*)+$", StandardCharsets.UTF_8),
        agent);
    JsonObject everyone = ok("livechat/visitors.search?term=", agent);

    assertThat(ids(items.getJsonArray("items"))).contains(visitor.getString("_id"));
    assertThat(ids(found.getJsonArray("visitors"))).containsExactly(visitor.getString("_id"));
    assertThat(found.getJsonArray("visitors").getJsonObject(0).getString("username"))
        .isEqualTo(visitor.getString("username"));
    assertThat(evil.getInteger("total")).isZero();
    assertThat(everyone.getInteger("total")).isPositive();
  }

  @Test
  @DisplayName("an unknown room is invalid-room, a room the agent may not access error-not-allowed, a bad selector "
      + "or a missing parameter 400")
  void refusals() {
    JsonObject visitor = visitors.create();
    String rid = system.servedRoom(visitor, agent.get("X-User-Id"));
    String base = "/room/" + rid + "/visitor/" + visitor.getString("_id");

    Api.Response unknown = api.get("livechat/visitors.pagesVisited/room-id", manager);
    Api.Response notAllowed = api.get("livechat/visitors.chatHistory" + base, otherAgent);
    Api.Response searchNotAllowed = api.get("livechat/visitors.searchChats" + base, otherAgent);
    Api.Response badSelector = api.get("livechat/visitors.autocomplete?selector=%7Binvalid", agent);
    Api.Response operatorCondition = api.get("livechat/visitors.autocomplete?selector=" + encoded(new JsonObject()
        .put("term", "a").put("conditions", new JsonObject().put("$where", "1"))), agent);
    Api.Response noSelector = api.get("livechat/visitors.autocomplete", agent);
    Api.Response noTerm = api.get("livechat/visitors.search", agent);

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json()).isEqualTo(new JsonObject().put("success", false).put("error", "invalid-room"));
    assertThat(List.of(notAllowed, searchNotAllowed)).allSatisfy(response -> {
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json()).isEqualTo(new JsonObject().put("success", false).put("error", "error-not-allowed"));
    });
    assertThat(List.of(badSelector, operatorCondition)).allSatisfy(response -> {
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().getString("error"))
          .isEqualTo("The \"selector\" query parameter must be a valid JSON.");
    });
    assertThat(noSelector.json().getString("error"))
        .isEqualTo("must have required property 'selector' [invalid-params]");
    assertThat(noTerm.json().getString("error")).isEqualTo("must have required property 'term' [invalid-params]");
  }

  @Test
  @DisplayName("without a session 401, without view-l-room 403 (even before a bad selector), on all five; nothing "
      + "written")
  void permissions() {
    JsonObject visitor = visitors.create();
    String rid = system.servedRoom(visitor, agent.get("X-User-Id"));
    String base = "/room/" + rid + "/visitor/" + visitor.getString("_id");
    List<String> paths = List.of("livechat/visitors.pagesVisited/" + rid, "livechat/visitors.chatHistory" + base,
        "livechat/visitors.searchChats" + base, "livechat/visitors.autocomplete?selector=xxx",
        "livechat/visitors.search?term=x");
    StoreSnapshot before = StoreSnapshot.take(system);

    for (String path : paths) {
      Api.Response anonymous = api.get(path, Map.of());
      Api.Response forbidden = api.get(path, plainUser);
      assertThat(anonymous.status()).as(path).isEqualTo(401);
      assertThat(anonymous.json()).isEqualTo(LOGGED_OUT);
      assertThat(forbidden.status()).as(path).isEqualTo(403);
      assertThat(forbidden.json()).isEqualTo(FORBIDDEN);
    }
    assertThat(StoreSnapshot.take(system).changesSince(before)).isEmpty();
  }
}
