package chat.rocket.livechat.gateway.validation;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code type: 'object'} with properties, required keys and additionalProperties. */
public final class ObjectSchema extends Schema {
  private final boolean additionalProperties;
  private final Schema valuesSchema;
  private final Map<String, Schema> properties = new LinkedHashMap<>();
  private final List<String> required = new ArrayList<>();

  ObjectSchema(boolean nullable, boolean additionalProperties, Schema valuesSchema) {
    super(nullable);
    this.additionalProperties = additionalProperties;
    this.valuesSchema = valuesSchema;
  }

  /** @return this schema with an optional property */
  public ObjectSchema property(String name, Schema schema) {
    properties.put(name, schema);
    return this;
  }

  /** @return this schema with a required property (listed in {@code required} in call order) */
  public ObjectSchema requiredProperty(String name, Schema schema) {
    required.add(name);
    return property(name, schema);
  }

  @Override
  public Object validate(Object value) {
    if (value == null && nullable) {
      return null;
    }
    if (!(value instanceof JsonObject object)) {
      throw invalid("must be object");
    }
    for (String name : required) {
      if (!object.containsKey(name)) {
        throw invalid("must have required property '" + name + "'");
      }
    }
    if (!additionalProperties && !properties.keySet().containsAll(object.fieldNames())) {
      throw invalid("must NOT have additional properties");
    }
    JsonObject coerced = object.copy();
    properties.forEach((name, schema) -> {
      if (object.containsKey(name)) {
        coerced.put(name, schema.validate(object.getValue(name)));
      }
    });
    if (valuesSchema != null) {
      object.forEach(entry -> coerced.put(entry.getKey(), valuesSchema.validate(entry.getValue())));
    }
    return coerced;
  }
}
