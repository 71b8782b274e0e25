package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Secrets stay secret (spec §1.2, §7.3; DECISIONS.md Data) through a whole flow: the admin is seeded with a password
 * of its own, logs in twice (plain password and {@code {hashed}} digest), fails once with a wrong password and once
 * with a wrong token, and uses its sessions on every authenticated endpoint. Then no log line of this JVM (our loggers
 * at TRACE), no record on the command and event topics and no stored document holds the password, its SHA-256 digest
 * (which logs in as well as the password does), the wrong password, the wrong token or any login token; the store holds
 * login tokens only as base64(sha256(token)) and the password only as bcrypt(sha256(password)).
 */
class SecretsTest {

  private static final String PASSWORD = "Pw-" + UUID.randomUUID();
  private static final String WRONG_PASSWORD = "Wrong-" + UUID.randomUUID();
  private static final String WRONG_TOKEN = "BadToken-" + UUID.randomUUID();

  private static TestSystem system;
  private static final List<String> LOGIN_TOKENS = new ArrayList<>();
  private static List<String> logLines;
  private static List<ConsumerRecord<String, String>> records;
  private static StoreSnapshot store;

  @BeforeAll
  static void runFlow() {
    try (LogCapture logs = LogCapture.start()) {
      system = TestSystem.start(Map.of(ConfigKey.ADMIN_PASS.env(), PASSWORD));
      Api api = system.api();
      Map<String, String> session = login(api, new JsonObject().put("user", TestSystem.ADMIN)
          .put("password", PASSWORD));
      Map<String, String> hashedSession = login(api, new JsonObject().put("user", TestSystem.ADMIN)
          .put("password", new JsonObject().put("hashed", sha256Hex(PASSWORD))));
      assertThat(api.post("login", Map.of(), new JsonObject().put("user", TestSystem.ADMIN)
          .put("password", WRONG_PASSWORD)).status()).isEqualTo(401);
      useEveryEndpoint(api, session, hashedSession);
      logLines = logs.lines();
    }
    records = new ArrayList<>();
    for (String topic : List.of(Topics.ROOM_EVENTS, Topics.VISITOR_EVENTS, Topics.ROOM_COMMANDS,
        Topics.VISITOR_COMMANDS)) {
      records.addAll(Events.readAll(system.bootstrapServers(), topic, Duration.ofSeconds(20)));
    }
    store = StoreSnapshot.take(system);
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  private static Map<String, String> login(Api api, JsonObject body) {
    Api.Response response = api.post("login", Map.of(), body);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonObject data = response.json().getJsonObject("data");
    LOGIN_TOKENS.add(data.getString("authToken"));
    return Map.of("X-User-Id", data.getString("userId"), "X-Auth-Token", data.getString("authToken"));
  }

  private static void useEveryEndpoint(Api api, Map<String, String> session, Map<String, String> hashedSession) {
    Visitors visitors = new Visitors(api);
    JsonObject visitor = visitors.create();
    JsonObject other = visitors.create();
    String rid = visitors.createRoom(visitor.getString("token")).getString("_id");
    system.awaitLastChat(visitor.getString("_id"), rid);
    assertThat(api.post("livechat/room.saveInfo", session, Visitors.saveInfo(
        new JsonObject().put("_id", visitor.getString("_id")),
        new JsonObject().put("_id", rid).put("topic", "secrets"))).status()).isEqualTo(200);
    assertThat(api.put("livechat/room.visitor", hashedSession, new JsonObject().put("rid", rid)
        .put("oldVisitorId", visitor.getString("_id")).put("newVisitorId", other.getString("_id"))).status())
        .isEqualTo(200);
    assertThat(api.get("livechat/visitors.info?visitorId=" + other.getString("_id"), session).status())
        .isEqualTo(200);
    assertThat(api.get("livechat/visitor.info?visitorId=" + other.getString("_id"),
        Map.of("X-User-Id", session.get("X-User-Id"), "X-Auth-Token", WRONG_TOKEN)).status()).isEqualTo(401);
  }

  /** @return every value that must never leave the caller's hands in clear */
  private static List<String> secrets() {
    List<String> secrets = new ArrayList<>(List.of(PASSWORD, sha256Hex(PASSWORD), WRONG_PASSWORD,
        sha256Hex(WRONG_PASSWORD), WRONG_TOKEN));
    secrets.addAll(LOGIN_TOKENS);
    return secrets;
  }

  @Test
  @DisplayName("no log line of the whole flow holds the password, its digest, a wrong password or any token")
  void logsHoldNoSecret() {
    assertThat(logLines).as("the capture saw the flow").anyMatch(line -> line.contains("seeded admin user"));

    for (String secret : secrets()) {
      assertThat(logLines).as("log lines holding a secret").noneMatch(line -> line.contains(secret));
    }
  }

  @Test
  @DisplayName("no command or event record (key, value or header) holds the password or any token")
  void recordsHoldNoSecret() {
    assertThat(records).as("the flow's events were read")
        .anyMatch(record -> EventType.ROOM_VISITOR_CHANGED.type().equals(Events.header(record, "ce_type")));

    for (ConsumerRecord<String, String> record : records) {
      String text = record.key() + " " + record.value() + " " + headers(record);
      for (String secret : secrets()) {
        assertThat(text).as("record on %s", record.topic()).doesNotContain(secret);
      }
    }
  }

  @Test
  @DisplayName("the store holds login tokens only as base64(sha256(token)) and the password only as bcrypt(sha256)")
  void storeHoldsOnlyHashes() {
    StringBuilder everything = new StringBuilder();
    StoreSnapshot.COLLECTIONS.forEach(collection -> store.documents(collection).values()
        .forEach(doc -> everything.append(doc.encode()).append('\n')));
    for (String secret : secrets()) {
      assertThat(everything.toString()).as("the store").doesNotContain(secret);
    }

    JsonObject admin = store.documents(Collections.USERS).values().stream()
        .filter(user -> TestSystem.ADMIN.equals(user.getString("username"))).findFirst().orElseThrow();
    JsonArray hashedTokens = new JsonArray(admin.getJsonObject("services").getJsonObject("resume")
        .getJsonArray("loginTokens").stream().map(token -> ((JsonObject) token).getString("hashedToken")).toList());
    for (String token : LOGIN_TOKENS) {
      assertThat(hashedTokens.getList()).contains(base64Sha256(token));
    }
    String bcrypt = admin.getJsonObject("services").getJsonObject("password").getString("bcrypt");
    assertThat(bcrypt).startsWith("$2b$10$");
    assertThat(BCrypt.verifyer().verify(sha256Hex(PASSWORD).getBytes(StandardCharsets.UTF_8),
        bcrypt.getBytes(StandardCharsets.UTF_8)).verified).isTrue();
  }

  private static String headers(ConsumerRecord<String, String> record) {
    StringBuilder text = new StringBuilder();
    for (Header header : record.headers()) {
      text.append(header.key()).append('=').append(new String(header.value(), StandardCharsets.UTF_8)).append(' ');
    }
    return text.toString();
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  private static String sha256Hex(String value) {
    return HexFormat.of().formatHex(sha256(value));
  }

  private static String base64Sha256(String value) {
    return Base64.getEncoder().encodeToString(sha256(value));
  }
}
