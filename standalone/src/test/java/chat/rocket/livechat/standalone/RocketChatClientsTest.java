package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import chat.rocket.livechat.gateway.GatewayVerticle;
import chat.rocket.livechat.gateway.web.LivechatWidget;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rocket.Chat's own clients against the whole system (README.md, The Livechat widget): {@code e2e/conversation.mjs}
 * drives a conversation with {@code @rocket.chat/ddp-client}'s {@code LivechatClientImpl} (REST and DDP), through one
 * gateway and through two (visitor on one, agent on a second gateway deployed beside the system's, so every realtime
 * event crosses Kafka); {@code e2e/widget.mjs} drives the published widget in headless Chromium. The scripts need Node
 * and their dependencies ({@code e2e/install.sh}, run by this module's build when npm exists), the widget's test also
 * Chromium and the widget's build: without them the tests are skipped. Each script bounds its own steps (10 s); the
 * test bounds the whole run.
 */
class RocketChatClientsTest {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Path E2E = REPO.resolve("e2e");
  private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  private static final long SCRIPT_TIMEOUT_SECONDS = 180;

  private static TestSystem system;
  private static String firstGateway;
  private static String secondGateway;
  private static String secondDeployment;

  @BeforeAll
  static void start() throws IOException {
    assumeTrue(Files.isDirectory(E2E.resolve("node_modules/@rocket.chat/ddp-client")) && nodeAvailable(),
        "Node or the e2e clients are missing (e2e/install.sh)");
    system = TestSystem.start();
    firstGateway = "http://127.0.0.1:" + ConfigKey.PORT.get(system.config());
    int port = TestSystem.freePort();
    JsonObject second = system.config().copy().put(ConfigKey.PORT.name(), Integer.toString(port))
        .put(ConfigKey.GATEWAY_INSTANCE_ID.name(), "second-gateway-" + port);
    secondDeployment = system.serviceVertx().deployVerticle(GatewayVerticle.class.getName(),
        new DeploymentOptions().setConfig(second)).await();
    secondGateway = "http://127.0.0.1:" + port;
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.serviceVertx().undeploy(secondDeployment).await();
      system.close();
    }
  }

  @Test
  @DisplayName("Rocket.Chat's ddp-client holds a whole conversation through one gateway, from config to the next room")
  void conversationThroughOneGateway() throws Exception {
    JsonObject summary = run("conversation.mjs", firstGateway);

    assertConversation(summary);
  }

  @Test
  @DisplayName("Rocket.Chat's ddp-client holds a conversation with the visitor on one gateway, the agent on another")
  void conversationThroughTwoGateways() throws Exception {
    JsonObject summary = run("conversation.mjs", firstGateway, secondGateway);

    assertConversation(summary);
    assertThat(summary.getString("agentApiUrl")).isEqualTo(secondGateway);
  }

  @Test
  @DisplayName("the published widget, embedded on another origin, lets a visitor register, chat and finish the chat")
  void widgetInHeadlessChromium() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);
    assumeTrue(getClass().getClassLoader().getResource(LivechatWidget.CLASSPATH_DIR + "/index.html") != null,
        "the widget was not built (no npm)");

    Path finished = E2E.resolve("out/08-finished.png");
    Files.deleteIfExists(finished);

    JsonObject summary = run("widget.mjs", firstGateway);

    assertThat(summary.getString("rid")).isNotBlank();
    assertThat(finished).as("the screenshot of the finished chat").exists();
  }

  private static void assertConversation(JsonObject summary) {
    assertThat(summary.getString("rid")).isNotBlank();
    assertThat(summary.getString("nextRid")).isNotBlank().isNotEqualTo(summary.getString("rid"));
    assertThat(summary.getString("agent")).isEqualTo(TestSystem.ADMIN);
    assertThat(summary.getJsonArray("received").getList()).contains("message", "livechat-close");
    assertThat(summary.getString("status")).isEqualTo("away");
  }

  /**
   * Runs {@code node e2e/<script> <args>} with the test system's admin as the agent.
   *
   * @return the script's summary line, after asserting exit status 0 and {@code "ok": true}
   */
  private static JsonObject run(String script, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", E2E.resolve(script).toString()));
    command.addAll(List.of(args));
    Path out = Files.createDirectories(E2E.resolve("out"));
    Path stdout = out.resolve(script + ".stdout.log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(E2E.toFile())
        .redirectOutput(stdout.toFile()).redirectError(out.resolve(script + ".stderr.log").toFile());
    builder.environment().put("E2E_ADMIN_USER", TestSystem.ADMIN);
    builder.environment().put("E2E_ADMIN_PASS", TestSystem.ADMIN);
    Process process = builder.start();
    boolean finished = process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
    String last = lines.isEmpty() ? "{}" : lines.get(lines.size() - 1);
    assertThat(finished).as("%s finished within %d s: %s", script, SCRIPT_TIMEOUT_SECONDS, last).isTrue();
    assertThat(process.exitValue()).as("%s exit status, summary %s", script, last).isZero();
    JsonObject summary = new JsonObject(last);
    assertThat(summary.getBoolean("ok")).as(last).isTrue();
    return summary;
  }

  private static boolean nodeAvailable() {
    try {
      return new ProcessBuilder("node", "--version").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
