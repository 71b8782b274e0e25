package chat.rocket.livechat.gateway.validation;

/**
 * The request schemas of the operator's endpoints added with issue 11 (users, {@code channels.info},
 * {@code livechat/rooms}), as Rocket.Chat's rest-typings declare them ({@code isUserCreateParamsPOST},
 * {@code isUsersInfoParamsGetProps}, {@code isUsersUpdateParamsPOST}, {@code isChannelsInfoProps},
 * {@code isGETLivechatRoomsParams}): no additional keys. Held to {@code docs/openapi.yaml} by
 * {@code SchemasDocumentTest}, like {@link Schemas}.
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

  private OperatorSchemas() {
  }

  /** The optional keys of a user's data that {@code users.create} and {@code users.update} share. */
  private static Schema.ObjectSchema userData(Schema.ObjectSchema schema) {
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
