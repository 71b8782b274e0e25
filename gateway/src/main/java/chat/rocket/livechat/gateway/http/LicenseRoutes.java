package chat.rocket.livechat.gateway.http;

import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.Permission;
import chat.rocket.livechat.gateway.auth.Access;
import chat.rocket.livechat.gateway.auth.Access.AuthorizedCall;
import chat.rocket.livechat.gateway.messaging.CommandSender;
import chat.rocket.livechat.gateway.validation.InquirySchemas;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET licenses.info?loadValues} as Rocket.Chat 7.x answers it without a license (Community Edition:
 * {@code ee/server/api/licenses.ts} over {@code License.getInfo}): authenticated (401), no permission required.
 * 200 {@code {license: {activeModules: [], externalModules: [], preventedActions: {<kind>: false}, limits, tags: [],
 * trial: false}, success: true}}: with {@code view-privileged-setting} {@code limits} has one entry per global limit
 * kind ({@code activeUsers, guestUsers, privateApps, marketplaceApps, monthlyActiveContacts}), each {@code {max: -1}}
 * (unlimited) and, with {@code loadValues=true}, its current {@code value} (counted by the room-service's
 * {@code license.usage}; no apps engine runs here, so the apps' values are 0); without it {@code limits} is
 * {@code {}}. No {@code license} key: there is none.
 */
public final class LicenseRoutes {

  /** Rocket.Chat's {@code globalLimitKinds}, the limits {@code getInfo} lists. */
  private static final List<String> LIMIT_KINDS = List.of("activeUsers", "guestUsers", "privateApps",
      "marketplaceApps", "monthlyActiveContacts");
  /** The kinds {@code shouldPreventActionResultsMap} answers. */
  private static final List<String> PREVENTABLE = List.of("activeUsers", "guestUsers", "roomsPerGuest",
      "privateApps", "marketplaceApps", "monthlyActiveContacts");
  /** {@code max} of a limit no license sets: unlimited. */
  private static final int UNLIMITED = -1;

  private final CommandSender requester;
  private final Access access;

  /**
   * @param requester sends {@code license.usage} and yields its reply
   * @param access    authentication, rate limit, validation and permission checks, in Rocket.Chat's order
   */
  public LicenseRoutes(CommandSender requester, Access access) {
    this.requester = requester;
    this.access = access;
  }

  /** {@code GET licenses.info?loadValues}; a {@code loadValues} other than a boolean is 400 {@code invalid-params}. */
  public void info(RoutingContext ctx) {
    ApiResponses.respond(ctx, access.authorize(ctx,
            c -> RequestInput.validate(RequestInput.query(c), InquirySchemas.LICENSES_INFO_QUERY), List.of())
        .compose(call -> access.holds(call.caller(), Permission.VIEW_PRIVILEGED_SETTING)
            .compose(privileged -> limits(ctx, call, privileged)))
        .map(LicenseRoutes::info));
  }

  private Future<JsonObject> limits(RoutingContext ctx, AuthorizedCall call, boolean privileged) {
    if (!privileged) {
      return Future.succeededFuture(new JsonObject());
    }
    Future<JsonObject> values = !call.input().getBoolean("loadValues", false) ? Future.succeededFuture()
        : requester.request(RequestLog.commandsOf(ctx), CommandType.LICENSE_USAGE, "licenses", call.caller(),
            new JsonObject());
    return values.map(LicenseRoutes::limitsOf);
  }

  private static JsonObject limitsOf(JsonObject values) {
    JsonObject limits = new JsonObject();
    for (String kind : LIMIT_KINDS) {
      JsonObject limit = new JsonObject();
      if (values != null) {
        limit.put("value", values.getLong(kind, 0L));
      }
      limits.put(kind, limit.put("max", UNLIMITED));
    }
    return limits;
  }

  private static JsonObject info(JsonObject limits) {
    JsonObject prevented = new JsonObject();
    PREVENTABLE.forEach(kind -> prevented.put(kind, false));
    return new JsonObject().put("license", new JsonObject().put("activeModules", new JsonArray())
        .put("externalModules", new JsonArray()).put("preventedActions", prevented).put("limits", limits)
        .put("tags", new JsonArray()).put("trial", false));
  }
}
