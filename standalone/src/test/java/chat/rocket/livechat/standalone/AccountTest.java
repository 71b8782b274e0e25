package chat.rocket.livechat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Setting;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code GET me} and {@code POST users.setStatus} (Rocket.Chat's {@code misc.ts} and {@code users.ts}), through the
 * whole system: the shape of the caller's own user, and who may change which status, with a refused call writing
 * nothing.
 */
class AccountTest {

  /** The preference keys Rocket.Chat's own 7.x {@code /me} end-to-end test expects (CE). */
  private static final List<String> PREFERENCE_KEYS = List.of("alsoSendThreadToChannel", "newRoomNotification",
      "newMessageNotification", "showThreadsInMainChannel", "useEmojis", "convertAsciiEmoji", "saveMobileBandwidth",
      "collapseMediaByDefault", "autoImageLoad", "emailNotificationMode", "unreadAlert", "notificationsSoundVolume",
      "omnichannelTranscriptEmail", "desktopNotifications", "pushNotifications", "enableAutoAway",
      "desktopNotificationRequireInteraction", "hideUsernames", "hideRoles", "displayAvatars", "hideFlexTab",
      "sendOnEnter", "idleTimeLimit", "sidebarShowFavorites", "sidebarShowUnread", "themeAppearence",
      "sidebarSortby", "sidebarViewMode", "sidebarDisplayAvatar", "sidebarGroupByType", "muteFocusedConversations",
      "notifyCalendarEvents", "enableMobileRinging", "masterVolume", "voipRingerVolume", "sidebarSectionsOrder",
      "featuresPreview");

  private static TestSystem system;
  private static Api api;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
    api = system.api();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  private static String unique(String prefix) {
    return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
  }

  private static JsonObject stored(Map<String, String> session) {
    return system.findOne(Collections.USERS, new JsonObject().put("_id", session.get("X-User-Id")));
  }

  private static Api.Response setStatus(Map<String, String> session, JsonObject body) {
    return api.post("users.setStatus", session, body);
  }

  private static void assertRefused(Api.Response response, int status, JsonObject body, StoreSnapshot before) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.json()).isEqualTo(body);
    assertThat(StoreSnapshot.take(system).changesSince(before)).as("a refused call writes nothing").isEmpty();
  }

  private static JsonObject meteorError(String reason, String errorType) {
    return new JsonObject().put("success", false).put("error", reason + " [" + errorType + "]")
        .put("errorType", errorType);
  }

  @Test
  @DisplayName("GET me answers the caller's fields, verified email, every default preference and no secret")
  void meAnswersTheCallersUser() {
    String username = unique("me.user");
    Map<String, String> session = system.user(username, List.of("user", "livechat-agent"));

    Api.Response response = api.get("me", session);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json");
    JsonObject me = response.json();
    assertThat(me.getBoolean("success")).isTrue();
    assertThat(me.getString("_id")).isEqualTo(session.get("X-User-Id"));
    assertThat(me.getString("username")).isEqualTo(username);
    assertThat(me.getString("name")).isEqualTo(username);
    assertThat(me.getBoolean("active")).isTrue();
    assertThat(me.getJsonArray("roles").getList()).containsExactly("user", "livechat-agent");
    assertThat(me.getJsonArray("emails").getJsonObject(0).getString("address")).isEqualTo(username + "@rocket.chat");
    assertThat(me.getString("email")).isEqualTo(username + "@rocket.chat");
    assertThat(me.getJsonObject("settings").getJsonObject("preferences").fieldNames())
        .containsExactlyInAnyOrderElementsOf(PREFERENCE_KEYS);
    assertThat(me.getString("avatarUrl")).endsWith("/avatar/" + username);
    assertThat(me.getJsonObject("services")).isEqualTo(new JsonObject()
        .put("password", new JsonObject().put("exists", false)));
    assertThat(response.body()).doesNotContain("loginTokens").doesNotContain("hashedToken")
        .doesNotContain(session.get("X-Auth-Token"));
  }

  @Test
  @DisplayName("GET me keeps the user's own preferences over the defaults and says a password exists, never its hash")
  void meShowsOwnPreferencesAndPasswordPresence() {
    Map<String, String> admin = system.adminHeaders();
    system.mongo().updateCollection(Collections.USERS, new JsonObject().put("_id", admin.get("X-User-Id")),
        new JsonObject().put("$set", new JsonObject().put("settings.preferences.sidebarViewMode", "condensed")))
        .await();
    String bcrypt = stored(admin).getJsonObject("services").getJsonObject("password").getString("bcrypt");

    Api.Response response = api.get("me", admin);

    assertThat(response.status()).isEqualTo(200);
    JsonObject preferences = response.json().getJsonObject("settings").getJsonObject("preferences");
    assertThat(preferences.getString("sidebarViewMode")).isEqualTo("condensed");
    assertThat(preferences.getString("sidebarSortby")).isEqualTo("activity");
    assertThat(response.json().getJsonObject("services").getJsonObject("password"))
        .isEqualTo(new JsonObject().put("exists", true));
    assertThat(response.body()).doesNotContain(bcrypt);
  }

  @Test
  @DisplayName("users.setStatus sets the caller's status, statusDefault and trimmed statusText, cut to 120 characters")
  void setStatusChangesTheCaller() {
    Map<String, String> session = system.user(unique("status.self"), List.of("user"));
    String longText = "x".repeat(130);

    Api.Response response = setStatus(session, new JsonObject().put("status", "busy").put("message", "  " + longText));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(new JsonObject().put("success", true));
    JsonObject user = stored(session);
    assertThat(user.getString("status")).isEqualTo("busy");
    assertThat(user.getString("statusDefault")).isEqualTo("busy");
    assertThat(user.getString("statusText")).isEqualTo("x".repeat(120));
  }

  @Test
  @DisplayName("users.setStatus without a string status or message answers 400 Match error and writes nothing")
  void setStatusChecksItsBody() {
    Map<String, String> session = system.user(unique("status.body"), List.of("user"));
    JsonObject oneOf = new JsonObject().put("success", false)
        .put("error", "Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation");

    for (JsonObject body : List.of(new JsonObject(), new JsonObject().put("status", 5),
        new JsonObject().put("status", "away").put("message", new JsonObject()))) {
      StoreSnapshot before = StoreSnapshot.take(system);
      assertRefused(setStatus(session, body), 400, oneOf, before);
    }
  }

  @Test
  @DisplayName("users.setStatus with an unknown status answers 400 error-invalid-status and keeps the message unset")
  void setStatusRefusesAnUnknownStatus() {
    Map<String, String> session = system.user(unique("status.invalid"), List.of("user"));
    StoreSnapshot before = StoreSnapshot.take(system);

    Api.Response response = setStatus(session, new JsonObject().put("status", "invisible").put("message", "hi"));

    assertRefused(response, 400, meteorError("Valid status types include online, away, offline, and busy.",
        "error-invalid-status"), before);
  }

  @Test
  @DisplayName("users.setStatus follows Accounts_AllowUserStatusMessageChange and Accounts_AllowInvisibleStatusOption")
  void setStatusFollowsItsSettings() {
    Map<String, String> session = system.user(unique("status.settings"), List.of("user"));
    try {
      system.setting(Setting.ACCOUNTS_ALLOW_USER_STATUS_MESSAGE_CHANGE.id(), false);
      StoreSnapshot before = StoreSnapshot.take(system);
      assertRefused(setStatus(session, new JsonObject().put("status", "away")), 400,
          meteorError("Change status is not allowed", "error-not-allowed"), before);
      system.setting(Setting.ACCOUNTS_ALLOW_USER_STATUS_MESSAGE_CHANGE.id(), true);
      system.setting(Setting.ACCOUNTS_ALLOW_INVISIBLE_STATUS_OPTION.id(), false);
      StoreSnapshot beforeOffline = StoreSnapshot.take(system);
      assertRefused(setStatus(session, new JsonObject().put("status", "offline")), 400,
          meteorError("Invisible status is disabled", "error-status-not-allowed"), beforeOffline);
      assertThat(setStatus(session, new JsonObject().put("status", "away")).status()).isEqualTo(200);
    } finally {
      system.setting(Setting.ACCOUNTS_ALLOW_USER_STATUS_MESSAGE_CHANGE.id(), true);
      system.setting(Setting.ACCOUNTS_ALLOW_INVISIBLE_STATUS_OPTION.id(), true);
    }
  }

  @Test
  @DisplayName("another user's status needs edit-other-user-info: 403 unauthorized without it, nothing written")
  void anotherUsersStatusNeedsThePermission() {
    Map<String, String> agent = system.user(unique("status.agent"), List.of("livechat-agent"));
    Map<String, String> target = system.user(unique("status.target"), List.of("user"));
    StoreSnapshot before = StoreSnapshot.take(system);

    Api.Response response = setStatus(agent, new JsonObject().put("status", "away")
        .put("userId", target.get("X-User-Id")));

    assertRefused(response, 403, new JsonObject().put("success", false).put("error", "unauthorized"), before);
  }

  @Test
  @DisplayName("an admin sets another user's status by username in any case; an unknown user is error-invalid-user")
  void adminSetsAnotherUsersStatus() {
    String username = unique("status.other");
    Map<String, String> target = system.user(username, List.of("user"));
    Map<String, String> admin = system.user(unique("status.admin"), List.of("admin"));

    Api.Response response = setStatus(admin, new JsonObject().put("status", "away")
        .put("username", username.toUpperCase(Locale.ROOT)));
    StoreSnapshot before = StoreSnapshot.take(system);
    Api.Response unknown = setStatus(admin, new JsonObject().put("status", "away").put("userId", "no-such-user"));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(stored(target).getString("status")).isEqualTo("away");
    assertThat(stored(admin).getString("status")).isEqualTo("online");
    assertRefused(unknown, 400, meteorError("The required \"userId\" or \"username\" param provided does not match"
        + " any users", "error-invalid-user"), before);
  }

  @Test
  @DisplayName("naming oneself by userId needs no permission")
  void namingOneselfNeedsNoPermission() {
    Map<String, String> session = system.user(unique("status.named"), List.of("user"));

    Api.Response response = setStatus(session, new JsonObject().put("message", "lunch")
        .put("userId", session.get("X-User-Id")));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(stored(session).getString("statusText")).isEqualTo("lunch");
    assertThat(stored(session).getString("status")).isEqualTo("online");
  }
}
