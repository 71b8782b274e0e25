package chat.rocket.livechat.standalone;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Rocket.Chat's end-to-end test helpers for visitors and rooms ({@code tests/data/livechat/rooms.ts}:
 * {@code createVisitor}, {@code createLivechatRoom}), over real HTTP.
 */
public final class Visitors {

  private final Api api;

  public Visitors(Api api) {
    this.api = api;
  }

  /** @return a new visitor registered with {@code POST livechat/visitor} ({@code visitor} of the response) */
  public JsonObject create() {
    return create(TestSystem.randomToken(), "Visitor " + System.nanoTime());
  }

  /** @return a new visitor with that token and name */
  public JsonObject create(String token, String name) {
    JsonObject visitor = new JsonObject().put("token", token).put("name", name)
        .put("email", token + "@" + token + ".com").put("phone", Long.toString(System.nanoTime()));
    Api.Response response = api.post("livechat/visitor", Map.of(), new JsonObject().put("visitor", visitor));
    if (response.status() != 200) {
      throw new IllegalStateException("visitor registration failed: " + response.body());
    }
    return response.json().getJsonObject("visitor");
  }

  /** @return the room of {@code GET livechat/room?token=<token>} ({@code room} of the response) */
  public JsonObject createRoom(String token) {
    return createRoom(token, Map.of());
  }

  /**
   * The same call with extra headers, e.g. a staff session as Rocket.Chat's {@code createLivechatRoom} sends (the
   * endpoint is public and ignores it).
   *
   * @return {@code room} of the response
   */
  public JsonObject createRoom(String token, Map<String, String> headers) {
    Api.Response response = api.get("livechat/room?token=" + token, headers);
    if (response.status() != 200) {
      throw new IllegalStateException("room creation failed: " + response.body());
    }
    return response.json().getJsonObject("room");
  }

  /** @return a body for {@code POST livechat/room.saveInfo} */
  public static JsonObject saveInfo(JsonObject guestData, JsonObject roomData) {
    return new JsonObject().put("guestData", guestData).put("roomData", roomData);
  }

  /** @return {@code ["a", "b", ...]} */
  public static JsonArray array(String... values) {
    JsonArray array = new JsonArray();
    for (String value : values) {
      array.add(value);
    }
    return array;
  }
}
