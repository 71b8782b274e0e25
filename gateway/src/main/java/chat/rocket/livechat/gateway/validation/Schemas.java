package chat.rocket.livechat.gateway.validation;

/**
 * The request schemas of every endpoint, as Rocket.Chat declares them (rest-typings {@code omnichannel.ts} for the
 * ajv endpoints, the {@code check()} patterns of {@code room.ts} and {@code visitor.ts}). {@code docs/openapi.yaml}
 * documents each one as its route's request body or query parameters; {@code SchemasDocumentTest} holds every
 * schema here to that document (required keys, types, nullability, additional keys), so a change to one side fails
 * the build until the other follows.
 */
public final class Schemas {

  /** {@code GET livechat/room} query (spec §3.1, CE): {@code token} required; {@code rid}, {@code agentId} optional. */
  public static final Match ROOM_QUERY = Match.object()
      .key("token", Match.string())
      .key("rid", Match.optional(Match.string()))
      .key("agentId", Match.optional(Match.string()));

  /** {@code PUT livechat/room.visitor} body (spec §4.1): three required strings, nothing else. */
  public static final Schema ROOM_VISITOR_BODY = Schema.object()
      .requiredProperty("rid", Schema.string())
      .requiredProperty("oldVisitorId", Schema.string())
      .requiredProperty("newVisitorId", Schema.string());

  /** {@code POST livechat/room.saveInfo} body (spec §5.1). */
  public static final Schema SAVE_INFO_BODY = Schema.object()
      .requiredProperty("guestData", Schema.object()
          .requiredProperty("_id", Schema.string())
          .property("name", Schema.nullableString())
          .property("email", Schema.nullableString())
          .property("phone", Schema.nullableString())
          .property("livechatData", Schema.nullableMapOf(Schema.string())))
      .requiredProperty("roomData", Schema.object()
          .requiredProperty("_id", Schema.string())
          .property("topic", Schema.nullableString())
          .property("tags", Schema.nullableArrayOf(Schema.string()))
          .property("livechatData", Schema.anyObject())
          .property("priorityId", Schema.nullableString())
          .property("slaId", Schema.nullableString()));

  /** {@code GET livechat/visitors.info} query (spec §6.1). */
  public static final Schema VISITORS_INFO_QUERY = Schema.object()
      .requiredProperty("visitorId", Schema.string());

  /** {@code POST livechat/visitor} body (spec §7.1). */
  public static final Match VISITOR_BODY = Match.object()
      .key("visitor", Match.objectIncluding()
          .key("token", Match.string())
          .key("name", Match.maybe(Match.string()))
          .key("email", Match.maybe(Match.string()))
          .key("department", Match.maybe(Match.string()))
          .key("phone", Match.maybe(Match.string()))
          .key("username", Match.maybe(Match.string()))
          .key("customFields", Match.maybe(Match.arrayOf(Match.objectIncluding()
              .key("key", Match.string())
              .key("value", Match.string())
              .key("overwrite", Match.bool())))));

  /** {@code POST livechat/message} body (rest-typings {@code POSTLivechatMessageParams}). */
  public static final Schema MESSAGE_BODY = Schema.object()
      .requiredProperty("token", Schema.string())
      .requiredProperty("rid", Schema.string())
      .requiredProperty("msg", Schema.string())
      .property("_id", Schema.string())
      .property("agent", Schema.object()
          .requiredProperty("agentId", Schema.string())
          .requiredProperty("username", Schema.string()));

  /** {@code POST chat.sendMessage} body: {@code message} with {@code rid}, and {@code msg}, {@code _id}. */
  public static final Schema CHAT_SEND_MESSAGE_BODY = Schema.object()
      .requiredProperty("message", Schema.object()
          .requiredProperty("rid", Schema.string())
          .property("msg", Schema.string())
          .property("_id", Schema.string()));

  /** {@code GET livechat/messages.history/:rid} query (rest-typings, with the pagination keys). */
  public static final Schema MESSAGES_HISTORY_QUERY = Schema.object()
      .requiredProperty("token", Schema.string())
      .property("ls", Schema.string())
      .property("end", Schema.string())
      .property("limit", Schema.string())
      .property("offset", Schema.string())
      .property("count", Schema.string())
      .property("sort", Schema.string())
      .property("searchText", Schema.string());

  /** {@code GET livechat/message/:_id} query. */
  public static final Schema MESSAGE_QUERY = Schema.object()
      .requiredProperty("token", Schema.string())
      .requiredProperty("rid", Schema.string());

  /** {@code PUT livechat/message/:_id} body. */
  public static final Schema MESSAGE_UPDATE_BODY = Schema.object()
      .requiredProperty("token", Schema.string())
      .requiredProperty("rid", Schema.string())
      .requiredProperty("msg", Schema.string());

  /** {@code DELETE livechat/message/:_id} body. */
  public static final Schema MESSAGE_DELETE_BODY = Schema.object()
      .requiredProperty("token", Schema.string())
      .requiredProperty("rid", Schema.string());

  /** {@code POST livechat/room.close} body. */
  public static final Schema ROOM_CLOSE_BODY = Schema.object()
      .requiredProperty("rid", Schema.string())
      .requiredProperty("token", Schema.string());

  /**
   * {@code POST livechat/room.closeByUser} body (rest-typings 7.x {@code POSTLivechatRoomCloseByUserParams}); the
   * transcript options are accepted as Rocket.Chat accepts them, and produce nothing here.
   */
  public static final Schema ROOM_CLOSE_BY_USER_BODY = Schema.object()
      .requiredProperty("rid", Schema.string())
      .property("comment", Schema.nullableString())
      .property("tags", Schema.nullableArrayOf(Schema.string()))
      .property("generateTranscriptPdf", Schema.bool())
      .property("transcriptEmail", Schema.object()
          .requiredProperty("sendToVisitor", Schema.bool())
          .property("requestData", Schema.object()
              .requiredProperty("email", Schema.string())
              .requiredProperty("subject", Schema.string())))
      .property("forceClose", Schema.bool());

  /** {@code POST livechat/page.visited} body. */
  public static final Schema PAGE_VISITED_BODY = Schema.object()
      .requiredProperty("token", Schema.string())
      .property("rid", Schema.string())
      .requiredProperty("pageInfo", Schema.object()
          .requiredProperty("change", Schema.string())
          .requiredProperty("title", Schema.string())
          .requiredProperty("location", Schema.object()
              .requiredProperty("href", Schema.string())));
  /**
   * {@code GET livechat/config} query (Rocket.Chat's {@code config.ts}): optional strings only (Rocket.Chat declares
   * them nullable, which a query string cannot express).
   */
  public static final Schema CONFIG_QUERY = Schema.object()
      .property("token", Schema.string())
      .property("department", Schema.string())
      .property("businessUnit", Schema.string());

  /** {@code GET livechat/agent.next/:token} query (rest-typings {@code GETAgentNextToken}): optional department. */
  public static final Schema AGENT_NEXT_QUERY = Schema.object()
      .property("department", Schema.string());

  /** {@code POST livechat/visitor.status} body (6.x {@code check(bodyParams, {token: String, status: String})}). */
  public static final Match VISITOR_STATUS_BODY = Match.object()
      .key("token", Match.string())
      .key("status", Match.string());

  /** {@code POST livechat/custom.field} body (rest-typings {@code POSTLivechatCustomFieldParams}). */
  public static final Schema CUSTOM_FIELD_BODY = Schema.object()
      .requiredProperty("token", Schema.string())
      .requiredProperty("key", Schema.string())
      .requiredProperty("value", Schema.string())
      .requiredProperty("overwrite", Schema.bool());

  /** {@code POST livechat/custom.fields} body (rest-typings {@code POSTLivechatCustomFieldsParams}). */
  public static final Schema CUSTOM_FIELDS_BODY = Schema.object()
      .requiredProperty("token", Schema.string())
      .requiredProperty("customFields", Schema.arrayOf(Schema.object()
          .requiredProperty("key", Schema.string())
          .requiredProperty("value", Schema.string())
          .requiredProperty("overwrite", Schema.bool())));

  /** {@code POST livechat/transcript} body (rest-typings {@code POSTLivechatTranscriptParams}). */
  public static final Schema TRANSCRIPT_BODY = Schema.object()
      .requiredProperty("rid", Schema.string())
      .requiredProperty("token", Schema.string())
      .requiredProperty("email", Schema.string())
      .property("subject", Schema.string());

  /** {@code POST livechat/offline.message} body (rest-typings {@code POSTLivechatOfflineMessageParams}). */
  public static final Schema OFFLINE_MESSAGE_BODY = Schema.object()
      .requiredProperty("name", Schema.string())
      .requiredProperty("email", Schema.string())
      .requiredProperty("message", Schema.string())
      .property("department", Schema.nullableString())
      .property("host", Schema.nullableString());

  /**
   * {@code POST users.setStatus} body (Rocket.Chat's {@code check}): {@code Match.OneOf} of two
   * {@code ObjectIncluding} patterns, so {@code status} and {@code message} are each absent, null or a string, and the
   * route also requires one of them to be a string; any other key ({@code userId}, {@code username}) passes.
   */
  public static final Match USERS_SET_STATUS_BODY = Match.objectIncluding()
      .key("status", Match.maybe(Match.string()))
      .key("message", Match.maybe(Match.string()));

  private Schemas() {
  }
}
