package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.gateway.http.Endpoint;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/openapi.yaml}, served as JSON on {@code GET /api/v1/openapi.json}, documents exactly the routes of the
 * gateway's Router ({@link Endpoint}, the only list the Router is built from), and every documented route answers.
 */
class OpenApiDocumentTest {

  private static TestSystem system;
  private static JsonObject served;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
    Api.Response response = system.api().get("openapi.json");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json");
    served = response.json();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  @DisplayName("the gateway serves docs/openapi.yaml as JSON, and it is a valid OpenAPI 3.1 document")
  void servesTheYamlAsValidOpenApi31() throws IOException {
    Object yaml = new ObjectMapper(new YAMLFactory()).readValue(Path.of("..", "docs", "openapi.yaml").toFile(),
        Object.class);

    assertThat(served).isEqualTo(JsonObject.mapFrom(yaml));
    assertThat(served.getString("openapi")).startsWith("3.1.");
    OpenAPIContract contract = OpenAPIContract.from(system.serviceVertx(), served.copy()).await();
    assertThat(contract.operations()).hasSize(Endpoint.values().length);
  }

  @Test
  @DisplayName("every route of the gateway's Router is documented, and every documented route is a route")
  void documentedRoutesAreTheRoutes() {
    Set<String> routes = Arrays.stream(Endpoint.values())
        .map(endpoint -> endpoint.method().name() + " " + endpoint.openApiPath())
        .collect(Collectors.toSet());

    assertThat(documentedOperations()).containsExactlyInAnyOrderElementsOf(routes);
  }

  @Test
  @DisplayName("every documented route answers through real HTTP, none with 404")
  void documentedRoutesAnswer() {
    for (String operation : documentedOperations()) {
      String[] parts = operation.split(" ", 2);
      HttpMethod method = HttpMethod.valueOf(parts[0]);
      String path = parts[1].replaceAll("\\{[^}]+}", "some-token");
      Object body = method == HttpMethod.GET ? null : new JsonObject();

      Api.Response response = system.api().sendAbsolute(method, path, Map.of(), body);

      assertThat(response.status()).as("%s answered %s", operation, response.body()).isNotEqualTo(404);
    }
  }

  @Test
  @DisplayName("an undocumented path answers 404 in Rocket.Chat's shape")
  void undocumentedPathIs404() {
    Api.Response response = system.api().get("livechat/undocumented");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json()).isEqualTo(new JsonObject().put("success", false)
        .put("error", "API endpoint does not exist"));
  }

  /** @return {@code "<METHOD> <path>"} of every operation of the served document */
  private static Set<String> documentedOperations() {
    Set<String> operations = new HashSet<>();
    JsonObject paths = served.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      for (String method : paths.getJsonObject(path).fieldNames()) {
        operations.add(method.toUpperCase(Locale.ROOT) + " " + path);
      }
    }
    return operations;
  }
}
