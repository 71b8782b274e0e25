package chat.rocket.livechat.gateway.http;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.gateway.auth.Access;
import chat.rocket.livechat.gateway.messaging.CommandSender;
import chat.rocket.livechat.gateway.validation.OperatorSchemas;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The staff's room list (issue 11): Rocket.Chat's {@code GET livechat/rooms} and {@code GET livechat/rooms/filters}
 * ({@code app/livechat/imports/server/rest/rooms.ts}, {@code findRooms}), authenticated (401), validated (400
 * {@code invalid-params}), answered by the room-service. Every field name a client sends (custom fields, sort,
 * fields) must be a plain name ({@code [A-Za-z0-9_.-]}, not starting with {@code $}), so no operator reaches a query.
 */
public final class RoomListRoutes {

  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

  private final CommandSender requester;
  private final Access access;

  /**
   * @param requester sends room commands and yields their reply bodies
   * @param access    authentication, rate limit, validation and permission checks, in Rocket.Chat's order
   */
  public RoomListRoutes(CommandSender requester, Access access) {
    this.requester = requester;
    this.access = access;
  }

  /**
   * {@code GET livechat/rooms?agents[]&roomName&departmentId&open&queued&createdAt&closedAt&tags[]&customFields&sort
   * &fields&count&offset}: {@code view-livechat-rooms}, or {@code view-l-room} when {@code agents} is exactly the
   * caller (else 403 {@code {"success":false,"error":"unauthorized"}}). {@code roomName} in double quotes matches the
   * whole name, else any part (case-insensitive); {@code createdAt} / {@code closedAt} are JSON {@code {start, end}}
   * (ISO dates), {@code customFields} a JSON object of field to text. 200 {@code {rooms, count, offset, total,
   * success}}; 400 {@code invalid-params}, {@code The "<name>" query parameter must be a valid JSON.},
   * {@code The "createdAt.start" query parameter must be a valid date.},
   * {@code [error-invalid-sort]}, {@code [error-invalid-fields]}.
   */
  public void list(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx, c -> filters(RequestInput.validate(RequestInput.query(c),
            OperatorSchemas.ROOMS_QUERY)), List.of())
        .compose(call -> mayList(call.caller(), call.input()).map(call))
        .compose(call -> requester.request(RequestLog.commandsOf(ctx), CommandType.ROOM_LIST,
            call.caller().userId(), call.caller(), call.input())));
  }

  /**
   * {@code GET livechat/rooms/filters}: {@code view-l-room} (403). 200 {@code {filters: [{type}], success}}, the
   * source types of the stored livechat rooms ({@code widget}, {@code api}, ...).
   */
  public void sources(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx, c -> new JsonObject(), List.of(Permission.VIEW_L_ROOM))
        .compose(call -> requester.request(RequestLog.commandsOf(ctx), CommandType.ROOM_FILTERS, "filters",
            call.caller(), new JsonObject())));
  }

  private Future<Void> mayList(Caller caller, JsonObject input) {
    JsonArray agents = input.getJsonArray("agents");
    boolean ownRooms = agents != null && agents.size() == 1 && caller.userId().equals(agents.getValue(0));
    LivechatException refused = new LivechatException(ErrorCode.UNAUTHORIZED);
    return access.holds(caller, Permission.VIEW_LIVECHAT_ROOMS)
        .compose(all -> all ? Future.succeededFuture()
            : ownRooms ? access.require(caller, Permission.VIEW_L_ROOM, refused) : Future.failedFuture(refused));
  }

  /** @return the command body: the validated query with its JSON filters parsed and its page resolved */
  static JsonObject filters(JsonObject query) {
    JsonObject body = new JsonObject();
    for (String key : List.of("agents", "roomName", "departmentId", "tags")) {
      if (query.getValue(key) != null) {
        body.put(key, query.getValue(key));
      }
    }
    flag(query, "open").ifPresent(open -> body.put("open", open));
    flag(query, "queued").ifPresent(queued -> body.put("queued", queued));
    range(query, "createdAt", body);
    range(query, "closedAt", body);
    JsonObject customFields = json(query, "customFields", ErrorCode.INVALID_JSON_PARAM);
    if (customFields != null) {
      customFields.forEach(entry -> plainName(entry.getKey(), ErrorCode.INVALID_JSON_PARAM, "customFields"));
      body.put("customFields", customFields);
    }
    JsonObject sort = sort(query);
    if (sort != null) {
      body.put("sort", sort);
    }
    JsonObject fields = json(query, "fields", ErrorCode.INVALID_FIELDS);
    if (fields != null) {
      fields.forEach(entry -> plainName(entry.getKey(), ErrorCode.INVALID_FIELDS, query.getString("fields")));
      body.put("fields", fields);
    }
    return body.put("offset", PageParams.offset(query.getString("offset")))
        .put("count", PageParams.count(query.getString("count")));
  }

  /**
   * Rocket.Chat's {@code parseJsonQuery} sort: a JSON object of plain field names to 1 or -1.
   *
   * @return the query's {@code sort} parsed, null when absent; anything else fails with 400
   *     {@code Invalid sort parameter provided "<sort>" [error-invalid-sort]}
   */
  static JsonObject sort(JsonObject query) {
    JsonObject sort = json(query, "sort", ErrorCode.INVALID_SORT);
    if (sort != null) {
      sort.forEach(entry -> order(entry.getKey(), entry.getValue(), query.getString("sort")));
    }
    return sort;
  }

  private static Optional<Boolean> flag(JsonObject query, String name) {
    String value = query.getString(name);
    return value == null ? Optional.empty() : Optional.of("true".equals(value));
  }

  /** Rocket.Chat's {@code validateDateParams}: a JSON {@code {start?, end?}} of ISO-8601 instants. */
  private static void range(JsonObject query, String name, JsonObject body) {
    JsonObject range = json(query, name, ErrorCode.INVALID_JSON_PARAM);
    if (range == null) {
      return;
    }
    for (String bound : List.of("start", "end")) {
      Object value = range.getValue(bound);
      if (value != null && !(value instanceof String text && isInstant(text))) {
        throw new LivechatException(ErrorCode.INVALID_DATE_PARAM,
            ErrorCode.INVALID_DATE_PARAM.format(name + "." + bound));
      }
    }
    body.put(name, range);
  }

  private static boolean isInstant(String text) {
    try {
      Instant.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** @return the parameter parsed as a JSON object, null when absent; anything else fails with {@code code} */
  private static JsonObject json(JsonObject query, String name, ErrorCode code) {
    String text = query.getString(name);
    if (text == null) {
      return null;
    }
    try {
      return new JsonObject(text);
    } catch (DecodeException e) {
      throw new LivechatException(code, code.format(code == ErrorCode.INVALID_JSON_PARAM ? name : text));
    }
  }

  private static void order(String field, Object direction, String sort) {
    plainName(field, ErrorCode.INVALID_SORT, sort);
    if (!(direction instanceof Number number) || Math.abs(number.intValue()) != 1) {
      throw new LivechatException(ErrorCode.INVALID_SORT, ErrorCode.INVALID_SORT.format(sort));
    }
  }

  private static void plainName(String field, ErrorCode code, String detail) {
    if (!FIELD_NAME.matcher(field).matches()) {
      throw new LivechatException(code, code.format(detail));
    }
  }
}
