package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.Headers;
import chat.rocket.livechat.contracts.Topics;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * With {@code TRACING=otlp} the W3C trace context of an HTTP request travels through the command, the reply and the
 * events on Kafka, and spans are exported over OTLP/HTTP to {@code OTLP_ENDPOINT} (here a small fake collector that
 * accepts {@code POST /v1/traces}).
 */
class TracingTest {

  private static final String GATEWAY_ID = "tracing-test";
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";
  private static final CompletableFuture<String> EXPORTED = new CompletableFuture<>();
  private static Vertx collectorVertx;
  private static TestSystem system;

  @BeforeAll
  static void start() {
    collectorVertx = Vertx.vertx();
    HttpServer collector = collectorVertx.createHttpServer().requestHandler(request -> request.body()
        .onSuccess(body -> {
          EXPORTED.complete(request.method() + " " + request.path() + " " + request.getHeader("Content-Type"));
          request.response().setStatusCode(200).putHeader("Content-Type", "application/x-protobuf").end();
        }));
    int port = collector.listen(0).await().actualPort();
    system = TestSystem.start(Map.of("TRACING", "otlp", "OTLP_ENDPOINT", "http://127.0.0.1:" + port,
        "GATEWAY_INSTANCE_ID", GATEWAY_ID));
  }

  @AfterAll
  static void stop() {
    system.close();
    collectorVertx.close().await();
  }

  @Test
  @DisplayName("the command, its reply and the room event carry a traceparent of the incoming request's trace")
  void traceContextTravelsThroughKafka() {
    Visitors visitors = new Visitors(system.api());
    String token = visitors.create().getString("token");

    Api.Response response = system.api().get("livechat/room?token=" + token, Map.of(Headers.TRACEPARENT, TRACEPARENT));

    assertThat(response.status()).isEqualTo(200);
    String rid = response.json().getJsonObject("room").getString("_id");
    ConsumerRecord<String, String> command = single(Topics.ROOM_COMMANDS, record -> token.equals(record.key()));
    assertThat(traceIdOf(command)).isEqualTo(TRACE_ID);
    String correlationId = Events.header(command, Headers.CORRELATION_ID);
    ConsumerRecord<String, String> reply = single(Topics.replies(GATEWAY_ID),
        record -> correlationId.equals(Events.header(record, Headers.CORRELATION_ID)));
    assertThat(traceIdOf(reply)).isEqualTo(TRACE_ID);
    ConsumerRecord<String, String> event = single(Topics.ROOM_EVENTS, record -> rid.equals(record.key()));
    assertThat(traceIdOf(event)).isEqualTo(TRACE_ID);
  }

  @Test
  @DisplayName("a request without traceparent starts a new trace that its command carries")
  void requestWithoutTraceparentStartsATrace() {
    String token = new Visitors(system.api()).create().getString("token");

    assertThat(system.api().get("livechat/visitor/" + token).status()).isEqualTo(200);

    ConsumerRecord<String, String> command = single(Topics.VISITOR_COMMANDS,
        record -> token.equals(record.key()) && CommandType.VISITOR_GET_BY_TOKEN.wireName().equals(Events.header(record,
            Headers.COMMAND_TYPE)));
    assertThat(Events.header(command, Headers.TRACEPARENT)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    assertThat(traceIdOf(command)).isNotEqualTo(TRACE_ID);
  }

  @Test
  @DisplayName("spans are exported as OTLP/HTTP protobuf to OTLP_ENDPOINT/v1/traces")
  void spansAreExported() throws Exception {
    assertThat(new Visitors(system.api()).create().getString("token")).isNotEmpty();

    // The batch span processor exports every 5 s by default.
    assertThat(EXPORTED.get(30, TimeUnit.SECONDS)).isEqualTo("POST /v1/traces application/x-protobuf");
  }

  private static ConsumerRecord<String, String> single(String topic,
                                                       java.util.function.Predicate<ConsumerRecord<String, String>>
                                                           matches) {
    List<ConsumerRecord<String, String>> records = Events.read(system.bootstrapServers(), topic, matches,
        Duration.ofSeconds(10));
    assertThat(records).as("records on %s", topic).hasSize(1);
    return records.get(0);
  }

  private static String traceIdOf(ConsumerRecord<String, String> record) {
    String traceparent = Events.header(record, Headers.TRACEPARENT);
    assertThat(traceparent).as("traceparent of a record on %s", record.topic()).isNotNull();
    return traceparent.split("-")[1];
  }
}
