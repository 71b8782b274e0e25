package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.rocketchat.Ids;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The whole system for one test class, through its real parts: the standalone's KRaft broker, an in-memory
 * MongoDB-wire store and every verticle, on free ports, with the admin of Rocket.Chat's test harness
 * ({@code rocketchat.internal.admin.test}). Caches are off ({@code CACHE_TTL_MS=0}) so a test that changes a
 * permission or setting sees it at once, as Rocket.Chat's tests do. The REST rate limiter is switched off through its
 * setting right after start ({@code API_Enable_Rate_Limiter=false}), since a test class makes many calls from
 * 127.0.0.1 (Rocket.Chat's tests run with {@code TEST_MODE}, which skips the limiter too); a class that tests the
 * limiter switches it on with {@link #setting(String, Object)}. Test code blocks on Futures with {@code await()}: it
 * runs on the JUnit thread, never on an event loop.
 */
public final class TestSystem implements AutoCloseable {

  /** Username and password of the seeded admin, as in Rocket.Chat's end-to-end tests. */
  public static final String ADMIN = "rocketchat.internal.admin.test";

  private Standalone standalone;
  private final boolean inMemory;
  private final JsonObject config;
  private final Vertx client = Vertx.vertx();
  private final Api api;
  private final Api ops;
  private final MongoClient mongo;
  private final Path dataDir;

  private TestSystem(Standalone standalone, boolean inMemory, JsonObject config, Path dataDir) {
    this.standalone = standalone;
    this.inMemory = inMemory;
    this.config = config;
    this.dataDir = dataDir;
    this.api = new Api(client, ConfigKey.PORT.getInt(config));
    this.ops = new Api(client, ConfigKey.MANAGEMENT_PORT.getInt(config));
    this.mongo = MongoClient.create(client, new JsonObject()
        .put("connection_string", ConfigKey.MONGO_URL.get(config)).put("db_name", "rocketchat"));
  }

  /** @return a running system with default settings */
  public static TestSystem start() {
    return start(Map.of());
  }

  /**
   * @param overrides configuration values ({@link ConfigKey} names) on top of the test defaults
   * @return a running system
   */
  public static TestSystem start(Map<String, String> overrides) {
    return start(overrides, true, false);
  }

  /**
   * The broker and the in-memory store alone ({@code INFRA_ONLY}): no service deployed, nothing seeded, the rate
   * limiter's setting untouched; for tests that deploy or seed themselves on {@link #serviceVertx()}.
   */
  public static TestSystem startInfrastructure() {
    return start(Map.of(), true, true);
  }

  /**
   * A system whose store keeps its data in the H2 file under {@code DATA_DIR}, as the standalone does, so that
   * {@link #restart()} can prove what survives.
   */
  public static TestSystem startOnFiles() {
    return start(Map.of(), false, false);
  }

  private static TestSystem start(Map<String, String> overrides, boolean inMemory, boolean infraOnly) {
    try {
      Path dataDir = Files.createTempDirectory("livechat-test-");
      int kafkaPort = freePortPair();
      Map<String, String> env = new HashMap<>();
      env.put(ConfigKey.PORT.env(), Integer.toString(freePort()));
      env.put(ConfigKey.MANAGEMENT_PORT.env(), Integer.toString(freePort()));
      env.put(ConfigKey.MONGO_URL.env(), "mongodb://127.0.0.1:" + freePort() + "/rocketchat");
      env.put(ConfigKey.KAFKA_BOOTSTRAP_SERVERS.env(), "127.0.0.1:" + kafkaPort);
      env.put(ConfigKey.DATA_DIR.env(), dataDir.toString());
      env.put(ConfigKey.CACHE_TTL_MS.env(), "0");
      env.put(ConfigKey.TOPIC_PARTITIONS.env(), "4");
      env.put(ConfigKey.HTTP_INSTANCES.env(), "2");
      env.put(ConfigKey.ADMIN_USERNAME.env(), ADMIN);
      env.put(ConfigKey.ADMIN_PASS.env(), ADMIN);
      env.put(ConfigKey.ADMIN_EMAIL.env(), ADMIN + "@rocket.chat");
      env.putAll(overrides);
      JsonObject config = ConfigKey.fromEnv(env);
      TestSystem system = new TestSystem(Standalone.start(config, inMemory, infraOnly), inMemory, config, dataDir);
      if (!infraOnly) {
        system.setting(Setting.API_ENABLE_RATE_LIMITER.id(), false);
      }
      return system;
    } catch (Exception e) {
      throw new IllegalStateException("test system failed to start", e);
    }
  }

  /** @return the HTTP client of the gateway */
  public Api api() {
    return api;
  }

  /** @return an HTTP client of the ops server ({@code MANAGEMENT_PORT}: {@code /metrics}, {@code /health/*}) */
  public Api ops() {
    return ops;
  }

  /** Stops the MongoDB-wire store for good while the services keep running. */
  public void stopStore() {
    standalone.stopStore();
  }

  /** @return a Mongo client on the system's database (blocking use with {@code await()}) */
  public MongoClient mongo() {
    return mongo;
  }

  /** @return the system's configuration */
  public JsonObject config() {
    return config;
  }

  /** @return {@code bootstrap.servers} of the embedded broker */
  public String bootstrapServers() {
    return ConfigKey.KAFKA_BOOTSTRAP_SERVERS.get(config);
  }

  /** Stops one service ({@code room-service}, {@code visitor-service}, {@code gateway}); the rest keeps running. */
  public void stopService(String name) {
    standalone.undeploy(name).await();
  }

  /**
   * Stops every component cleanly and starts them again on the same ports and files ({@link #startOnFiles()} only).
   */
  public void restart() throws Exception {
    if (inMemory) {
      throw new IllegalStateException("an in-memory store does not survive a restart");
    }
    standalone.close();
    standalone = Standalone.start(config, false, false);
  }

  /** Stops the Kafka broker; the services keep running. */
  public void stopBroker() {
    standalone.stopBroker();
  }

  /** Starts the Kafka broker again on the same address and log. */
  public void startBroker() throws Exception {
    standalone.startBroker();
  }

  /** @return the Vert.x instance the services run on */
  public Vertx serviceVertx() {
    return standalone.vertx();
  }

  /** @return headers of a fresh login of the seeded admin */
  public Map<String, String> adminHeaders() {
    return api.login(ADMIN, ADMIN);
  }

  /**
   * Inserts a user as Rocket.Chat stores one ({@code users}: {@code type}, {@code active}, {@code roles},
   * {@code services.resume.loginTokens: [{when, hashedToken}]} with hashedToken = base64(sha256(token))), not an
   * available agent (no {@code statusLivechat}), so routing never gives it a room.
   *
   * @return the {@code X-User-Id} and {@code X-Auth-Token} headers of its login token
   */
  public Map<String, String> user(String username, List<String> roles) {
    String userId = Ids.randomId();
    String token = Ids.secret();
    JsonObject now = MongoDocs.now();
    JsonObject loginToken = new JsonObject().put("when", now).put("hashedToken", hashLoginToken(token));
    JsonObject user = new JsonObject().put("_id", userId).put("createdAt", now).put("username", username)
        .put("name", username).put("type", "user").put("active", true).put("status", "online")
        .put("emails", new JsonArray().add(new JsonObject().put("address", username + "@rocket.chat")
            .put("verified", true)))
        .put("roles", new JsonArray(roles))
        .put("services", new JsonObject()
            .put("resume", new JsonObject().put("loginTokens", new JsonArray().add(loginToken))))
        .put("_updatedAt", now);
    mongo.insert(Collections.USERS, user).await();
    return Map.of("X-User-Id", userId, "X-Auth-Token", token);
  }

  /** Sets a Rocket.Chat setting ({@code rocketchat_settings.value}). */
  public void setting(String id, Object value) {
    mongo.updateCollectionWithOptions(Collections.SETTINGS, new JsonObject().put("_id", id),
        new JsonObject().put("$set", new JsonObject().put("value", value)), new UpdateOptions().setUpsert(true))
        .await();
  }

  /** Sets the roles of a permission ({@code rocketchat_permissions.roles}), like Rocket.Chat's updatePermission. */
  public void permission(String id, List<String> roles) {
    mongo.updateCollectionWithOptions(Collections.PERMISSIONS, new JsonObject().put("_id", id),
        new JsonObject().put("$set", new JsonObject().put("roles", new JsonArray(roles))),
        new UpdateOptions().setUpsert(true)).await();
  }

  /** @return a fresh random token, like the ones the Livechat widget generates */
  public static String randomToken() {
    return "token-" + UUID.randomUUID();
  }

  /** @return the single document matching {@code query}, or null */
  public JsonObject findOne(String collection, JsonObject query) {
    return mongo.findOne(collection, query, null).await();
  }

  /**
   * Reads a document until it satisfies {@code condition}: for effects that arrive through events (e.g. a visitor's
   * {@code lastChat} after {@code room.created}), with an Awaitility wait ({@link Waits}).
   *
   * @return the first matching read
   * @throws org.awaitility.core.ConditionTimeoutException when no read matched within {@code within}
   */
  public JsonObject awaitDocument(String collection, JsonObject query, Predicate<JsonObject> condition,
                                  Duration within) {
    return Waits.upTo(collection + " " + query.encode() + " in the expected state", within)
        .until(() -> findOne(collection, query), doc -> doc != null && condition.test(doc));
  }

  /**
   * Waits until the visitor's {@code lastChat} names room {@code rid} (set by the visitor-service on the
   * {@code room.created} event, one write without an event of its own) and the visitor has no pending events, so the
   * visitor document changes no more.
   */
  public void awaitLastChat(String visitorId, String rid) {
    awaitDocument(Collections.VISITORS, new JsonObject().put("_id", visitorId),
        visitor -> visitor.getJsonObject("lastChat") != null
            && rid.equals(visitor.getJsonObject("lastChat").getString("_id"))
            && !MongoDocs.hasPendingEvents(visitor), Duration.ofSeconds(10));
  }

  /**
   * Creates the visitor's room through {@code GET livechat/room?agentId}, checks the agent serves it, and waits until
   * the visitor's {@code lastChat} names it ({@link #awaitLastChat}).
   *
   * @param visitor the visitor as registered ({@code _id}, {@code token})
   * @param agentId an available agent's user id
   * @return the room's {@code _id}
   */
  public String servedRoom(JsonObject visitor, String agentId) {
    Api.Response created = api().get("livechat/room?token=" + visitor.getString("token") + "&agentId=" + agentId);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    JsonObject room = created.json().getJsonObject("room");
    assertThat(room.getJsonObject("servedBy").getString("_id")).isEqualTo(agentId);
    awaitLastChat(visitor.getString("_id"), room.getString("_id"));
    return room.getString("_id");
  }

  @Override
  public void close() {
    mongo.close().await();
    client.close().await();
    standalone.close();
    deleteRecursively(dataDir);
  }

  /** @return Meteor's {@code Accounts._hashLoginToken}: base64 of the token's UTF-8 SHA-256 */
  private static String hashLoginToken(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  /** @return a TCP port free at the time of the call, outside the ephemeral range ({@link FreePorts}) */
  static int freePort() throws IOException {
    return FreePorts.one();
  }

  /** @return a free port whose successor is free too (broker and controller) */
  static int freePortPair() throws IOException {
    return FreePorts.pair();
  }

  static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
