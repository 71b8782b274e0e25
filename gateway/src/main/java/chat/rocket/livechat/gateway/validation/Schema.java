package chat.rocket.livechat.gateway.validation;

import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;

/**
 * The JSON-schema subset of Rocket.Chat's ajv-validated endpoints (rest-typings, spec §4.1, §5.1, §6.1), with ajv's
 * behaviour: {@code coerceTypes: true} (numbers and booleans become strings, null becomes {@code ""} unless nullable),
 * {@code allErrors: false} (only the first error), and for objects the keyword order {@code type}, {@code required},
 * {@code additionalProperties}, then {@code properties} in schema order. Errors are ajv's texts without instance
 * path, as Rocket.Chat joins them: {@code must have required property 'rid'}, {@code must NOT have additional
 * properties}, {@code must be object}, {@code must be string}, {@code must be array}; they are thrown as
 * {@link ErrorCode#INVALID_PARAMS}, rendered {@code "<text> [invalid-params]"}.
 */
public abstract sealed class Schema permits Schema.StringSchema, Schema.BooleanSchema, ArraySchema,
    ObjectSchema {

  final boolean nullable;

  Schema(boolean nullable) {
    this.nullable = nullable;
  }

  /** @return {@code {type: 'string'}} */
  public static Schema string() {
    return new StringSchema(false);
  }

  /** @return {@code {type: 'string', nullable: true}} */
  public static Schema nullableString() {
    return new StringSchema(true);
  }

  /** @return {@code {type: 'boolean'}} */
  public static Schema bool() {
    return new BooleanSchema();
  }

  /** @return {@code {type: 'array', items}} */
  public static Schema arrayOf(Schema items) {
    return new ArraySchema(items, false);
  }

  /** @return {@code {type: 'array', items, nullable: true}} */
  public static Schema nullableArrayOf(Schema items) {
    return new ArraySchema(items, true);
  }

  /**
   * @return {@code {type: 'array', items, minItems: 1}}: an empty array fails with ajv's
   *     {@code must NOT have fewer than 1 items}
   */
  public static Schema nonEmptyArrayOf(Schema items) {
    return new ArraySchema(items, false, false, 1);
  }

  /**
   * @return {@code {type: 'array', items, uniqueItems: true}}: a repeated item fails with ajv's
   *     {@code must NOT have duplicate items (items ## <j> and <i> are identical)}
   */
  public static Schema uniqueArrayOf(Schema items) {
    return new ArraySchema(items, false, true);
  }

  /**
   * @return {@code {type: 'object', additionalProperties: false}}; add properties with {@link ObjectSchema#property}
   */
  public static ObjectSchema object() {
    return new ObjectSchema(false, false, null);
  }

  /** @return {@code {type: 'object', nullable: true}} with any properties */
  public static ObjectSchema anyObject() {
    return new ObjectSchema(true, true, null);
  }

  /** @return {@code {type: 'object', patternProperties: {'.*': values}, nullable: true}} */
  public static ObjectSchema nullableMapOf(Schema values) {
    return new ObjectSchema(true, true, values);
  }

  /**
   * Validates and coerces a value.
   *
   * @param value a Vert.x JSON value (null for JSON null)
   * @return the value after ajv's type coercion
   * @throws LivechatException {@link ErrorCode#INVALID_PARAMS} with ajv's message
   */
  public abstract Object validate(Object value);

  static LivechatException invalid(String message) {
    return new LivechatException(ErrorCode.INVALID_PARAMS, message);
  }

  /** {@code type: 'string'} with coercion. */
  static final class StringSchema extends Schema {
    StringSchema(boolean nullable) {
      super(nullable);
    }

    @Override
    public Object validate(Object value) {
      if (value instanceof String || (value == null && nullable)) {
        return value;
      }
      if (value == null) {
        return "";
      }
      if (value instanceof Boolean b) {
        return b.toString();
      }
      if (value instanceof Number n) {
        double d = n.doubleValue();
        return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e21 ? Long.toString((long) d)
            : n.toString();
      }
      throw invalid("must be string");
    }
  }

  /**
   * {@code type: 'boolean'} with ajv's coercion: {@code "true"} / {@code "false"}, {@code 1} / {@code 0} and null
   * ({@code false}) become booleans; anything else is {@code must be boolean}.
   */
  static final class BooleanSchema extends Schema {
    BooleanSchema() {
      super(false);
    }

    @Override
    public Object validate(Object value) {
      if (value instanceof Boolean || value == null) {
        return value != null && (Boolean) value;
      }
      if ("true".equals(value) || "false".equals(value)) {
        return Boolean.parseBoolean((String) value);
      }
      if (value instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
        return n.doubleValue() == 1;
      }
      throw invalid("must be boolean");
    }
  }
}
