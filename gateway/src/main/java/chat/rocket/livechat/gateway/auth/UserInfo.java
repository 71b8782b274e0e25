package chat.rocket.livechat.gateway.auth;

import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rocket.Chat's {@code getUserInfo}: the user as {@code POST login} ({@code data.me}) and {@code GET me} show it to
 * the user it is (spec §7.3; Rocket.Chat {@code apps/meteor/app/api/server/helpers/getUserInfo.ts}). Only the default
 * user fields ({@link #FIELDS}, Rocket.Chat's {@code getDefaultUserFields}) are shown, dates as ISO strings, plus
 * {@code email} (the first verified address, else absent), {@code settings: {profile: {}, preferences}} (Rocket.Chat's
 * default preferences, {@link #DEFAULT_PREFERENCES}, overlaid with the user's own), {@code avatarUrl}
 * ({@code <scheme>://<host>/avatar/<username>}), {@code isOAuthUser} (false: no OAuth here) and {@code services}
 * reduced to {@code {password: {exists}}}, the {@code enabled} flags of {@code totp} / {@code email2fa} when set, and
 * {@code github} / {@code gitlab} when present. Never the bcrypt hash nor the login tokens.
 */
final class UserInfo {

  /** The shown top-level fields of a {@code users} document (Rocket.Chat's {@code getBaseUserFields}). */
  static final List<String> FIELDS = List.of("_id", "name", "username", "nickname", "emails", "status",
      "statusDefault", "statusText", "statusConnection", "bio", "avatarOrigin", "utcOffset", "language", "settings",
      "enableAutoAway", "idleTimeLimit", "roles", "active", "defaultRoom", "customFields", "requirePasswordChange",
      "requirePasswordChangeReason", "statusLivechat", "banners", "oauth", "_updatedAt", "avatarETag", "extension",
      "openBusinessHours");

  /**
   * The values of Rocket.Chat's {@code Accounts_Default_User_Preferences_*} settings as 7.x ships them (its
   * {@code apps/meteor/server/settings/accounts.ts}; the keys its 7.x {@code /me} end-to-end test expects, CE).
   * Those settings are not read: this system has no account preferences UI.
   */
  static final Map<String, Object> DEFAULT_PREFERENCES = Map.ofEntries(
      Map.entry("enableAutoAway", true), Map.entry("idleTimeLimit", 300),
      Map.entry("desktopNotificationRequireInteraction", false), Map.entry("desktopNotifications", "all"),
      Map.entry("pushNotifications", "all"), Map.entry("unreadAlert", true), Map.entry("useEmojis", true),
      Map.entry("convertAsciiEmoji", true), Map.entry("autoImageLoad", true), Map.entry("saveMobileBandwidth", true),
      Map.entry("collapseMediaByDefault", false), Map.entry("hideUsernames", false), Map.entry("hideRoles", false),
      Map.entry("hideFlexTab", false), Map.entry("displayAvatars", true), Map.entry("sidebarGroupByType", true),
      Map.entry("themeAppearence", "auto"), Map.entry("sidebarViewMode", "medium"),
      Map.entry("sidebarDisplayAvatar", true), Map.entry("sidebarShowUnread", false),
      Map.entry("sidebarSortby", "activity"), Map.entry("showThreadsInMainChannel", false),
      Map.entry("alsoSendThreadToChannel", "default"), Map.entry("sidebarShowFavorites", true),
      Map.entry("sendOnEnter", "normal"), Map.entry("emailNotificationMode", "mentions"),
      Map.entry("newRoomNotification", "door"), Map.entry("newMessageNotification", "chime"),
      Map.entry("muteFocusedConversations", true), Map.entry("notificationsSoundVolume", 100),
      Map.entry("omnichannelTranscriptEmail", false), Map.entry("notifyCalendarEvents", true),
      Map.entry("enableMobileRinging", true), Map.entry("masterVolume", 100), Map.entry("voipRingerVolume", 100),
      Map.entry("sidebarSectionsOrder", List.of("Incoming_Calls", "Incoming_Livechats", "Open_Livechats",
          "On_Hold_Chats", "Unread", "Favorites", "Teams", "Discussions", "Channels", "Direct_Messages",
          "Conversations")),
      Map.entry("featuresPreview", List.of()));

  private UserInfo() {
  }

  /** @return the MongoDB projection reading what {@link #of} needs: {@link #FIELDS} and the services it shows */
  static JsonObject projection() {
    JsonObject projection = new JsonObject();
    FIELDS.forEach(field -> projection.put(field, 1));
    for (String service : new String[] {"password.bcrypt", "totp.enabled", "email2fa.enabled", "github", "gitlab"}) {
      projection.put("services." + service, 1);
    }
    return projection;
  }

  /**
   * @param ctx  the request, whose scheme and host form the {@code avatarUrl}
   * @param user the {@code users} document (any fields; only the shown ones are used)
   * @return the user as shown to itself
   */
  static JsonObject of(RoutingContext ctx, JsonObject user) {
    JsonObject shown = new JsonObject();
    FIELDS.stream().filter(user::containsKey).forEach(field -> shown.put(field, user.getValue(field)));
    JsonObject info = MongoDocs.toApi(shown);
    JsonObject own = user.getJsonObject("settings", new JsonObject()).getJsonObject("preferences", new JsonObject());
    JsonObject preferences = new JsonObject(new LinkedHashMap<>(DEFAULT_PREFERENCES)).mergeIn(own);
    String email = firstVerifiedEmail(user);
    if (email != null) {
      info.put("email", email);
    }
    return info.put("settings", new JsonObject().put("profile", new JsonObject()).put("preferences", preferences))
        .put("avatarUrl", ctx.request().scheme() + "://" + ctx.request().authority() + "/avatar/"
            + user.getString("username"))
        .put("isOAuthUser", false)
        .put("services", services(user.getJsonObject("services", new JsonObject())));
  }

  private static JsonObject services(JsonObject services) {
    JsonObject shown = new JsonObject();
    for (String provider : new String[] {"github", "gitlab"}) {
      if (services.getValue(provider) != null) {
        shown.put(provider, services.getValue(provider));
      }
    }
    for (String factor : new String[] {"email2fa", "totp"}) {
      if (Boolean.TRUE.equals(services.getJsonObject(factor, new JsonObject()).getValue("enabled"))) {
        shown.put(factor, new JsonObject().put("enabled", true));
      }
    }
    boolean password = services.getJsonObject("password", new JsonObject()).getValue("bcrypt") != null;
    return shown.put("password", new JsonObject().put("exists", password));
  }

  private static String firstVerifiedEmail(JsonObject user) {
    JsonArray emails = user.getJsonArray("emails", new JsonArray());
    return emails.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
        .filter(e -> Boolean.TRUE.equals(e.getValue("verified"))).map(e -> e.getString("address"))
        .findFirst().orElse(null);
  }
}
