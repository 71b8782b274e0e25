package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import chat.rocket.livechat.gateway.web.Avatars;
import chat.rocket.livechat.gateway.web.LivechatWidget;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Livechat widget and the avatars through the whole system's gateway, as Rocket.Chat serves them (README.md, The
 * Livechat widget). The widget's tests need the build the gateway's Maven build fetched with npm; without npm they are
 * skipped (the gateway then answers 404, as the last test shows only when the build is absent).
 */
class LivechatWidgetTest {

  private static TestSystem system;
  private static String origin;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
    origin = "http://127.0.0.1:" + ConfigKey.PORT.get(system.config());
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  private static boolean widgetBuilt() {
    return LivechatWidgetTest.class.getClassLoader().getResource(LivechatWidget.CLASSPATH_DIR + "/index.html") != null;
  }

  private static Api.Response get(String path) {
    return system.api().getAbsolute(path, Map.of());
  }

  @Test
  @DisplayName("GET /livechat answers the widget's page with SERVER_URL set to the origin the browser asked for")
  void pageCarriesTheServerUrl() {
    assumeTrue(widgetBuilt(), "the widget was not built (no npm)");

    Api.Response page = get("/livechat");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(page.headers().get("Cache-Control")).isEqualTo("no-cache");
    assertThat(page.body()).contains("<body><script> SERVER_URL = '" + origin + "'; </script><script src=\"livechat/");
  }

  @Test
  @DisplayName("the loader of Rocket.Chat's embed snippet is served as JavaScript with cache headers, for any origin")
  void loaderIsServed() {
    assumeTrue(widgetBuilt(), "the widget was not built (no npm)");

    Api.Response loader = get("/livechat/rocketchat-livechat.min.js");

    assertThat(loader.status()).isEqualTo(200);
    assertThat(loader.contentType()).startsWith("text/javascript");
    assertThat(loader.headers().get("Cache-Control"))
        .isEqualTo("public, immutable, max-age=" + LivechatWidget.FILE_MAX_AGE_SECONDS);
    assertThat(loader.headers().get("Last-Modified")).isNotBlank();
    assertThat(loader.headers().get("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(loader.body()).contains("rocketchat-iframe");
  }

  @Test
  @DisplayName("every script the page names is served below /livechat/, and a revalidation answers 304")
  void pageScriptsResolve() {
    assumeTrue(widgetBuilt(), "the widget was not built (no npm)");
    String page = get("/livechat").body();
    Matcher scripts = Pattern.compile("src=\"(livechat/[^\"]+)\"").matcher(page);

    int count = 0;
    while (scripts.find()) {
      Api.Response script = get("/" + scripts.group(1));
      assertThat(script.status()).as(scripts.group(1)).isEqualTo(200);
      Api.Response again = system.api().getAbsolute("/" + scripts.group(1),
          Map.of("If-Modified-Since", script.headers().get("Last-Modified")));
      assertThat(again.status()).as(scripts.group(1)).isEqualTo(304);
      count++;
    }
    assertThat(count).isGreaterThanOrEqualTo(2);
  }

  @Test
  @DisplayName("an unknown widget file and /livechat/ with a trailing slash answer the API's 404")
  void unknownFileIs404() {
    assumeTrue(widgetBuilt(), "the widget was not built (no npm)");

    for (String path : new String[] {"/livechat/no-such-file.js", "/livechat/", "/livechat/../pom.xml"}) {
      Api.Response response = get(path);
      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(response.json()).as(path).isEqualTo(new JsonObject().put("success", false)
          .put("error", "API endpoint does not exist"));
    }
  }

  @Test
  @DisplayName("without the widget's build, /livechat answers 404 with a line saying it is not served")
  void notBuiltIs404() {
    assumeTrue(!widgetBuilt(), "the widget was built");

    Api.Response page = get("/livechat");

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.body()).isEqualTo(LivechatWidget.NOT_BUILT);
  }

  @Test
  @DisplayName("GET /avatar/:username answers Rocket.Chat's letter SVG, for unknown names too, with cache headers")
  void avatarIsALetterSvg() {
    Api.Response avatar = get("/avatar/nobody.known?size=64");

    assertThat(avatar.status()).isEqualTo(200);
    assertThat(avatar.contentType()).isEqualTo("image/svg+xml");
    assertThat(avatar.headers().get("Cache-Control")).isEqualTo("public, max-age=3600");
    assertThat(avatar.headers().get("Last-Modified")).isEqualTo(Avatars.LAST_MODIFIED);
    // "nobody.known" has 12 characters: colour 12 % 6 = 0, #158D65; font size 64 / 1.6 = 40.
    assertThat(avatar.body()).contains("viewBox=\"0 0 64 64\"", "fill=\"#158D65\"", "font-size=\"40\"", "\nN\n");
  }

  @Test
  @DisplayName("an avatar revalidated with Rocket.Chat's fixed Last-Modified answers 304")
  void avatarRevalidationIs304() {
    Api.Response avatar = system.api().getAbsolute("/avatar/@agent", Map.of("If-Modified-Since",
        Avatars.LAST_MODIFIED));

    assertThat(avatar.status()).isEqualTo(304);
  }
}
