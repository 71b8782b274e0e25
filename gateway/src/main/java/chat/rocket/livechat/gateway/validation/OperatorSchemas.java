package chat.rocket.livechat.gateway.validation;

import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The request schemas of the operator's endpoints (issue 11: permissions, custom fields, livechat staff, users, {@code
 * channels.info}, {@code livechat/rooms}), as Rocket.Chat's rest-typings declare them ({@code isUserCreateParamsPOST},
 * {@code isUsersInfoParamsGetProps}, {@code isUsersUpdateParamsPOST}, {@code isChannelsInfoProps}, {@code
 * isGETLivechatRoomsParams}, ...): no additional keys. Held to {@code docs/openapi.yaml} by {@code
 * SchemasDocumentTest}, like {@link Schemas}.
 */
public final class OperatorSchemas {

  /** {@code POST users.create} body: email, name, password and username required. */
  public static final Schema USER_CREATE_BODY = userData(Schema.object()
      .requiredProperty("email", Schema.string())
      .requiredProperty("name", Schema.string())
      .requiredProperty("password", Schema.string())
      .requiredProperty("username", Schema.string()));

  /** {@code GET users.info} query: one of userId, username, importId (checked by the route), fields. */
  public static final Schema USER_INFO_QUERY = Schema.object()
      .property("userId", Schema.string())
      .property("username", Schema.string())
      .property("importId", Schema.string())
      .property("fields", Schema.string());

  /** {@code POST users.update} body: {@code userId} and {@code data} (every key optional). */
  public static final Schema USER_UPDATE_BODY = Schema.object()
      .requiredProperty("userId", Schema.string())
      .requiredProperty("data", userData(Schema.object()
          .property("email", Schema.string())
          .property("name", Schema.string())
          .property("password", Schema.string())
          .property("username", Schema.string())))
      .property("confirmRelinquish", Schema.bool());

  /** {@code POST users.delete} body: {@code userId} or {@code username} (checked by the route). */
  public static final Schema USER_DELETE_BODY = Schema.object()
      .property("userId", Schema.string())
      .property("username", Schema.string())
      .property("confirmRelinquish", Schema.bool());

  /** {@code GET channels.info} query: {@code roomId} or {@code roomName} (checked by the route). */
  public static final Schema CHANNEL_INFO_QUERY = Schema.object()
      .property("roomId", Schema.string())
      .property("roomName", Schema.string());

  /**
   * {@code GET livechat/rooms} query: every filter optional; {@code agents}, {@code tags} and {@code units} arrays
   * ({@code agents[]=...}), the JSON filters strings (parsed by the route); {@code departmentId} one id (Rocket.Chat
   * 7.x also takes an array, which only its enterprise tests use).
   */
  public static final Schema ROOMS_QUERY = Schema.object()
      .property("agents", Schema.arrayOf(Schema.string()))
      .property("roomName", Schema.string())
      .property("departmentId", Schema.string())
      .property("open", Schema.string())
      .property("onhold", Schema.string())
      .property("queued", Schema.string())
      .property("createdAt", Schema.string())
      .property("closedAt", Schema.string())
      .property("tags", Schema.arrayOf(Schema.string()))
      .property("units", Schema.arrayOf(Schema.string()))
      .property("customFields", Schema.string())
      .property("count", Schema.string())
      .property("offset", Schema.string())
      .property("sort", Schema.string())
      .property("fields", Schema.string())
      .property("query", Schema.string());

  /** {@code GET permissions.listAll} query (Rocket.Chat's {@code permissionListAllSchema}). */
  public static final Schema PERMISSIONS_LIST_QUERY = Schema.object()
      .property("updatedSince", Schema.string());

  /** {@code POST permissions.update} body (Rocket.Chat's {@code permissionUpdatePropsSchema}; roles unique). */
  public static final Schema PERMISSIONS_UPDATE_BODY = Schema.object()
      .requiredProperty("permissions", Schema.arrayOf(Schema.object()
          .requiredProperty("_id", Schema.string())
          .requiredProperty("roles", Schema.uniqueArrayOf(Schema.string()))));

  /** {@code GET livechat/custom-fields} query (rest-typings {@code LivechatCustomFieldsProps}, with pagination). */
  public static final Schema CUSTOM_FIELDS_LIST_QUERY = Schema.object()
      .property("text", Schema.string())
      .property("offset", Schema.string())
      .property("count", Schema.string())
      .property("sort", Schema.string());

  /** {@code POST livechat/custom-fields.save} body (rest-typings {@code POSTLivechatSaveCustomFieldsParams}). */
  public static final Schema CUSTOM_FIELD_SAVE_BODY = Schema.object()
      .property("customFieldId", Schema.nullableString())
      .requiredProperty("customFieldData", Schema.object()
          .requiredProperty("field", Schema.string())
          .requiredProperty("label", Schema.string())
          .requiredProperty("scope", Schema.string())
          .requiredProperty("visibility", Schema.string())
          .property("regexp", Schema.string())
          .property("searchable", Schema.bool())
          .property("type", Schema.string())
          .property("required", Schema.bool())
          .property("defaultValue", Schema.string())
          .property("options", Schema.string())
          .property("public", Schema.bool()));

  /** {@code POST livechat/custom-fields.delete} body (rest-typings {@code POSTLivechatRemoveCustomFields}). */
  public static final Schema CUSTOM_FIELD_DELETE_BODY = Schema.object()
      .requiredProperty("customFieldId", Schema.string());
  /** {@code GET livechat/users/:type} query (rest-typings {@code isLivechatUsersManagerGETProps}). */
  public static final Schema STAFF_LIST_QUERY = Schema.object()
      .property("text", Schema.string())
      .property("onlyAvailable", Schema.string())
      .property("excludeId", Schema.string())
      .property("showIdleAgents", Schema.string())
      .property("count", Schema.string())
      .property("offset", Schema.string())
      .property("sort", Schema.string())
      .property("query", Schema.string())
      .property("fields", Schema.string());

  /** {@code POST livechat/users/:type} body (rest-typings {@code isPOSTLivechatUsersTypeProps}). */
  public static final Schema STAFF_ADD_BODY = Schema.object()
      .requiredProperty("username", Schema.string());

  /** {@code POST livechat/agent.status} body (rest-typings {@code isPOSTLivechatAgentStatusProps}). */
  public static final Schema AGENT_STATUS_BODY = Schema.object()
      .property("status", Schema.string())
      .property("agentId", Schema.string());

  /** The statuses {@code POST livechat/agent.status} accepts. */
  private static final List<String> AGENT_STATUSES = List.of("available", "not-available");

  /**
   * The enum check of {@link #AGENT_STATUS_BODY}'s {@code status}.
   *
   * @return the body
   * @throws LivechatException {@link ErrorCode#INVALID_PARAMS} {@code must be equal to one of the allowed values}
   */
  public static JsonObject agentStatus(JsonObject body) {
    if (body.containsKey("status") && !AGENT_STATUSES.contains(body.getString("status"))) {
      throw new LivechatException(ErrorCode.INVALID_PARAMS, "must be equal to one of the allowed values");
    }
    return body;
  }

  private OperatorSchemas() {
  }

  /** The optional keys of a user's data that {@code users.create} and {@code users.update} share. */
  private static ObjectSchema userData(ObjectSchema schema) {
    return schema
        .property("active", Schema.bool())
        .property("bio", Schema.string())
        .property("nickname", Schema.string())
        .property("statusText", Schema.string())
        .property("roles", Schema.arrayOf(Schema.string()))
        .property("joinDefaultChannels", Schema.bool())
        .property("requirePasswordChange", Schema.bool())
        .property("setRandomPassword", Schema.bool())
        .property("sendWelcomeEmail", Schema.bool())
        .property("verified", Schema.bool())
        .property("customFields", Schema.anyObject());
  }
}
