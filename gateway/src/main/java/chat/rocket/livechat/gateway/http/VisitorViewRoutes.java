package chat.rocket.livechat.gateway.http;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.gateway.auth.Access;
import chat.rocket.livechat.gateway.messaging.CommandSender;
import chat.rocket.livechat.gateway.validation.Schema;
import chat.rocket.livechat.gateway.validation.StaffReadSchemas;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The staff's views of visitors, Rocket.Chat 7.x's {@code livechat/visitors.*} reads
 * ({@code app/livechat/imports/server/rest/visitors.ts}): authenticated (401), {@code view-l-room} (403
 * {@code User does not have the permissions required for this action [error-unauthorized]}), validated as its ajv
 * schemas (400 {@code invalid-params}); then, as Rocket.Chat's actions do after the permission check, the page
 * ({@code count}, {@code offset}), {@code sort} and the autocomplete selector are read ({@link PageParams},
 * {@code parseJsonQuery}, {@code JSON.parse}). The room views go to the room-service, the searches to the
 * visitor-service.
 */
public final class VisitorViewRoutes {

  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

  private final CommandSender requester;
  private final Access access;

  /**
   * @param requester sends room and visitor commands and yields their reply bodies
   * @param access    authentication, rate limit, validation and permission checks, in Rocket.Chat's order
   */
  public VisitorViewRoutes(CommandSender requester, Access access) {
    this.requester = requester;
    this.access = access;
  }

  /**
   * {@code GET livechat/visitors.pagesVisited/:roomId?count&offset&sort}: 200 {@code {pages, count, offset, total,
   * success}} (the room's {@code livechat_navigation_history} messages, newest first); 400
   * {@code {"success":false,"error":"invalid-room"}}.
   */
  public void pagesVisited(RoutingContext ctx) {
    String roomId = ctx.pathParam("roomId");
    call(ctx, StaffReadSchemas.VISITOR_PAGE_QUERY, CommandType.ROOM_PAGES_VISITED, roomId,
        query -> page(query).put("roomId", roomId));
  }

  /**
   * {@code GET livechat/visitors.chatHistory/room/:roomId/visitor/:visitorId?count&offset&sort}: 200 {@code {history,
   * count, offset, total, success}} (the visitor's livechat rooms, newest first); 400 {@code invalid-room},
   * {@code error-not-allowed} (the caller may not access {@code roomId}).
   */
  public void chatHistory(RoutingContext ctx) {
    String roomId = ctx.pathParam("roomId");
    call(ctx, StaffReadSchemas.VISITOR_PAGE_QUERY, CommandType.ROOM_CHAT_HISTORY, roomId,
        query -> page(query).put("roomId", roomId).put("visitorId", ctx.pathParam("visitorId")));
  }

  /**
   * {@code GET livechat/visitors.searchChats/room/:roomId/visitor/:visitorId?searchText&closedChatsOnly
   * &servedChatsOnly&source&count&offset&sort}: 200 {@code {history, count, offset, total, success}};
   * {@code closedChatsOnly=true} only closed rooms, {@code servedChatsOnly=true} only served ones; 400
   * {@code invalid-room}, {@code error-not-allowed}.
   */
  public void searchChats(RoutingContext ctx) {
    String roomId = ctx.pathParam("roomId");
    call(ctx, StaffReadSchemas.SEARCH_CHATS_QUERY, CommandType.ROOM_SEARCH_CHATS, roomId, query -> page(query)
        .put("roomId", roomId).put("visitorId", ctx.pathParam("visitorId"))
        .put("searchText", query.getString("searchText")).put("source", query.getString("source"))
        .put("closedOnly", "true".equals(query.getString("closedChatsOnly")))
        .put("servedOnly", "true".equals(query.getString("servedChatsOnly"))));
  }

  /**
   * {@code GET livechat/visitors.autocomplete?selector={term, exceptions?, conditions?}}: 200 {@code {items: [{_id,
   * name, username}], success}}, at most 10 visitors whose name starts with {@code term}; 400
   * {@code must have required property 'selector' [invalid-params]}, {@code The "selector" query parameter must be a
   * valid JSON.} (not JSON, no string {@code term}, {@code exceptions} not strings, a condition not a plain field
   * name with a string, number or boolean).
   */
  public void autocomplete(RoutingContext ctx) {
    call(ctx, StaffReadSchemas.VISITOR_AUTOCOMPLETE_QUERY, CommandType.VISITOR_AUTOCOMPLETE, "autocomplete",
        query -> selector(query.getString("selector")));
  }

  /**
   * {@code GET livechat/visitors.search?term&count&offset&sort}: 200 {@code {visitors, count, offset, total,
   * success}}; 400 {@code must have required property 'term' [invalid-params]}.
   */
  public void search(RoutingContext ctx) {
    call(ctx, StaffReadSchemas.VISITOR_SEARCH_QUERY, CommandType.VISITOR_SEARCH, "search",
        query -> page(query).put("term", query.getString("term", "")));
  }

  private void call(RoutingContext ctx, Schema schema, CommandType type, String key,
                    Function<JsonObject, JsonObject> body) {
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.query(c), schema), List.of(Permission.VIEW_L_ROOM))
        .compose(call -> Future.succeededFuture(call.input()).map(body)
            .compose(input -> send(ctx, type, key, call.caller(), input))));
  }

  /** @return {@code {offset, count, sort?}} of the query */
  private static JsonObject page(JsonObject query) {
    JsonObject page = new JsonObject().put("offset", PageParams.offset(query.getString("offset")))
        .put("count", PageParams.count(query.getString("count")));
    JsonObject sort = RoomListRoutes.sort(query);
    return sort == null ? page : page.put("sort", sort);
  }

  /** @return {@code {term, exceptions, conditions}} of the autocomplete selector, every part checked */
  static JsonObject selector(String text) {
    JsonObject selector;
    try {
      selector = new JsonObject(text);
    } catch (DecodeException e) {
      throw invalidSelector();
    }
    JsonArray exceptions = selector.getValue("exceptions", new JsonArray()) instanceof JsonArray array ? array : null;
    JsonObject conditions = selector.getValue("conditions", new JsonObject()) instanceof JsonObject object
        ? object : null;
    if (!(selector.getValue("term") instanceof String term) || exceptions == null || conditions == null
        || !exceptions.stream().allMatch(String.class::isInstance)
        || !conditions.stream().allMatch(condition -> FIELD_NAME.matcher(condition.getKey()).matches()
            && (condition.getValue() instanceof String || condition.getValue() instanceof Number
            || condition.getValue() instanceof Boolean))) {
      throw invalidSelector();
    }
    return new JsonObject().put("term", term).put("exceptions", exceptions).put("conditions", conditions);
  }

  private static LivechatException invalidSelector() {
    return new LivechatException(ErrorCode.INVALID_JSON_PARAM, ErrorCode.INVALID_JSON_PARAM.format("selector"));
  }

  private Future<JsonObject> send(RoutingContext ctx, CommandType type, String key, Caller caller, JsonObject body) {
    return requester.request(RequestLog.commandsOf(ctx), type, key, caller, body);
  }
}
