package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

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
 * {@code GET livechat/rooms} and {@code GET livechat/rooms/filters} through the whole system (issue 11): Rocket.Chat's
 * query forms ({@code agents[]=...}, JSON filters), who may list, and Rocket.Chat's 400s for malformed filters,
 * including field names that would be query operators.
 */
class RoomListEndpointsTest {

  private static TestSystem system;
  private static Api api;
  private static Map<String, String> admin;
  private static JsonObject room;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
    api = system.api();
    admin = system.adminHeaders();
    String token = new Visitors(api).create().getString("token");
    room = api.get("livechat/room?token=" + token).json().getJsonObject("room");
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("an admin lists rooms by agents[] and by the whole name in quotes, with Rocket.Chat's page fields")
  void listsRooms() {
    String agent = room.getJsonObject("servedBy").getString("_id");
    Api.Response response = api.get("livechat/rooms?agents[]=" + agent + "&roomName="
        + encoded("\"" + room.getString("fname") + "\"") + "&open=true&count=5", admin);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonObject page = response.json();
    assertThat(page.getJsonArray("rooms").stream().map(r -> ((JsonObject) r).getString("_id")))
        .contains(room.getString("_id"));
    assertThat(page.getInteger("offset")).isZero();
    assertThat(page.getInteger("count")).isEqualTo(page.getJsonArray("rooms").size());
    assertThat(page.getInteger("total")).isGreaterThanOrEqualTo(1);
  }

  @Test
  @DisplayName("an agent without view-livechat-rooms lists only with agents[] being itself; otherwise 403")
  void agentListsOwnRoomsOnly() {
    Map<String, String> agent = system.user("list.agent", List.of("user", "livechat-agent"));

    assertThat(api.get("livechat/rooms?agents[]=" + agent.get("X-User-Id"), agent).status()).isEqualTo(200);
    assertThat(api.get("livechat/rooms", agent).json())
        .isEqualTo(new JsonObject().put("success", false).put("error", "unauthorized"));
    assertThat(api.get("livechat/rooms/filters", agent).status()).isEqualTo(200);
    assertThat(api.get("livechat/rooms", Map.of()).status()).isEqualTo(401);
  }

  @Test
  @DisplayName("malformed filters get Rocket.Chat's 400s, and a field name that is a query operator is refused")
  void refusesMalformedFilters() {
    assertThat(error("agents=invalid")).isEqualTo("must be array [invalid-params]");
    assertThat(error("departmentId[test]=true")).isEqualTo("must be string [invalid-params]");
    assertThat(error("open[]=true")).isEqualTo("must be string [invalid-params]");
    assertThat(error("customFields=invalid")).isEqualTo("The \"customFields\" query parameter must be a valid JSON.");
    assertThat(error("createdAt=" + encoded("{\"start\":\"yesterday\"}")))
        .isEqualTo("The \"createdAt.start\" query parameter must be a valid date.");
    assertThat(error("sort=" + encoded("{\"ts\":2}"))).isEqualTo("Invalid sort parameter provided \"{\"ts\":2}\" "
        + "[error-invalid-sort]");
    assertThat(error("customFields=" + encoded("{\"$where\":\"1\"}")))
        .isEqualTo("The \"customFields\" query parameter must be a valid JSON.");
  }

  @Test
  @DisplayName("livechat/rooms/filters lists the source types of the stored rooms")
  void listsSources() {
    JsonObject filters = api.get("livechat/rooms/filters", admin).json();

    assertThat(filters.getJsonArray("filters")).contains(new JsonObject().put("type", "api"));
  }

  private static String error(String query) {
    Api.Response response = api.get("livechat/rooms?" + query, admin);
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    return response.json().getString("error");
  }
}
