package chat.rocket.livechat.gateway.http;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.gateway.auth.Access;
import chat.rocket.livechat.gateway.messaging.CommandSender;
import chat.rocket.livechat.gateway.validation.OperatorSchemas;
import chat.rocket.livechat.platform.rocketchat.CacheInvalidation;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The custom-field administration endpoints (issue 11; Rocket.Chat's {@code server/api/v1/omnichannel/customField.ts}),
 * each authenticated (401 {@code {"status":"error","message":"You must be logged in to do this."}}), permission
 * checked (403 {@code {"success":false,"error":"User does not have the permissions required for this action
 * [error-unauthorized]"}}) and answered by the admin-service. Reads need {@code view-l-room}, writes
 * {@code view-livechat-manager}, as in Rocket.Chat. A successful write drops this process's cached custom fields at
 * once ({@link CacheInvalidation}), before the answer; other processes drop theirs on the {@code custom-field.changed}
 * event.
 */
public final class CustomFieldRoutes {

  /** Key of the list command. */
  private static final String LIST_KEY = "custom-fields";

  private final CommandSender requester;
  private final Access access;
  private final CacheInvalidation caches;

  /**
   * @param requester sends admin commands and yields their reply bodies
   * @param access    authentication, rate limit, validation and permission checks, in Rocket.Chat's order
   * @param caches    this process's cached custom fields
   */
  public CustomFieldRoutes(CommandSender requester, Access access, CacheInvalidation caches) {
    this.requester = requester;
    this.access = access;
    this.caches = caches;
  }

  /**
   * {@code GET livechat/custom-fields?text&offset&count&sort}: {@code view-l-room}. 200
   * {@code {customFields: [...], count, offset, total, success}} sorted by label; another query key 400
   * {@code must NOT have additional properties [invalid-params]}.
   */
  public void list(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.query(c), OperatorSchemas.CUSTOM_FIELDS_LIST_QUERY),
            List.of(Permission.VIEW_L_ROOM))
        .compose(call -> send(ctx, CommandType.CUSTOM_FIELDS_LIST, LIST_KEY, call.caller(), call.input())));
  }

  /** {@code GET livechat/custom-fields/:_id}: {@code view-l-room}. 200 {@code {customField: {...} | null, success}}. */
  public void get(RoutingContext ctx) {
    String id = ctx.pathParam("_id");
    ApiResponses.respond(ctx, access.authorize(ctx, c -> new JsonObject(), List.of(Permission.VIEW_L_ROOM))
        .compose(call -> send(ctx, CommandType.CUSTOM_FIELD_GET, id, call.caller(), new JsonObject().put("_id", id))));
  }

  /**
   * {@code POST livechat/custom-fields.save {customFieldId?, customFieldData: {field, label, scope, visibility,
   * regexp?, searchable?, type?, required?, defaultValue?, options?, public?}}}: {@code view-livechat-manager}. 200
   * {@code {customField, success}}; 400 {@code ... [invalid-params]} (ajv), {@code Invalid custom field name. ...},
   * {@code Custom Field already exists}, {@code Custom Field Not found}; nothing written on a refusal.
   */
  public void save(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.body(c), OperatorSchemas.CUSTOM_FIELD_SAVE_BODY),
            List.of(Permission.VIEW_LIVECHAT_MANAGER))
        .compose(call -> {
          String id = call.input().getString("customFieldId");
          String key = id == null || id.isEmpty() ? call.input().getJsonObject("customFieldData").getString("field")
              : id;
          return send(ctx, CommandType.CUSTOM_FIELD_SAVE, key, call.caller(), call.input())
              .onSuccess(answer -> caches.invalidate(EventType.CUSTOM_FIELD_CHANGED, key));
        }));
  }

  /**
   * {@code POST livechat/custom-fields.delete {customFieldId}}: {@code view-livechat-manager}. 200 {@code {success}};
   * 400 {@code ... [invalid-params]} (ajv) or {@code Custom field not found}, nothing written.
   */
  public void delete(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.body(c), OperatorSchemas.CUSTOM_FIELD_DELETE_BODY),
            List.of(Permission.VIEW_LIVECHAT_MANAGER))
        .compose(call -> {
          String id = call.input().getString("customFieldId");
          return send(ctx, CommandType.CUSTOM_FIELD_DELETE, id, call.caller(), call.input())
              .onSuccess(answer -> caches.invalidate(EventType.CUSTOM_FIELD_CHANGED, id));
        }));
  }

  /** Sends one command for this request; its correlation id goes to the request's log line ({@link RequestLog}). */
  private Future<JsonObject> send(RoutingContext ctx, CommandType type, String key, Caller caller, JsonObject body) {
    return requester.request(RequestLog.commandsOf(ctx), type, key, caller, body);
  }
}
