package chat.rocket.livechat.gateway.http;

import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.gateway.validation.Match;
import chat.rocket.livechat.gateway.validation.Schema;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Reads request input into JSON values and validates it: query strings become an object whose repeated parameters
 * are arrays (as Rocket.Chat's query parser gives them, so {@code ?token=a&token=b} fails the string check); bodies
 * are parsed with Jackson (an empty body is {@code {}}; malformed JSON is {@link ErrorCode#INVALID_BODY}, never a 500).
 */
public final class RequestInput {

  private RequestInput() {
  }

  /**
   * @return the query parameters in request order, with the bracket forms of Rocket.Chat's query parser (Express's
   *     {@code qs}): a repeated name maps to an array of its values, {@code name[]=v} adds {@code v} to the array
   *     {@code name}, {@code name[key]=v} puts {@code key: v} into the object {@code name} (one level); so
   *     {@code ?agents[]=a} is {@code {agents: ["a"]}} and {@code ?token[$ne]=x} an object a string check refuses
   */
  public static JsonObject query(RoutingContext ctx) {
    MultiMap params = ctx.queryParams();
    JsonObject query = new JsonObject();
    for (Map.Entry<String, String> param : params.entries()) {
      String name = param.getKey();
      int bracket = name.indexOf('[');
      if (bracket > 0 && name.endsWith("]")) {
        String key = name.substring(bracket + 1, name.length() - 1);
        Object value = key.isEmpty() ? param.getValue() : new JsonObject().put(key, param.getValue());
        add(query, name.substring(0, bracket), value, key.isEmpty());
      } else {
        add(query, name, param.getValue(), false);
      }
    }
    return query;
  }

  /** Adds one value under {@code name}: the second value makes an array; objects of {@code name[key]} merge. */
  private static void add(JsonObject query, String name, Object value, boolean array) {
    Object existing = query.getValue(name);
    if (existing == null) {
      query.put(name, array ? new JsonArray().add(value) : value);
    } else if (existing instanceof JsonObject object && value instanceof JsonObject more) {
      object.mergeIn(more);
    } else if (existing instanceof JsonArray values) {
      values.add(value);
    } else {
      query.put(name, new JsonArray().add(existing).add(value));
    }
  }

  /**
   * @return the parsed body: a {@link JsonObject}, {@link JsonArray}, string, number, boolean or null; {@code {}}
   *     for an empty body
   * @throws LivechatException {@link ErrorCode#INVALID_BODY} for malformed JSON
   */
  public static Object body(RoutingContext ctx) {
    Buffer raw = ctx.body() == null ? null : ctx.body().buffer();
    if (raw == null || raw.length() == 0) {
      return new JsonObject();
    }
    try {
      return Json.decodeValue(raw);
    } catch (DecodeException e) {
      throw new LivechatException(ErrorCode.INVALID_BODY);
    }
  }

  /**
   * Checks a value with Meteor's {@code check()}.
   *
   * @return the value as a JSON object
   * @throws LivechatException {@link ErrorCode#MATCH_ERROR} with Meteor's message
   */
  public static JsonObject check(Object value, Match pattern) {
    pattern.check(value).ifPresent(message -> {
      throw new LivechatException(ErrorCode.MATCH_ERROR, message);
    });
    return (JsonObject) value;
  }

  /**
   * Validates a value with an ajv schema.
   *
   * @return the coerced value
   * @throws LivechatException {@link ErrorCode#INVALID_PARAMS} with ajv's message
   */
  public static JsonObject validate(Object value, Schema schema) {
    return (JsonObject) schema.validate(value);
  }
}
