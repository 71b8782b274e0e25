package chat.rocket.livechat.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Whether a value fits a stored Rocket.Chat setting ({@code rocketchat_settings}: {@code {_id, type?, value,
 * packageValue?}}). The type is the document's {@code type} (Rocket.Chat's setting types), else the JSON type of its
 * {@code packageValue}, else of its current {@code value}:
 * <ul>
 *   <li>{@code boolean}: a JSON boolean;</li>
 *   <li>{@code int}, {@code range}: a JSON number;</li>
 *   <li>{@code string}, {@code select}, {@code code}, {@code color}, {@code language}, {@code password},
 *       {@code relativeUrl}, {@code timezone}, {@code font}: a JSON string;</li>
 *   <li>{@code multiSelect}: a JSON array;</li>
 *   <li>any other type ({@code action}, {@code asset}, {@code date}, ...) or no known type: any value.</li>
 * </ul>
 * Whatever the type, an object holding a key that starts with {@code $} or contains {@code .} (at any depth) is
 * refused: MongoDB cannot store it, and it must never reach an update as an operator.
 * Rocket.Chat's REST route stores whatever it is given; this system's readers expect the type (a string
 * {@code "false"} would read as a boolean), so a misfit is refused as Rocket.Chat refuses an unknown setting.
 */
final class SettingTypes {

  private static final Set<String> NUMBERS = Set.of("int", "range");
  private static final Set<String> STRINGS = Set.of("string", "select", "code", "color", "language", "password",
      "relativeUrl", "timezone", "font");

  private SettingTypes() {
  }

  /**
   * @param setting the stored setting document
   * @param value   the submitted value (a JSON value: Boolean, Number, String, JsonArray, JsonObject or null)
   * @return whether the value has the setting's type
   */
  static boolean accepts(JsonObject setting, Object value) {
    return storable(value) && hasType(typeOf(setting), value);
  }

  private static boolean hasType(String type, Object value) {
    if ("boolean".equals(type)) {
      return value instanceof Boolean;
    }
    if (NUMBERS.contains(type)) {
      return value instanceof Number;
    }
    if (STRINGS.contains(type)) {
      return value instanceof String;
    }
    if ("multiSelect".equals(type)) {
      return value instanceof JsonArray;
    }
    return true;
  }

  /** @return false for an object (at any depth) with a key MongoDB refuses in a stored value */
  static boolean storable(Object value) {
    if (value instanceof JsonObject object) {
      return object.fieldNames().stream().noneMatch(key -> key.startsWith("$") || key.contains("."))
          && object.stream().allMatch(entry -> storable(entry.getValue()));
    }
    if (value instanceof JsonArray array) {
      return array.stream().allMatch(SettingTypes::storable);
    }
    return true;
  }

  /** @return the declared type, or the one inferred from the package value or the current value; null if unknown */
  static String typeOf(JsonObject setting) {
    String declared = setting.getString("type");
    if (declared != null) {
      return declared;
    }
    Object sample = setting.containsKey("packageValue") ? setting.getValue("packageValue") : setting.getValue("value");
    return inferred(sample);
  }

  /** @return {@code boolean}, {@code int}, {@code string} or {@code multiSelect} for a JSON value; else null */
  static String inferred(Object value) {
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof Number) {
      return "int";
    }
    if (value instanceof String) {
      return "string";
    }
    return value instanceof JsonArray ? "multiSelect" : null;
  }
}
