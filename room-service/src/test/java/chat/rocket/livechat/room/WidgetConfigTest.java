package chat.rocket.livechat.room;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.Setting;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code room.widget-config}: the widget's configuration as Rocket.Chat's {@code GET livechat/config} builds it. */
class WidgetConfigTest extends RoomHandlerTest {

  private JsonObject config(JsonObject body) {
    return await(fixture.widgetConfig.handle(command(CommandType.ROOM_WIDGET_CONFIG, null, body)))
        .getJsonObject("config");
  }

  @Test
  @DisplayName("without a token the config carries Rocket.Chat's defaults, no file upload, and no guest, room or agent")
  void defaultsWithoutToken() {
    JsonObject config = config(new JsonObject());

    assertThat(config.getBoolean("enabled")).isTrue();
    JsonObject settings = config.getJsonObject("settings");
    assertThat(settings.getBoolean("registrationForm")).isTrue();
    assertThat(settings.getBoolean("displayOfflineForm")).isTrue();
    assertThat(settings.getBoolean("fileUpload")).isFalse();
    assertThat(settings.getBoolean("transcript")).isFalse();
    assertThat(settings.getString("historyMonitorType")).isEqualTo("url");
    assertThat(settings.getValue("limitTextLength")).isEqualTo(false);
    assertThat(config.getJsonObject("theme").getString("title")).isEqualTo("Rocket.Chat");
    assertThat(config.getJsonObject("theme").getString("color")).isEqualTo("#C1272D");
    assertThat(config.getJsonObject("messages").getString("transcriptMessage"))
        .isEqualTo("Would you like a copy of this chat emailed?");
    assertThat(config.getJsonObject("survey").getJsonArray("values")).hasSize(5);
    assertThat(config.getJsonArray("triggers")).isEmpty();
    assertThat(config.getJsonObject("resources").getString("sound"))
        .isEqualTo("http://localhost:3000/sounds/chime.mp3");
    assertThat(config.fieldNames()).doesNotContain("guest", "room", "agent");
  }

  @Test
  @DisplayName("stored settings replace the defaults, and a character limit of 0 falls back to Message_MaxAllowedSize")
  void storedSettingsWin() {
    fixture.setting(Setting.LIVECHAT_TITLE, "Support");
    fixture.setting(Setting.LIVECHAT_SHOW_AGENT_INFO, false);
    fixture.setting(Setting.LIVECHAT_ENABLE_MESSAGE_CHARACTER_LIMIT, true);
    fixture.setting(Setting.MESSAGE_MAX_ALLOWED_SIZE, 300);

    JsonObject config = config(new JsonObject());

    assertThat(config.getJsonObject("theme").getString("title")).isEqualTo("Support");
    assertThat(config.getJsonObject("settings").getBoolean("agentHiddenInfo")).isTrue();
    assertThat(config.getJsonObject("settings").getLong("limitTextLength")).isEqualTo(300L);
  }

  @Test
  @DisplayName("online is true only while an agent is available, or when chats without agents are accepted")
  void onlineFollowsAvailability() {
    assertThat(config(new JsonObject()).getBoolean("online")).isFalse();

    fixture.agent("unavailable", "online", "not-available");
    fixture.agent("offline", "offline", "available");
    assertThat(config(new JsonObject()).getBoolean("online")).isFalse();

    fixture.setting(Setting.LIVECHAT_ACCEPT_CHATS_WITH_NO_AGENTS, true);
    assertThat(config(new JsonObject()).getBoolean("online")).isTrue();

    fixture.setting(Setting.LIVECHAT_ACCEPT_CHATS_WITH_NO_AGENTS, false);
    fixture.agent("alice", "online", "available");
    assertThat(config(new JsonObject()).getBoolean("online")).isTrue();
  }

  @Test
  @DisplayName("with Livechat disabled the config is {enabled: false} alone, even with a token")
  void disabled() {
    fixture.setting(Setting.LIVECHAT_ENABLED, false);
    JsonObject visitor = fixture.visitor("Ada");

    assertThat(config(new JsonObject().put("token", visitor.getString("token"))))
        .isEqualTo(new JsonObject().put("enabled", false));
  }

  @Test
  @DisplayName("a served visitor's token adds the guest, its open room and the agent's public fields")
  void guestRoomAndAgent() {
    JsonObject agent = fixture.agent("alice", "online", "available");
    JsonObject visitor = fixture.visitor("Ada");
    JsonObject room = fixture.updateRoom(fixture.openRoom(visitor), new JsonObject()
        .put("servedBy", new JsonObject().put("_id", agent.getString("_id")).put("username", "alice")));

    JsonObject config = config(new JsonObject().put("token", visitor.getString("token")));

    assertThat(config.getJsonObject("guest")).isEqualTo(new JsonObject().put("_id", visitor.getString("_id"))
        .put("username", visitor.getString("username")).put("token", visitor.getString("token")).put("name", "Ada"));
    assertThat(config.getJsonObject("room")).isEqualTo(new JsonObject().put("_id", room.getString("_id"))
        .put("servedBy", room.getJsonObject("servedBy")).put("open", true));
    assertThat(config.getJsonObject("agent")).isEqualTo(new JsonObject().put("_id", agent.getString("_id"))
        .put("username", "alice").put("name", "Agent alice").put("status", "online"));
  }

  @Test
  @DisplayName("an unknown token adds nothing, and a visitor without open room gets no room")
  void unknownTokenAndNoRoom() {
    JsonObject visitor = fixture.visitor("Ada");

    assertThat(config(new JsonObject().put("token", "no-such-token")).fieldNames())
        .doesNotContain("guest", "room", "agent");
    JsonObject config = config(new JsonObject().put("token", visitor.getString("token")));
    assertThat(config.getJsonObject("guest").getString("name")).isEqualTo("Ada");
    assertThat(config.fieldNames()).doesNotContain("room", "agent");
  }

  @Test
  @DisplayName("departments lists the enabled departments that have agents")
  void departments() {
    fixture.insert(Collections.DEPARTMENTS, new JsonObject().put("_id", "sales").put("name", "Sales")
        .put("enabled", true).put("numAgents", 2).put("showOnRegistration", true).put("showOnOfflineForm", false)
        .put("email", "sales@example.com"));
    fixture.insert(Collections.DEPARTMENTS, new JsonObject().put("_id", "empty").put("name", "Empty")
        .put("enabled", true).put("numAgents", 0));
    fixture.insert(Collections.DEPARTMENTS, new JsonObject().put("_id", "off").put("name", "Off")
        .put("enabled", false).put("numAgents", 1));

    assertThat(config(new JsonObject()).getJsonArray("departments")).isEqualTo(new JsonArray()
        .add(new JsonObject().put("_id", "sales").put("name", "Sales").put("showOnRegistration", true)
            .put("showOnOfflineForm", false)));
  }
}
