package chat.rocket.livechat.gateway.messaging;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) in the test JVM, on free ports and a fresh
 * log directory, from Kafka's own server artifacts (test scope). The standalone's {@code EmbeddedKafka} does the same
 * for the product, but the gateway sits below the standalone and cannot use it.
 */
final class TestBroker implements AutoCloseable {

  private static final String CONTROLLER = "CONTROLLER";

  private final KafkaRaftServer server;
  private final Path logDir;
  private final String bootstrapServers;

  private TestBroker(KafkaRaftServer server, Path logDir, String bootstrapServers) {
    this.server = server;
    this.logDir = logDir;
    this.bootstrapServers = bootstrapServers;
  }

  /** @return a running broker (about 2 s) */
  static TestBroker start() throws Exception {
    Path logDir = Files.createTempDirectory("gateway-test-kafka-");
    int port = freePort();
    int controllerPort = freePort();
    new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream())).setNodeId(1)
        .setClusterId(Uuid.randomUuid().toString()).setDirectories(List.of(logDir.toString()))
        .setMetadataLogDirectory(logDir.toString()).setControllerListenerName(CONTROLLER).run();
    Map<String, Object> props = Map.ofEntries(
        Map.entry("process.roles", "broker,controller"),
        Map.entry("node.id", "1"),
        Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
        Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER + "://127.0.0.1:" + controllerPort),
        Map.entry("controller.listener.names", CONTROLLER),
        Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT"),
        Map.entry("log.dirs", logDir.toString()),
        Map.entry("offsets.topic.replication.factor", "1"),
        Map.entry("offsets.topic.num.partitions", "1"),
        Map.entry("group.initial.rebalance.delay.ms", "0"),
        Map.entry("auto.create.topics.enable", "false"));
    KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
    server.startup();
    return new TestBroker(server, logDir, "127.0.0.1:" + port);
  }

  /** @return {@code host:port} for {@code bootstrap.servers} */
  String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
    server.awaitShutdown();
    try (Stream<Path> paths = Files.walk(logDir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
