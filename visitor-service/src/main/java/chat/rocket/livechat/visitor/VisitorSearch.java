package chat.rocket.livechat.visitor;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.platform.rocketchat.CustomFields;
import chat.rocket.livechat.platform.rocketchat.MongoCounts;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The staff's visitor searches, Rocket.Chat 7.x's {@code livechat/visitors.autocomplete}
 * ({@code findVisitorsToAutocomplete}, {@code LivechatVisitors.findByNameRegexWithExceptionsAndConditions}) and
 * {@code livechat/visitors.search} ({@code findVisitorsByEmailOrPhoneOrNameOrUsernameOrCustomField}) over
 * {@code rocketchat_livechat_visitor}. Text is matched literally ({@link Pattern#quote}, case-insensitive, so an
 * "evil" regular expression is only text); the gateway checked that every autocomplete condition is a plain field
 * name with a scalar value. Reads only; on the embedded store these queries scan.
 */
final class VisitorSearch {

  private static final JsonObject BY_NAME = new JsonObject().put("name", 1);
  private static final JsonObject NEWEST_FIRST = new JsonObject().put("ts", -1);
  /** A custom field name as Rocket.Chat's {@code custom-fields.save} accepts it; others never reach a query. */
  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_-]+");
  private static final int AUTOCOMPLETE_LIMIT = 10;
  private static final JsonObject AUTOCOMPLETE_FIELDS = new JsonObject().put("_id", 1).put("name", 1)
      .put("username", 1);
  private static final JsonObject SEARCH_FIELDS = new JsonObject().put("username", 1).put("name", 1).put("phone", 1)
      .put("livechatData", 1).put("visitorEmails", 1).put("lastChat", 1);

  private final MongoClient mongo;
  private final CustomFields customFields;

  VisitorSearch(MongoClient mongo, CustomFields customFields) {
    this.mongo = mongo;
    this.customFields = customFields;
  }

  /**
   * {@code visitor.autocomplete}: body {@code {term, exceptions: [_id], conditions: {field: scalar}}}; result
   * {@code {items: [{_id, name, username}]}}: at most 10 visitors whose name starts with {@code term} (trimmed), not in
   * {@code exceptions}, matching every condition, by name.
   */
  Future<JsonObject> autocomplete(Command command) {
    JsonObject body = command.body();
    JsonObject query = body.getJsonObject("conditions", new JsonObject()).copy()
        .put("name", new JsonObject().put("$regex", "^" + Pattern.quote(body.getString("term", "").trim()))
            .put("$options", "i"))
        .put("_id", new JsonObject().put("$nin", body.getJsonArray("exceptions", new JsonArray())));
    FindOptions options = new FindOptions().setFields(AUTOCOMPLETE_FIELDS).setSort(BY_NAME)
        .setLimit(AUTOCOMPLETE_LIMIT);
    return mongo.findWithOptions(Collections.VISITORS, query, options)
        .map(found -> new JsonObject().put("items", api(found)));
  }

  /**
   * {@code visitor.search}: body {@code {term, sort?, offset, count}}; result {@code {visitors: [{_id, username, name,
   * phone, livechatData, visitorEmails, lastChat}], count, offset, total}}: visitors whose email address or phone
   * number is {@code term}, or whose name, username or searchable visitor custom field contains it; every visitor
   * for an empty term; newest first by default.
   */
  Future<JsonObject> search(Command command) {
    JsonObject body = command.body();
    int offset = body.getInteger("offset", 0);
    FindOptions options = new FindOptions().setFields(SEARCH_FIELDS).setSkip(offset)
        .setLimit(body.getInteger("count", 50)).setSort(body.getJsonObject("sort", NEWEST_FIRST));
    return customFields.definitions(CustomFields.VISITOR_SCOPE)
        .map(fields -> query(body.getString("term", ""), fields))
        .compose(query -> Future.all(mongo.findWithOptions(Collections.VISITORS, query, options),
            MongoCounts.count(mongo, Collections.VISITORS, query)))
        .map(all -> {
          JsonArray visitors = api(all.resultAt(0));
          return new JsonObject().put("visitors", visitors).put("count", visitors.size()).put("offset", offset)
              .put("total", all.<Long>resultAt(1));
        });
  }

  /** @return {@code {$or: [visitorEmails.address, phone.phoneNumber, name, username, livechatData.<field>]}} */
  private static JsonObject query(String term, List<JsonObject> fields) {
    if (term.isEmpty()) {
      return new JsonObject();
    }
    JsonObject contains = new JsonObject().put("$regex", Pattern.quote(term)).put("$options", "i");
    JsonArray any = new JsonArray().add(new JsonObject().put("visitorEmails.address", term))
        .add(new JsonObject().put("phone.phoneNumber", term)).add(new JsonObject().put("name", contains))
        .add(new JsonObject().put("username", contains));
    fields.stream().filter(field -> Boolean.TRUE.equals(field.getValue("searchable"))
            && field.getValue("_id") instanceof String id && FIELD_NAME.matcher(id).matches())
        .forEach(field -> any.add(new JsonObject().put("livechatData." + field.getString("_id"), contains)));
    return new JsonObject().put("$or", any);
  }

  private static JsonArray api(List<JsonObject> documents) {
    JsonArray array = new JsonArray();
    documents.forEach(document -> array.add(MongoDocs.toApi(document)));
    return array;
  }
}
