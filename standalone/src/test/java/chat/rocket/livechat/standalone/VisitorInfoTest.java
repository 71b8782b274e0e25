package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET livechat/visitors.info} and its seed name {@code livechat/visitor.info} (spec §6.3, DECISIONS.md
 * Endpoints), through the whole system: both paths are one endpoint, so every case runs on both. The system is
 * prepared as Rocket.Chat's {@code LIVECHAT - visitors} hooks prepare theirs, and view-l-room changes as in their
 * {@code livechat/visitors.info} cases: over REST ({@link Admin}).
 */
class VisitorInfoTest {

  private static final String ADDRESS_FIELD = "address";

  private static TestSystem system;
  private static Api api;
  private static Visitors visitors;
  private static Map<String, String> admin;
  private static Admin rest;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
    api = system.api();
    visitors = new Visitors(api);
    admin = system.adminHeaders();
    rest = new Admin(api, admin);
    rest.makeAvailableAgent();
    rest.permission(Permission.VIEW_LIVECHAT_MANAGER.id(), List.of("admin"));
    system.mongo().save(Collections.CUSTOM_FIELDS, new JsonObject().put("_id", ADDRESS_FIELD)
        .put("label", ADDRESS_FIELD).put("scope", "visitor").put("visibility", "visible").put("regexp", ""))
        .await();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"livechat/visitors.info", "livechat/visitor.info"})
  @DisplayName("with view-l-room granted to no role through permissions.update the call answers 403 with the "
      + "permission text; granted to admin alone, the next call gets past it to visitor-not-found")
  void withoutViewLRoomIsForbidden(String path) {
    rest.permission(Permission.VIEW_L_ROOM.id(), List.of());
    try {
      Api.Response response = api.get(path + "?visitorId=invalid", admin);

      assertThat(response.status()).isEqualTo(403);
      assertThat(response.json()).isEqualTo(new JsonObject().put("success", false)
          .put("error", "User does not have the permissions required for this action [error-unauthorized]"));

      rest.permission(Permission.VIEW_L_ROOM.id(), List.of("admin"));
      Api.Response adminOnly = api.get(path + "?visitorId=invalid", admin);

      assertThat(adminOnly.status()).isEqualTo(400);
      assertThat(adminOnly.json()).isEqualTo(new JsonObject().put("success", false)
          .put("error", "visitor-not-found"));
    } finally {
      rest.permission(Permission.VIEW_L_ROOM.id(), Permission.VIEW_L_ROOM.defaultRoles());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"livechat/visitors.info", "livechat/visitor.info"})
  @DisplayName("an unknown visitorId answers 400 visitor-not-found")
  void unknownVisitorIsNotFound(String path) {
    Api.Response response = api.get(path + "?visitorId=invalid", admin);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.json()).isEqualTo(new JsonObject().put("success", false).put("error", "visitor-not-found"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"livechat/visitors.info", "livechat/visitor.info"})
  @DisplayName("a known visitorId answers 200 with the whole visitor document, token and livechatData included")
  void knownVisitorIsReturned(String path) {
    JsonObject registered = registerWithAddress();
    String id = registered.getString("_id");

    Api.Response response = api.get(path + "?visitorId=" + id, admin);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json");
    JsonObject body = response.json();
    assertThat(body.getBoolean("success")).isTrue();
    JsonObject visitor = body.getJsonObject("visitor");
    assertThat(visitor.getString("_id")).isEqualTo(id);
    assertThat(visitor.getString("token")).isEqualTo(registered.getString("token"));
    assertThat(visitor.getJsonObject("livechatData"))
        .isEqualTo(new JsonObject().put(ADDRESS_FIELD, "Rocket.Chat street"));
    assertThat(visitor.getJsonArray("visitorEmails")).isEqualTo(new JsonArray()
        .add(new JsonObject().put("address", registered.getString("token") + "@example.com")));
    assertThat(visitor.getJsonArray("phone").getJsonObject(0).getString("phoneNumber"))
        .isEqualTo(registered.getJsonArray("phone").getJsonObject(0).getString("phoneNumber"));
    assertThat(visitor).isEqualTo(MongoDocs.toApi(
        system.findOne(Collections.VISITORS, new JsonObject().put("_id", id))));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"livechat/visitors.info", "livechat/visitor.info"})
  @DisplayName("a call without visitorId answers 400 must have required property 'visitorId'")
  void missingVisitorIdIsRejected(String path) {
    Api.Response response = api.get(path, admin);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(invalidParams("must have required property 'visitorId'"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"livechat/visitors.info", "livechat/visitor.info"})
  @DisplayName("an extra query parameter answers 400 must NOT have additional properties")
  void extraParameterIsRejected(String path) {
    String id = visitors.create().getString("_id");

    Api.Response response = api.get(path + "?visitorId=" + id + "&extra=1", admin);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(invalidParams("must NOT have additional properties"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"livechat/visitors.info", "livechat/visitor.info"})
  @DisplayName("without credentials the call answers 401 with Restivus's body")
  void withoutCredentialsIsUnauthenticated(String path) {
    String id = visitors.create().getString("_id");

    Api.Response response = api.get(path + "?visitorId=" + id);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json()).isEqualTo(new JsonObject().put("status", "error")
        .put("message", "You must be logged in to do this."));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"livechat/visitors.info", "livechat/visitor.info"})
  @DisplayName("a disabled visitor answers 400 visitor-not-found")
  void disabledVisitorIsNotFound(String path) {
    String id = visitors.create().getString("_id");
    system.mongo().updateCollection(Collections.VISITORS, new JsonObject().put("_id", id),
        new JsonObject().put("$set", new JsonObject().put("disabled", true))).await();

    Api.Response response = api.get(path + "?visitorId=" + id, admin);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(new JsonObject().put("success", false).put("error", "visitor-not-found"));
  }

  /** Rocket.Chat's {@code createVisitor} test helper: a visitor with email, phone and the address custom field. */
  private static JsonObject registerWithAddress() {
    String token = TestSystem.randomToken();
    JsonObject visitor = new JsonObject().put("token", token).put("name", "Visitor " + System.nanoTime())
        .put("email", token + "@example.com").put("phone", Long.toString(System.nanoTime()))
        .put("customFields", new JsonArray().add(new JsonObject().put("key", ADDRESS_FIELD)
            .put("value", "Rocket.Chat street").put("overwrite", true)));
    Api.Response response = api.post("livechat/visitor", Map.of(), new JsonObject().put("visitor", visitor));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().getJsonObject("visitor");
  }

  private static JsonObject invalidParams(String message) {
    return new JsonObject().put("success", false).put("error", message + " [invalid-params]")
        .put("errorType", "invalid-params");
  }
}
