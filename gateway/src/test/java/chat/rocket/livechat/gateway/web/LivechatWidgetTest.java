package chat.rocket.livechat.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The widget page's {@code SERVER_URL} (Rocket.Chat's {@code addServerUrlToIndex}): {@code ROOT_URL} when set, else
 * the origin the browser asked for, through a real HTTP server. Needs the widget's build (npm at build time).
 */
class LivechatWidgetTest {

  private Vertx vertx;
  private HttpClient client;
  private HttpServer server;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    // Held in a field: Vert.x closes a client that became unreachable ("Pool closed" mid-request).
    client = vertx.createHttpClient();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private int serve(JsonObject config) {
    Router router = Router.router(vertx);
    LivechatWidget.load(vertx, config).await().mount(router);
    server = vertx.createHttpServer().requestHandler(router).listen(0).await();
    return server.actualPort();
  }

  private String page(int port, String host) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setPort(port).setHost("127.0.0.1")
        .setURI(LivechatWidget.PATH).putHeader("Host", host);
    return client.request(options)
        .compose(request -> request.send())
        .compose(HttpClientResponse::body).await().toString();
  }

  private static boolean built() {
    return LivechatWidgetTest.class.getClassLoader().getResource(LivechatWidget.CLASSPATH_DIR + "/index.html") != null;
  }

  @Test
  @DisplayName("with ROOT_URL set, the page's SERVER_URL is ROOT_URL without its trailing slash, whatever the Host")
  void rootUrlWins() {
    assumeTrue(built(), "the widget was not built (no npm)");
    int port = serve(new JsonObject().put(ConfigKey.ROOT_URL.name(), "https://chat.example.com/"));

    assertThat(page(port, "internal:8080")).contains("<script> SERVER_URL = 'https://chat.example.com'; </script>");
  }

  @Test
  @DisplayName("without ROOT_URL, SERVER_URL is the Host the browser asked for, and a hostile Host is never reflected")
  void hostileHostIsNotReflected() {
    assumeTrue(built(), "the widget was not built (no npm)");
    int port = serve(new JsonObject());

    assertThat(page(port, "chat.example.org:3000")).contains("SERVER_URL = 'http://chat.example.org:3000';");
    // Vert.x refuses such a Host with 400 itself; LivechatWidget would answer http://localhost.
    assertThat(page(port, "x'</script><script>alert(1)//")).doesNotContain("alert(1)");
  }

  @Test
  @DisplayName("a ROOT_URL that is no http(s) URL fails the start, naming the variable")
  void malformedRootUrlFails() {
    assertThatThrownBy(() -> LivechatWidget.load(vertx, new JsonObject().put(ConfigKey.ROOT_URL.name(),
        "javascript:alert('x')")).await())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ROOT_URL");
  }
}
