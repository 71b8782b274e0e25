package chat.rocket.livechat.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/** {@code logback.xml} of every deployable: plain lines by default, one JSON object per line with LOG_FORMAT=json. */
class LogFormatTest {

  @Test
  @DisplayName("without LOG_FORMAT the console writes plain lines")
  void plainByDefault() throws JoranException {
    Logger root = configure(null).getLogger(Logger.ROOT_LOGGER_NAME);

    assertThat(encoder(root)).isInstanceOf(PatternLayoutEncoder.class);
    assertThat(encode(root)).endsWith("INFO  [main] c.r.l.p.r.LogFormatTest - "
        + "GET /api/v1/livechat/room 200 4 ms correlation-id=c1\n");
  }

  @Test
  @DisplayName("with LOG_FORMAT=json the console writes one JSON object per line with the key-value pairs")
  void jsonWhenAsked() throws JoranException {
    Logger root = configure("json").getLogger(Logger.ROOT_LOGGER_NAME);

    assertThat(encoder(root)).isInstanceOf(JsonEncoder.class);
    String line = encode(root);

    assertThat(line).endsWith("\n").doesNotContain("\n\n");
    JsonObject json = new JsonObject(line.trim());
    assertThat(json.getString("level")).isEqualTo("INFO");
    assertThat(json.getString("loggerName")).isEqualTo(LogFormatTest.class.getName());
    assertThat(json.getString("formattedMessage")).isEqualTo("GET /api/v1/livechat/room 200 4 ms correlation-id=c1");
    JsonArray pairs = json.getJsonArray("kvpList");
    assertThat(pairs.getList()).hasSize(2);
    assertThat(pairs.encode()).contains("\"route\":\"/api/v1/livechat/room\"").contains("\"status\":\"200\"");
  }

  private static LoggerContext configure(String logFormat) throws JoranException {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    if (logFormat != null) {
      context.putProperty(ConfigKey.LOG_FORMAT.env(), logFormat);
    }
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
    return context;
  }

  @Test
  @DisplayName("the console is written by a thread of its own that keeps every line, so no event loop waits on it")
  void consoleWrittenAsynchronously() throws JoranException {
    Logger root = configure(null).getLogger(Logger.ROOT_LOGGER_NAME);

    AsyncAppender async = (AsyncAppender) root.getAppender("ASYNC");
    assertThat(async.isStarted()).isTrue();
    assertThat(async.getDiscardingThreshold()).as("INFO lines are never dropped").isZero();
    assertThat(async.isNeverBlock()).as("a full queue makes the logger wait rather than lose lines").isFalse();
    assertThat(async.getAppender("STDOUT")).isInstanceOf(ConsoleAppender.class);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Encoder<ILoggingEvent> encoder(Logger root) {
    assertThat(root.getLoggerContext().getStatusManager().getCopyOfStatusList())
        .as("no configuration warning").allMatch(status -> status.getLevel() == Status.INFO);
    AsyncAppender async = (AsyncAppender) root.getAppender("ASYNC");
    return ((OutputStreamAppender) async.getAppender("STDOUT")).getEncoder();
  }

  private static String encode(Logger root) {
    LoggingEvent event = new LoggingEvent(Logger.FQCN, root.getLoggerContext().getLogger(LogFormatTest.class),
        Level.INFO, "{} {} {} {} ms correlation-id={}", null,
        new Object[] {"GET", "/api/v1/livechat/room", 200, 4, "c1"});
    event.setThreadName("main");
    event.setKeyValuePairs(List.of(new KeyValuePair("route", "/api/v1/livechat/room"),
        new KeyValuePair("status", 200)));
    byte[] bytes = encoder(root).encode(event);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
