package chat.rocket.livechat.room;

import static chat.rocket.livechat.contracts.Setting.LANGUAGE;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_ALLOW_SWITCHING_DEPARTMENTS;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_CLEAR_LOCAL_STORAGE_WHEN_CHAT_ENDED;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_CONVERSATION_FINISHED_MESSAGE;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_CONVERSATION_FINISHED_TEXT;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_DATA_PROCESSING_CONSENT_TEXT;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_DISPLAY_OFFLINE_FORM;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_EMAIL_FIELD_REGISTRATION_FORM;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_ENABLED;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_ENABLE_MESSAGE_CHARACTER_LIMIT;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_ENABLE_TRANSCRIPT;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_FORCE_ACCEPT_DATA_PROCESSING_CONSENT;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_HISTORY_MONITOR_TYPE;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_MESSAGE_CHARACTER_LIMIT;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_NAME_FIELD_REGISTRATION_FORM;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_OFFLINE_FORM_UNAVAILABLE;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_OFFLINE_MESSAGE;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_OFFLINE_SUCCESS_MESSAGE;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_OFFLINE_TITLE;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_OFFLINE_TITLE_COLOR;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_REGISTRATION_FORM;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_REGISTRATION_FORM_MESSAGE;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_SHOW_AGENT_INFO;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_SHOW_CONNECTING;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_TITLE;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_TITLE_COLOR;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_TRANSCRIPT_MESSAGE;
import static chat.rocket.livechat.contracts.Setting.LIVECHAT_WIDGET_POSITION;
import static chat.rocket.livechat.contracts.Setting.MESSAGE_MAX_ALLOWED_SIZE;
import static chat.rocket.livechat.contracts.Setting.SITE_URL;

import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.rocketchat.CacheInvalidation;
import chat.rocket.livechat.platform.rocketchat.CachedLookup;
import chat.rocket.livechat.platform.rocketchat.Settings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The token-independent part of {@code GET livechat/config} (Rocket.Chat's {@code settings()} of
 * {@code api/lib/livechat.ts} plus {@code online}): {@code {enabled, settings, theme, messages, survey, triggers,
 * departments, resources, online}}, or {@code {enabled: false}} while {@code Livechat_enabled} is off. Built from
 * {@code rocketchat_settings} (absent settings have Rocket.Chat's defaults, {@link Setting}) and agent availability.
 * It is read on every page load of every visitor, so it is cached for {@code CACHE_TTL_MS} (Rocket.Chat memoizes it for
 * 1 s): an agent going available, or a setting written straight into MongoDB, shows after at most that long; a
 * setting changed through {@code POST settings/:_id} drops the built config at once ({@code setting.changed},
 * {@link CacheInvalidation}).
 */
final class WidgetSettings {

  private static final String ONLY_KEY = "config";
  private static final List<Setting> READ = List.of(LIVECHAT_ENABLED, LIVECHAT_REGISTRATION_FORM,
      LIVECHAT_ALLOW_SWITCHING_DEPARTMENTS, LIVECHAT_NAME_FIELD_REGISTRATION_FORM,
      LIVECHAT_EMAIL_FIELD_REGISTRATION_FORM, LIVECHAT_DISPLAY_OFFLINE_FORM, LANGUAGE, LIVECHAT_ENABLE_TRANSCRIPT,
      LIVECHAT_HISTORY_MONITOR_TYPE, LIVECHAT_FORCE_ACCEPT_DATA_PROCESSING_CONSENT, LIVECHAT_SHOW_CONNECTING,
      LIVECHAT_SHOW_AGENT_INFO, LIVECHAT_CLEAR_LOCAL_STORAGE_WHEN_CHAT_ENDED, LIVECHAT_ENABLE_MESSAGE_CHARACTER_LIMIT,
      LIVECHAT_MESSAGE_CHARACTER_LIMIT, MESSAGE_MAX_ALLOWED_SIZE, LIVECHAT_TITLE, LIVECHAT_TITLE_COLOR,
      LIVECHAT_OFFLINE_TITLE, LIVECHAT_OFFLINE_TITLE_COLOR, LIVECHAT_WIDGET_POSITION, LIVECHAT_OFFLINE_MESSAGE,
      LIVECHAT_OFFLINE_SUCCESS_MESSAGE, LIVECHAT_OFFLINE_FORM_UNAVAILABLE, LIVECHAT_CONVERSATION_FINISHED_MESSAGE,
      LIVECHAT_CONVERSATION_FINISHED_TEXT, LIVECHAT_TRANSCRIPT_MESSAGE, LIVECHAT_REGISTRATION_FORM_MESSAGE,
      LIVECHAT_DATA_PROCESSING_CONSENT_TEXT, SITE_URL);

  private final Settings settings;
  private final WidgetAvailability availability;
  private final CachedLookup<String, JsonObject> cache;

  /** @param ttlMs how long a built config is served, in ms ({@code CACHE_TTL_MS}; 0 = built on every call) */
  WidgetSettings(Vertx vertx, long ttlMs, Settings settings, WidgetAvailability availability) {
    this.settings = settings;
    this.availability = availability;
    this.cache = new CachedLookup<>(vertx, ttlMs, key -> build());
    CacheInvalidation.of(vertx).register(EventType.SETTING_CHANGED, cache, false);
  }

  /** @return the cached (or freshly built) token-independent config; never modify it */
  Future<JsonObject> current() {
    return cache.get(ONLY_KEY);
  }

  private Future<JsonObject> build() {
    Future<Values> values = read();
    Future<Boolean> online = availability.online();
    Future<JsonArray> departments = availability.departments();
    return Future.all(values, online, departments).map(all -> !values.result().bool(LIVECHAT_ENABLED)
        ? new JsonObject().put("enabled", false)
        : config(values.result(), online.result(), departments.result()));
  }

  private Future<Values> read() {
    List<Future<Object>> reads = READ.stream().map(settings::value).toList();
    return Future.all(reads).map(done -> {
      Map<Setting, Object> byId = new EnumMap<>(Setting.class);
      for (int i = 0; i < READ.size(); i++) {
        byId.put(READ.get(i), reads.get(i).result());
      }
      return new Values(byId);
    });
  }

  private static JsonObject config(Values values, boolean online, JsonArray departments) {
    return new JsonObject().put("enabled", true)
        .put("settings", widgetSettings(values))
        .put("theme", theme(values))
        .put("messages", messages(values))
        .put("survey", new JsonObject()
            .put("items", new JsonArray().add("satisfaction").add("agentKnowledge").add("agentResposiveness")
                .add("agentFriendliness"))
            .put("values", new JsonArray().add("1").add("2").add("3").add("4").add("5")))
        .put("triggers", new JsonArray())
        .put("departments", departments)
        .put("resources", new JsonObject().put("sound", sound(values.string(SITE_URL)))
            .put("emojis", new JsonArray()))
        .put("online", online);
  }

  /** {@code config.settings}; no file upload and no video call in this system. */
  private static JsonObject widgetSettings(Values values) {
    return new JsonObject()
        .put("registrationForm", values.bool(LIVECHAT_REGISTRATION_FORM))
        .put("allowSwitchingDepartments", values.bool(LIVECHAT_ALLOW_SWITCHING_DEPARTMENTS))
        .put("nameFieldRegistrationForm", values.bool(LIVECHAT_NAME_FIELD_REGISTRATION_FORM))
        .put("emailFieldRegistrationForm", values.bool(LIVECHAT_EMAIL_FIELD_REGISTRATION_FORM))
        .put("displayOfflineForm", values.bool(LIVECHAT_DISPLAY_OFFLINE_FORM))
        .put("videoCall", false)
        .put("fileUpload", false)
        .put("language", values.string(LANGUAGE))
        .put("transcript", values.bool(LIVECHAT_ENABLE_TRANSCRIPT))
        .put("historyMonitorType", values.string(LIVECHAT_HISTORY_MONITOR_TYPE))
        .put("forceAcceptDataProcessingConsent", values.bool(LIVECHAT_FORCE_ACCEPT_DATA_PROCESSING_CONSENT))
        .put("showConnecting", values.bool(LIVECHAT_SHOW_CONNECTING))
        .put("agentHiddenInfo", !values.bool(LIVECHAT_SHOW_AGENT_INFO))
        .put("clearLocalStorageWhenChatEnded", values.bool(LIVECHAT_CLEAR_LOCAL_STORAGE_WHEN_CHAT_ENDED))
        .put("limitTextLength", limitTextLength(values));
  }

  /** Rocket.Chat's {@code enabled && (limit || Message_MaxAllowedSize)}: false, or a length in characters. */
  private static Object limitTextLength(Values values) {
    if (!values.bool(LIVECHAT_ENABLE_MESSAGE_CHARACTER_LIMIT)) {
      return false;
    }
    long limit = values.number(LIVECHAT_MESSAGE_CHARACTER_LIMIT);
    return limit > 0 ? limit : values.number(MESSAGE_MAX_ALLOWED_SIZE);
  }

  private static JsonObject theme(Values values) {
    String position = values.string(LIVECHAT_WIDGET_POSITION);
    return new JsonObject()
        .put("title", values.string(LIVECHAT_TITLE))
        .put("color", values.string(LIVECHAT_TITLE_COLOR))
        .put("offlineTitle", values.string(LIVECHAT_OFFLINE_TITLE))
        .put("offlineColor", values.string(LIVECHAT_OFFLINE_TITLE_COLOR))
        .put("position", position.isEmpty() ? "right" : position)
        .put("actionLinks", new JsonObject()
            .put("webrtc", new JsonArray()
                .add(new JsonObject().put("actionLinksAlignment", "flex-start").put("i18nLabel", "Join_call")
                    .put("label", "Join call").put("method_id", "joinLivechatWebRTCCall"))
                .add(new JsonObject().put("i18nLabel", "End_call").put("label", "End call")
                    .put("method_id", "endLivechatWebRTCCall").put("danger", true)))
            .put("jitsi", new JsonArray()
                .add(new JsonObject().put("icon", "icon-videocam").put("i18nLabel", "Accept"))
                .add(new JsonObject().put("icon", "icon-cancel").put("i18nLabel", "Decline"))));
  }

  private static JsonObject messages(Values values) {
    return new JsonObject()
        .put("offlineMessage", values.string(LIVECHAT_OFFLINE_MESSAGE))
        .put("offlineSuccessMessage", values.string(LIVECHAT_OFFLINE_SUCCESS_MESSAGE))
        .put("offlineUnavailableMessage", values.string(LIVECHAT_OFFLINE_FORM_UNAVAILABLE))
        .put("conversationFinishedMessage", values.string(LIVECHAT_CONVERSATION_FINISHED_MESSAGE))
        .put("conversationFinishedText", values.string(LIVECHAT_CONVERSATION_FINISHED_TEXT))
        .put("transcriptMessage", values.string(LIVECHAT_TRANSCRIPT_MESSAGE))
        .put("registrationFormMessage", values.string(LIVECHAT_REGISTRATION_FORM_MESSAGE))
        .put("dataProcessingConsentText", values.string(LIVECHAT_DATA_PROCESSING_CONSENT_TEXT));
  }

  /** Rocket.Chat's {@code <absolute url>sounds/chime.mp3}. */
  private static String sound(String siteUrl) {
    return (siteUrl.endsWith("/") ? siteUrl : siteUrl + "/") + "sounds/chime.mp3";
  }

  /** The settings read for one build, typed as the config needs them. */
  private record Values(Map<Setting, Object> byId) {

    boolean bool(Setting setting) {
      Object value = byId.get(setting);
      return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
    }

    String string(Setting setting) {
      Object value = byId.get(setting);
      return value == null ? "" : String.valueOf(value);
    }

    long number(Setting setting) {
      return byId.get(setting) instanceof Number n ? n.longValue() : ((Number) setting.defaultValue()).longValue();
    }
  }
}
