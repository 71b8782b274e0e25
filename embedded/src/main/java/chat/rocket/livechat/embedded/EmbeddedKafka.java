package chat.rocket.livechat.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller) inside this JVM, built from
 * Kafka's own server artifacts. Its log directory is formatted only when it is new, so a restart keeps every topic,
 * record and committed offset. Settings favour a single local node: replication factor 1 for internal topics, no
 * initial rebalance delay, no automatic topic creation (components create their topics), and a log cleaner sized for
 * the few keys a compacted topic holds here ({@link #CLEANER_DEDUPE_BYTES}). The standalone runs it on its data
 * directory ({@link #start}); tests run a throw-away one on free ports ({@link #startTemporary}).
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final String CONTROLLER = "CONTROLLER";
  private static final int NODE_ID = 1;
  /**
   * The log cleaner's dedupe buffer in bytes ({@code log.cleaner.dedupe.buffer.size}): 4 MiB, room for about 170 k
   * distinct keys per cleaning pass (24 bytes a key). Kafka's default, 128 MiB, is allocated on the heap when the
   * broker starts, used or not: half the standalone's live heap at 1 k rooms (heap dump, bench/results.md). The only
   * compacted topic here is {@code __consumer_offsets}, one key per group and partition (a few hundred); Kafka
   * requires more than 1 MiB per cleaner thread.
   */
  static final long CLEANER_DEDUPE_BYTES = 4L * 1024 * 1024;

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  /** The log directory deleted on {@link #close()}, or null to keep it. */
  private final Path temporaryDir;

  private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Path temporaryDir) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.temporaryDir = temporaryDir;
  }

  /**
   * Formats {@code logDir} if it is new and starts the broker. Blocks for the start-up (about 2 s).
   *
   * @param logDir         the broker's log directory (created when missing)
   * @param host           address to listen on, e.g. {@code 127.0.0.1}
   * @param port           client port, e.g. 9092
   * @param controllerPort KRaft controller port, e.g. 9093
   * @return the running broker
   * @throws Exception when the directory cannot be formatted or a port is taken
   */
  public static EmbeddedKafka start(Path logDir, String host, int port, int controllerPort) throws Exception {
    return start(logDir, host, port, controllerPort, null);
  }

  /**
   * Starts a throw-away broker for a test class: a fresh log directory under {@code java.io.tmpdir}, deleted on
   * {@link #close()}, and free ports on {@code 127.0.0.1}. Blocks for the start-up (about 2 s).
   *
   * @return the running broker
   * @throws Exception when no port is free or the broker does not start
   */
  public static EmbeddedKafka startTemporary() throws Exception {
    Path logDir = Files.createTempDirectory("embedded-kafka-");
    return start(logDir, "127.0.0.1", freePort(), freePort(), logDir);
  }

  private static EmbeddedKafka start(Path logDir, String host, int port, int controllerPort, Path temporaryDir)
      throws Exception {
    Files.createDirectories(logDir);
    KafkaConfig config = new KafkaConfig(properties(logDir, host, port, controllerPort), false);
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(logDir);
    }
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    try {
      server.startup();
    } catch (RuntimeException e) {
      server.shutdown();
      throw e;
    }
    return new EmbeddedKafka(server, host + ":" + port, temporaryDir);
  }

  /** @return {@code host:port} for clients' {@code bootstrap.servers} */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /**
   * Stops the broker and waits until it has flushed and closed its log; a temporary broker's log is then deleted.
   *
   * @throws UncheckedIOException when a temporary log directory cannot be deleted
   */
  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    if (temporaryDir != null) {
      deleteRecursively(temporaryDir);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void format(Path logDir) throws Exception {
    new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .setNodeId(NODE_ID)
        .setClusterId(Uuid.randomUuid().toString())
        .setDirectories(List.of(logDir.toString()))
        .setMetadataLogDirectory(logDir.toString())
        .setControllerListenerName(CONTROLLER)
        .run();
  }

  private static Map<String, Object> properties(Path logDir, String host, int port, int controllerPort) {
    Map<String, Object> props = new HashMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", Integer.toString(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
    props.put("listeners", "PLAINTEXT://" + host + ":" + port + "," + CONTROLLER + "://" + host + ":" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
    props.put("controller.listener.names", CONTROLLER);
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", logDir.toString());
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("auto.create.topics.enable", "false");
    props.put("num.partitions", "12");
    props.put("log.cleaner.dedupe.buffer.size", Long.toString(CLEANER_DEDUPE_BYTES));
    return props;
  }
}
