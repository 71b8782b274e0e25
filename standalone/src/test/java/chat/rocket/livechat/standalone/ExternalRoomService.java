package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.platform.runtime.ConfigKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A room-service started as its own JVM on the test system's broker and store, without an ops server.
 *
 * @param process its process
 * @param ready   counted down when it logged that it is ready
 * @param output  what it printed so far
 */
record ExternalRoomService(Process process, CountDownLatch ready, StringBuffer output) {

  /** Starts one with {@code OUTBOX_CRASH_POINT} = {@code crashPoint}; {@link #awaitReady} waits for it. */
  static ExternalRoomService launch(TestSystem system, String crashPoint) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx256m", "-cp",
        System.getProperty("java.class.path"), chat.rocket.livechat.room.Main.class.getName())
        .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    for (ConfigKey key : ConfigKey.values()) {
      env.put(key.env(), key.get(system.config()));
    }
    env.put(ConfigKey.MANAGEMENT_PORT.env(), "0");
    env.put(ConfigKey.OUTBOX_CRASH_POINT.env(), crashPoint);
    ExternalRoomService external = new ExternalRoomService(builder.start(), new CountDownLatch(1), new StringBuffer());
    Thread reader = new Thread(external::readOutput, "external-room-service-output");
    reader.setDaemon(true);
    reader.start();
    return external;
  }

  void awaitReady() throws InterruptedException {
    assertThat(ready.await(90, TimeUnit.SECONDS)).as("external room-service ready; its output:%n%s", output)
        .isTrue();
  }

  private void readOutput() {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.append(line).append('\n');
        if (line.contains("room-service ready")) {
          ready.countDown();
        }
      }
    } catch (IOException e) {
      // the process was killed
    }
  }
}
