package chat.rocket.livechat.admin;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static chat.rocket.livechat.testkit.HandlerFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code setting.get} and {@code setting.set}: {@code GET} and {@code POST settings/:_id}. */
class SettingsAdminTest extends AdminHandlerTest {

  private Future<JsonObject> get(String id) {
    return fixture.settings.get(command(CommandType.SETTING_GET, null, new JsonObject().put("_id", id)));
  }

  private Future<JsonObject> set(String id, Object value) {
    return fixture.settings.set(command(CommandType.SETTING_SET, null,
        new JsonObject().put("_id", id).put("value", value)));
  }

  private Object storedValue(String id) {
    return fixture.findOne(Collections.SETTINGS, new JsonObject().put("_id", id)).getValue("value");
  }

  @Test
  @DisplayName("a stored setting is answered with its _id and value only")
  void getsSetting() {
    fixture.storedSetting("Livechat_title", "Support");

    assertThat(await(get("Livechat_title")))
        .isEqualTo(new JsonObject().put("_id", "Livechat_title").put("value", "Support"));
  }

  @Test
  @DisplayName("an unknown or hidden setting fails as Rocket.Chat's bare failure")
  void unknownOrHiddenSetting() {
    fixture.insert(Collections.SETTINGS, new JsonObject().put("_id", "Secret").put("value", "x").put("hidden", true));

    assertThat(failure(get("Nope")).code()).isEqualTo(ErrorCode.FAILURE_WITHOUT_MESSAGE);
    assertThat(failure(get("Secret")).code()).isEqualTo(ErrorCode.FAILURE_WITHOUT_MESSAGE);
    assertThat(failure(set("Secret", "y")).code()).isEqualTo(ErrorCode.FAILURE_WITHOUT_MESSAGE);
    assertThat(storedValue("Secret")).isEqualTo("x");
  }

  @Test
  @DisplayName("a new value is stored with one setting.changed event keyed by the setting id")
  void setsValue() {
    fixture.storedSetting("Livechat_enabled", true);

    assertThat(await(set("Livechat_enabled", false))).isEqualTo(new JsonObject());

    assertThat(storedValue("Livechat_enabled")).isEqualTo(false);
    assertThat(fixture.published).hasSize(1);
    assertThat(fixture.published.get(0).type()).isEqualTo(EventType.SETTING_CHANGED);
    assertThat(fixture.published.get(0).subject()).isEqualTo("Livechat_enabled");
    assertThat(fixture.published.get(0).document().getValue("value")).isEqualTo(false);
    assertThat(fixture.published.get(0).changedFields()).containsExactly("value");
  }

  @Test
  @DisplayName("the value a setting already has writes nothing and publishes nothing")
  void unchangedValue() {
    fixture.storedSetting("Livechat_guest_count", 3);

    await(set("Livechat_guest_count", 3.0));

    assertThat(fixture.published).isEmpty();
  }

  @Test
  @DisplayName("a value of another type than the setting's is refused and nothing is written")
  void wrongType() {
    fixture.storedSetting("Livechat_enabled", true);
    fixture.storedSetting("Livechat_guest_count", 0);
    fixture.storedSetting("Livechat_title", "Rocket.Chat");

    assertThat(failure(set("Livechat_enabled", "false")).code()).isEqualTo(ErrorCode.FAILURE_WITHOUT_MESSAGE);
    assertThat(failure(set("Livechat_guest_count", "5")).code()).isEqualTo(ErrorCode.FAILURE_WITHOUT_MESSAGE);
    assertThat(failure(set("Livechat_title", 5)).code()).isEqualTo(ErrorCode.FAILURE_WITHOUT_MESSAGE);
    assertThat(failure(set("Livechat_title", null)).code()).isEqualTo(ErrorCode.FAILURE_WITHOUT_MESSAGE);

    assertThat(storedValue("Livechat_enabled")).isEqualTo(true);
    assertThat(storedValue("Livechat_title")).isEqualTo("Rocket.Chat");
    assertThat(fixture.published).isEmpty();
  }

  @Test
  @DisplayName("a declared type wins over the type of the stored value")
  void declaredType() {
    fixture.insert(Collections.SETTINGS, new JsonObject().put("_id", "Choice").put("type", "select")
        .put("value", "a"));
    fixture.insert(Collections.SETTINGS, new JsonObject().put("_id", "Run").put("type", "action")
        .put("value", "method"));

    await(set("Choice", "b"));
    await(set("Run", true));

    assertThat(storedValue("Choice")).isEqualTo("b");
    assertThat(storedValue("Run")).isEqualTo(true);
  }

  @Test
  @DisplayName("an object value with an operator-like key is refused even for a setting of any type")
  void operatorKeys() {
    fixture.insert(Collections.SETTINGS, new JsonObject().put("_id", "Run").put("type", "action")
        .put("value", "method"));

    assertThat(failure(set("Run", new JsonObject().put("$set", new JsonObject().put("x", 1)))).code())
        .isEqualTo(ErrorCode.FAILURE_WITHOUT_MESSAGE);
    assertThat(failure(set("Run", new JsonObject().put("a", new JsonObject().put("b.c", 1)))).code())
        .isEqualTo(ErrorCode.FAILURE_WITHOUT_MESSAGE);
    assertThat(storedValue("Run")).isEqualTo("method");
  }
}
