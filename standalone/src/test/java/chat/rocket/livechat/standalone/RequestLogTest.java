package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import chat.rocket.livechat.contracts.Headers;
import chat.rocket.livechat.contracts.Topics;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * The gateway's request log (README.md, Operating): one INFO line per HTTP request with method, route, status,
 * duration and the correlation ids of its commands, and never a secret. Lines are captured by a Logback appender on
 * the root logger of the test JVM, which runs the whole system.
 */
class RequestLogTest {

  private static final String REQUEST_LOG = "chat.rocket.livechat.gateway.http.RequestLog";
  private static TestSystem system;
  private CapturedLog captured;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @BeforeEach
  void capture() {
    captured = new CapturedLog();
    captured.start();
    root().addAppender(captured);
  }

  @AfterEach
  void release() {
    root().detachAppender(captured);
  }

  @Test
  @DisplayName("a request is logged once at INFO with method, route, status, duration and its command's correlation id")
  void requestLineHasItsFields() {
    String token = new Visitors(system.api()).create().getString("token");

    assertThat(system.api().get("livechat/room?token=" + token).status()).isEqualTo(200);

    ILoggingEvent line = awaitRequestLine(event -> "/api/v1/livechat/room".equals(pairs(event).get("route")));
    Map<String, Object> fields = pairs(line);
    assertThat(line.getLevel().toString()).isEqualTo("INFO");
    assertThat(fields).containsEntry("method", "GET").containsEntry("status", 200);
    assertThat((Long) fields.get("durationMs")).isGreaterThanOrEqualTo(0);
    String correlationId = (String) fields.get("correlationId");
    assertThat(line.getFormattedMessage()).isEqualTo("GET /api/v1/livechat/room 200 " + fields.get("durationMs")
        + " ms correlation-id=" + correlationId);
    List<ConsumerRecord<String, String>> commands = Events.read(system.bootstrapServers(), Topics.ROOM_COMMANDS,
        record -> token.equals(record.key()), Duration.ofSeconds(10));
    assertThat(commands).hasSize(1);
    assertThat(Events.header(commands.get(0), Headers.CORRELATION_ID)).isEqualTo(correlationId);
  }

  @Test
  @DisplayName("a request that sends several commands lists their correlation ids; one that sends none logs -")
  void correlationIdsOfSeveralOrNoCommands() {
    Visitors visitors = new Visitors(system.api());
    JsonObject visitor = visitors.create();
    String rid = visitors.createRoom(visitor.getString("token")).getString("_id");

    assertThat(system.api().post("livechat/room.saveInfo", system.adminHeaders(), Visitors.saveInfo(
        new JsonObject().put("_id", visitor.getString("_id")), new JsonObject().put("_id", rid).put("topic", "t")))
        .status()).isEqualTo(200);
    assertThat(system.api().get("livechat/room").status()).isEqualTo(400);

    String saveInfoIds = (String) pairs(awaitRequestLine(
        event -> "/api/v1/livechat/room.saveInfo".equals(pairs(event).get("route")))).get("correlationId");
    assertThat(saveInfoIds.split(",")).hasSize(4).doesNotHaveDuplicates();
    assertThat(pairs(awaitRequestLine(event -> Integer.valueOf(400).equals(pairs(event).get("status"))
        && "/api/v1/livechat/room".equals(pairs(event).get("route")))).get("correlationId")).isEqualTo("-");
  }

  @Test
  @DisplayName("a path with a visitor token is logged by its route template, and no visitor or login token reaches "
      + "the log")
  void noSecretsInTheLog() {
    String visitorToken = TestSystem.randomToken();
    new Visitors(system.api()).create(visitorToken, "Mary");
    Map<String, String> admin = system.api().login(TestSystem.ADMIN, TestSystem.ADMIN);

    assertThat(system.api().get("livechat/visitor/" + visitorToken).status()).isEqualTo(200);
    assertThat(system.api().get("livechat/visitors.info?visitorId=nobody", admin).status()).isEqualTo(400);
    assertThat(system.api().get("livechat/nothing-here/" + visitorToken).status()).isEqualTo(404);

    awaitRequestLine(event -> "/api/v1/livechat/visitor/:token".equals(pairs(event).get("route")));
    awaitRequestLine(event -> "/api/v1/livechat/visitors.info".equals(pairs(event).get("route")));
    assertThat(awaitRequestLine(event -> Integer.valueOf(404).equals(pairs(event).get("status")))
        .getFormattedMessage()).startsWith("GET unmatched 404 ");
    String everything = captured.all().stream()
        .map(event -> event.getFormattedMessage() + " " + event.getKeyValuePairs())
        .collect(Collectors.joining("\n"));
    assertThat(everything).doesNotContain(visitorToken).doesNotContain(admin.get("X-Auth-Token"));
  }

  private ILoggingEvent awaitRequestLine(Predicate<ILoggingEvent> matches) {
    // The line is written when the response ended, which can be a moment after the client read it.
    List<ILoggingEvent> lines = Waits.upTo("a matching request line", Duration.ofSeconds(5))
        .until(() -> captured.all().stream()
            .filter(event -> REQUEST_LOG.equals(event.getLoggerName()) && matches.test(event)).toList(),
            found -> !found.isEmpty());
    assertThat(lines).as("one line per request").hasSize(1);
    return lines.get(0);
  }

  /** Keeps every event. */
  private static final class CapturedLog extends AppenderBase<ILoggingEvent> {

    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
      events.add(event);
    }

    List<ILoggingEvent> all() {
      return List.copyOf(events);
    }
  }

  private static Map<String, Object> pairs(ILoggingEvent event) {
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    return pairs == null ? Map.of() : pairs.stream().collect(Collectors.toMap(pair -> pair.key, pair -> pair.value));
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
