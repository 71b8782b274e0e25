package chat.rocket.livechat.standalone;

import chat.rocket.livechat.admin.AdminServiceVerticle;
import chat.rocket.livechat.embedded.EmbeddedKafka;
import chat.rocket.livechat.embedded.EmbeddedMongo;
import chat.rocket.livechat.gateway.GatewayVerticle;
import chat.rocket.livechat.gateway.seed.Seed;
import chat.rocket.livechat.platform.kafka.CacheInvalidationVerticle;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import chat.rocket.livechat.platform.runtime.Mongo;
import chat.rocket.livechat.platform.runtime.OpsHttpVerticle;
import chat.rocket.livechat.platform.runtime.ServiceRuntime;
import chat.rocket.livechat.room.RoomServiceVerticle;
import chat.rocket.livechat.visitor.VisitorServiceVerticle;
import com.mongodb.ConnectionString;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default in one JVM (DESIGN.md, Modules): a MongoDB-wire store listening where {@code MONGO_URL} points,
 * a KRaft Kafka broker listening where {@code KAFKA_BOOTSTRAP_SERVERS} points (controller on the next port), both
 * keeping their files under {@code DATA_DIR}, then the seed step ({@link Seed}: Rocket.Chat's defaults and the admin,
 * when absent), the process's one cache invalidation consumer ({@link CacheInvalidationVerticle}, shared by every
 * service of the JVM), the room-service, the visitor-service, the admin-service and the gateway. With
 * {@code INFRA_ONLY=true} only the broker and the store run, for services started as separate processes (which run
 * the seed command themselves). The services share one {@link ServiceRuntime} (one metrics registry, tracing when
 * {@code TRACING=otlp}) and, when {@code MANAGEMENT_PORT} is not 0, one {@link OpsHttpVerticle} reporting on all of
 * them. Tests start the same system with an in-memory store ({@link #start(JsonObject, boolean, boolean)}).
 */
public final class Standalone implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Standalone.class);
  /** Longest wait for the verticles to stop, in seconds. */
  private static final long STOP_TIMEOUT_SECONDS = 15;

  private final EmbeddedMongo mongo;
  private final Path kafkaDir;
  private final HostPort kafkaAddress;
  private volatile EmbeddedKafka kafka;
  private final ServiceRuntime runtime;
  private final Vertx vertx;
  private final Map<String, String> deployments = new ConcurrentHashMap<>();

  private Standalone(EmbeddedMongo mongo, EmbeddedKafka kafka, Path kafkaDir, HostPort kafkaAddress,
                     ServiceRuntime runtime) {
    this.mongo = mongo;
    this.kafka = kafka;
    this.kafkaDir = kafkaDir;
    this.kafkaAddress = kafkaAddress;
    this.runtime = runtime;
    this.vertx = runtime.vertx();
  }

  /**
   * Starts the store, the broker and (unless {@code infraOnly}) the seed step and every service; blocks until all are
   * ready.
   *
   * @param config    the services' configuration ({@link ConfigKey})
   * @param inMemory  true for an in-memory store (tests), false for the H2 file under {@code DATA_DIR}
   * @param infraOnly true to start only the broker and the store
   * @return the running system
   * @throws Exception the first component that failed to start, after stopping the ones already running
   */
  public static Standalone start(JsonObject config, boolean inMemory, boolean infraOnly) throws Exception {
    Path dataDir = Path.of(ConfigKey.DATA_DIR.get(config));
    ConnectionString mongoUrl = new ConnectionString(ConfigKey.MONGO_URL.get(config));
    Mongo.database(mongoUrl.getConnectionString());
    HostPort mongoAddress = HostPort.parse(mongoUrl.getHosts().get(0), 27017);
    HostPort kafkaAddress = HostPort.parse(ConfigKey.KAFKA_BOOTSTRAP_SERVERS.get(config).split(",")[0], 9092);
    EmbeddedMongo mongo = inMemory ? EmbeddedMongo.startInMemory(mongoAddress.host(), mongoAddress.port())
        : EmbeddedMongo.startFile(dataDir.resolve("mongo").resolve("rocketchat.h2"), mongoAddress.host(),
            mongoAddress.port(), Integer.parseInt(ConfigKey.STORE_CACHE_MB.get(config)));
    LOG.info("MongoDB-wire store listening on {}", mongo.connectionString());
    EmbeddedKafka kafka;
    try {
      kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), kafkaAddress.host(), kafkaAddress.port(),
          kafkaAddress.port() + 1);
    } catch (Exception e) {
      mongo.close();
      throw e;
    }
    LOG.info("Kafka broker (KRaft) listening on {}", kafka.bootstrapServers());
    ServiceRuntime runtime;
    try {
      runtime = ServiceRuntime.create("livechat", config);
    } catch (RuntimeException e) {
      kafka.close();
      mongo.close();
      throw e;
    }
    Standalone system = new Standalone(mongo, kafka, dataDir.resolve("kafka"), kafkaAddress, runtime);
    if (!infraOnly) {
      system.deployServices(config);
    }
    return system;
  }

  private void deployServices(JsonObject config) throws Exception {
    int consumers = ConfigKey.CONSUMER_INSTANCES.getInt(config);
    try {
      Seed.run(vertx, config)
          .compose(v -> deploy(CacheInvalidationVerticle.class.getName(), config, 1, "cache-invalidation"))
          .compose(v -> deploy(RoomServiceVerticle.class.getName(), config, consumers, "room-service"))
          .compose(v -> deploy(VisitorServiceVerticle.class.getName(), config, consumers, "visitor-service"))
          .compose(v -> deploy(AdminServiceVerticle.class.getName(), config, consumers, "admin-service"))
          .compose(v -> deploy(GatewayVerticle.class.getName(), config, 1, "gateway"))
          .compose(v -> ConfigKey.MANAGEMENT_PORT.getInt(config) > 0
              ? deploy(OpsHttpVerticle.class.getName(), config, 1, "ops") : Future.succeededFuture())
          .await(2, TimeUnit.MINUTES);
    } catch (Exception e) {
      close();
      throw e;
    }
  }

  private Future<Void> deploy(String verticle, JsonObject config, int instances, String name) {
    return vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config).setInstances(instances))
        .onSuccess(id -> {
          deployments.put(name, id);
          LOG.info("{} started ({} instance(s))", name, instances);
        })
        .mapEmpty();
  }

  /**
   * Stops one service while the rest keeps running (fault tests).
   *
   * @param name {@code room-service}, {@code visitor-service}, {@code admin-service}, {@code gateway} or
   *             {@code cache-invalidation}
   * @return completes when the service's verticles have stopped
   */
  public Future<Void> undeploy(String name) {
    String id = deployments.remove(name);
    return id == null ? Future.failedFuture(new IllegalArgumentException("no service " + name))
        : vertx.undeploy(id);
  }

  /** Fault tests: stops the broker (its log stays on disk) while the services keep running. */
  public void stopBroker() {
    kafka.close();
    LOG.info("Kafka broker stopped");
  }

  /**
   * Fault tests: starts the broker again on the same address and log directory.
   *
   * @throws Exception when the broker cannot start
   */
  public void startBroker() throws Exception {
    kafka = EmbeddedKafka.start(kafkaDir, kafkaAddress.host(), kafkaAddress.port(), kafkaAddress.port() + 1);
    LOG.info("Kafka broker started again on {}", kafka.bootstrapServers());
  }

  /**
   * Stops the MongoDB-wire store while the services keep running (fault tests: readiness must go DOWN). The store is
   * not restarted.
   */
  public void stopStore() {
    mongo.close();
  }

  /** @return the Vert.x instance the services run on */
  public Vertx vertx() {
    return vertx;
  }

  /**
   * Stops the services (offsets committed, reply topic deleted), then the broker, then the store. Runs on the
   * caller's thread (the JVM shutdown hook or a test), never on an event loop.
   */
  @Override
  public void close() {
    try {
      runtime.close().await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("services did not stop cleanly within {} s: {}", STOP_TIMEOUT_SECONDS, e.getMessage());
    }
    kafka.close();
    mongo.close();
  }

  /** A listening address. */
  record HostPort(String host, int port) {
    static HostPort parse(String hostPort, int defaultPort) {
      int colon = hostPort.lastIndexOf(':');
      if (colon < 0) {
        return new HostPort(hostPort, defaultPort);
      }
      return new HostPort(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }
  }
}
