package chat.rocket.livechat.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The realtime benchmark's client (bench/realtime.py), a JVM of its own beside the system: opens
 * {@code BENCH_SOCKETS} DDP websockets to one gateway, socket {@code i} following seeded room {@code i}
 * ({@link BenchSeeder}, so {@code BENCH_ROOMS} must be at least the socket count), then runs {@link MessageLoad} with
 * {@code BENCH_SENDERS} concurrent senders: a {@code BENCH_WARMUP_S} warm-up, then {@code BENCH_DURATION_S}
 * measured. Prints one JSON line: {@code {sockets, connectMs, rssBeforeKb, rssSocketsKb, rssEndKb,
 * messagesPerSecond, acknowledged, errors, delivered, lost, httpP50Ms, httpP99Ms, deliveryP50Ms, deliveryP99Ms,
 * deliveryMaxMs, serverCpuMs, cpuMsPerMessage, clientCpuMs, clientCpuMsPerMessage}}: the RSS figures and the CPU time
 * (during the measured run, in ms, and per acknowledged message) of process {@code BENCH_SERVER_PID} (0 when unset) and
 * of this client, the load generator. The measured run is framed by the lines {@value #MEASURE_START} and
 * {@value #MEASURE_END} on standard output, printed as it starts and ends (bench/realtime.py splits the system's CPU
 * by thread between them). Exit status 1 when the sockets cannot all be opened and subscribed.
 */
public final class RealtimeBench {

  /** Printed alone on a line as the measured run starts. */
  public static final String MEASURE_START = "measure: start";
  /** Printed alone on a line as the measured run ends. */
  public static final String MEASURE_END = "measure: end";

  private RealtimeBench() {
  }

  /**
   * @param args ignored; environment {@code PORT} (3000), {@code BENCH_SOCKETS} (1000), {@code BENCH_SENDERS} (64),
   *             {@code BENCH_WARMUP_S} (5), {@code BENCH_DURATION_S} (20), {@code BENCH_CONNECT_BATCH} (250 sockets
   *             opened at a time), {@code BENCH_SERVER_PID}
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    int port = Integer.parseInt(env.getOrDefault("PORT", "3000"));
    int sockets = Integer.parseInt(env.getOrDefault("BENCH_SOCKETS", "1000"));
    int senders = Integer.parseInt(env.getOrDefault("BENCH_SENDERS", "64"));
    int warmup = Integer.parseInt(env.getOrDefault("BENCH_WARMUP_S", "5"));
    int duration = Integer.parseInt(env.getOrDefault("BENCH_DURATION_S", "20"));
    int batch = Integer.parseInt(env.getOrDefault("BENCH_CONNECT_BATCH", "250"));
    long serverPid = Long.parseLong(env.getOrDefault("BENCH_SERVER_PID", "0"));
    Vertx vertx = Vertx.vertx();
    try {
      MessageLoad load = new MessageLoad(vertx, port, sockets, senders);
      WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(sockets));
      JsonObject report = new JsonObject().put("sockets", sockets).put("senders", senders)
          .put("rssBeforeKb", rssKb(serverPid));
      long started = System.nanoTime();
      List<DdpSocket> open = openAll(client, port, sockets, batch, load);
      report.put("connectMs", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
          .put("rssSocketsKb", rssKb(serverPid));
      load.run(warmup, senders).await(warmup + 60L, TimeUnit.SECONDS);
      long self = ProcessHandle.current().pid();
      mark(MEASURE_START);
      long cpuBefore = cpuMs(serverPid);
      long clientBefore = cpuMs(self);
      MessageLoad.Stats stats = load.run(duration, senders).await(duration + 60L, TimeUnit.SECONDS);
      long cpu = cpuMs(serverPid) - cpuBefore;
      long clientCpu = cpuMs(self) - clientBefore;
      mark(MEASURE_END);
      double messages = Math.max(1, stats.acknowledged());
      report.mergeIn(stats.toJson()).put("rssEndKb", rssKb(serverPid)).put("serverCpuMs", cpu)
          .put("cpuMsPerMessage", stats.acknowledged() == 0 ? 0 : cpu / messages).put("clientCpuMs", clientCpu)
          .put("clientCpuMsPerMessage", stats.acknowledged() == 0 ? 0 : clientCpu / messages);
      System.out.println(report.encode());
      Future.all(open.stream().map(DdpSocket::close).toList()).await(1, TimeUnit.MINUTES);
    } catch (Exception e) {
      System.err.println("realtime benchmark failed: " + e.getMessage());
      System.exit(1);
    } finally {
      vertx.close().await(1, TimeUnit.MINUTES);
    }
  }

  private static void mark(String line) {
    System.out.println(line);
    System.out.flush();
  }

  /** Opens and subscribes the sockets {@code batch} at a time (a burst of 10 k handshakes would only queue). */
  private static List<DdpSocket> openAll(WebSocketClient client, int port, int sockets, int batch,
                                         MessageLoad load) throws Exception {
    List<DdpSocket> open = new ArrayList<>();
    for (int from = 0; from < sockets; from += batch) {
      List<Future<DdpSocket>> opening = new ArrayList<>();
      for (long room = from; room < Math.min(sockets, from + batch); room++) {
        opening.add(DdpSocket.open(client, port, BenchSeeder.roomId(room), "bench-" + room, load::delivered));
      }
      Future.all(opening).await(2, TimeUnit.MINUTES);
      opening.forEach(socket -> open.add(socket.result()));
    }
    return open;
  }

  /**
   * @return the user + system CPU time process {@code pid} has used, in ms ({@code /proc/<pid>/stat} fields 14 and
   *     15, in clock ticks of 10 ms); 0 when {@code pid} is unset
   */
  private static long cpuMs(long pid) throws IOException {
    if (pid <= 0) {
      return 0;
    }
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
  }

  private static long rssKb(long pid) throws IOException {
    if (pid <= 0) {
      return 0;
    }
    return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
        .filter(line -> line.startsWith("VmRSS:"))
        .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
        .findFirst().orElse(0);
  }
}
