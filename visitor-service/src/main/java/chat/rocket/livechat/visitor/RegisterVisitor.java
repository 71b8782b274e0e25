package chat.rocket.livechat.visitor;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.contracts.Setting;
import chat.rocket.livechat.platform.rocketchat.CustomFields;
import chat.rocket.livechat.platform.rocketchat.Emails;
import chat.rocket.livechat.platform.rocketchat.Ids;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.rocketchat.Settings;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code visitor.register} ({@code POST livechat/visitor}, spec §7.1): body
 * {@code {visitor: {token, name?, email?, department?, phone?, username?, id?, status?, customFields?},
 * connection: {userAgent, ip, host}}}; result {@code {visitor}} after the write.
 *
 * <p>The visitor matched, in order, by token, else phone (keeping its old token), else lower-cased email (taking the
 * new token), is updated; otherwise one is created with {@code _id} = {@code id} or a new ObjectId hex, username =
 * {@code username} or {@code guest-<Livechat_guest_count + 1>}. Failures: a token that trims to empty
 * {@link ErrorCode#EMPTY_TOKEN}; a bad email {@link ErrorCode#INVALID_EMAIL}; an unknown department (by id or name)
 * {@link ErrorCode#INVALID_DEPARTMENT}. {@code customFields} entries naming a visitor-scope custom field set
 * {@code livechatData.<key>} ({@code overwrite: false} keeps an existing value); a registration that sends custom
 * fields must name every {@code required} visitor-scope field, else {@link ErrorCode#MISSING_REQUIRED_CUSTOM_FIELDS}
 * (Rocket.Chat 7.x; checked before any write, where Rocket.Chat has already written the visitor). Records
 * {@code visitor.registered} in the visitor's write and publishes it after the custom fields. Idempotent: a replay
 * finds the visitor by token and writes the same values.
 */
final class RegisterVisitor {

  private final VisitorRepository visitors;
  private final Settings settings;
  private final CustomFields customFields;
  private final VisitorEvents events;

  RegisterVisitor(VisitorRepository visitors, Settings settings, CustomFields customFields, VisitorEvents events) {
    this.visitors = visitors;
    this.settings = settings;
    this.customFields = customFields;
    this.events = events;
  }

  /** Handles one {@code visitor.register} command. */
  Future<JsonObject> handle(Command command) {
    JsonObject input = command.body().getJsonObject("visitor", new JsonObject());
    JsonObject connection = command.body().getJsonObject("connection", new JsonObject());
    String token = input.getString("token", "");
    if (token.trim().isEmpty()) {
      return Future.failedFuture(new LivechatException(ErrorCode.EMPTY_TOKEN));
    }
    return fields(input)
        .compose(fields -> checkRequiredCustomFields(input.getValue("customFields")).map(fields))
        .compose(fields -> findExisting(token, input)
            .compose(existing -> existing != null ? update(existing, fields) : create(input, fields, connection)))
        .compose(visitor -> visitor != null ? Future.succeededFuture(visitor)
            : Future.failedFuture(new LivechatException(ErrorCode.VISITOR_REGISTRATION_FAILED)))
        .compose(visitor -> applyCustomFields(visitor, input.getJsonArray("customFields")))
        .compose(visitor -> events.publish(visitor.getString("_id")))
        .map(visitor -> new JsonObject().put("visitor", MongoDocs.toApi(visitor)));
  }

  /** @return the pending {@code visitor.registered} event of a registration's write (data: every field) */
  private static JsonObject registered() {
    return VisitorEvents.pending(EventType.VISITOR_REGISTERED, null);
  }

  /** Builds the fields every registration sets: token, status, phone, name, visitorEmails, department. */
  private Future<JsonObject> fields(JsonObject input) {
    JsonObject fields = new JsonObject().put("token", input.getString("token"))
        .put("status", input.getValue("status") instanceof String status ? status : "online");
    String phone = input.getString("phone");
    if (phone != null && !phone.isEmpty()) {
      fields.put("phone", new JsonArray().add(new JsonObject().put("phoneNumber", phone)));
    }
    String name = input.getString("name");
    if (name != null && !name.isEmpty()) {
      fields.put("name", name);
    }
    String email = input.getString("email");
    if (email != null && !email.isEmpty()) {
      String address = email.trim().toLowerCase(Locale.ROOT);
      if (!Emails.isValid(address)) {
        return Future.failedFuture(new LivechatException(ErrorCode.INVALID_EMAIL));
      }
      fields.put("visitorEmails", new JsonArray().add(new JsonObject().put("address", address)));
    }
    String department = input.getString("department");
    if (department == null || department.isEmpty()) {
      return Future.succeededFuture(fields);
    }
    return visitors.findDepartmentByIdOrName(department)
        .compose(found -> found == null ? Future.failedFuture(new LivechatException(ErrorCode.INVALID_DEPARTMENT))
            : Future.succeededFuture(fields.put("department", found.getString("_id"))));
  }

  /**
   * Rocket.Chat 7.x {@code validateRequiredCustomFields}: when the registration sends custom fields, every
   * {@code required: true} visitor-scope field must be among their keys (whatever the value); without custom fields
   * nothing is checked.
   *
   * @return fails with {@link ErrorCode#MISSING_REQUIRED_CUSTOM_FIELDS},
   *     {@code Missing required custom fields: <id>, <id>} in definition order
   */
  private Future<Void> checkRequiredCustomFields(Object entries) {
    if (!(entries instanceof JsonArray array) || array.isEmpty()) {
      return Future.succeededFuture();
    }
    Set<Object> keys = array.stream().filter(JsonObject.class::isInstance)
        .map(entry -> ((JsonObject) entry).getValue("key")).collect(Collectors.toSet());
    return customFields.definitions(CustomFields.VISITOR_SCOPE).compose(definitions -> {
      List<String> missing = definitions.stream().filter(field -> Boolean.TRUE.equals(field.getValue("required")))
          .map(field -> field.getString("_id")).filter(id -> !keys.contains(id)).toList();
      return missing.isEmpty() ? Future.succeededFuture() : Future.failedFuture(new LivechatException(
          ErrorCode.MISSING_REQUIRED_CUSTOM_FIELDS, "Missing required custom fields: " + String.join(", ", missing)));
    });
  }

  /** Finds the visitor to update: by token, else by phone (keeping its token), else by email (spec §7.1). */
  private Future<Existing> findExisting(String token, JsonObject input) {
    String phone = input.getString("phone");
    String email = input.getString("email");
    return visitors.findByToken(token).map(byToken -> Existing.of(byToken, false))
        .compose(found -> found != null || phone == null || phone.isEmpty() ? Future.succeededFuture(found)
            : visitors.findByPhone(phone).map(byPhone -> Existing.of(byPhone, true)))
        .compose(found -> found != null || email == null || email.isEmpty() ? Future.succeededFuture(found)
            : visitors.findByEmail(email.trim().toLowerCase(Locale.ROOT)).map(byEmail -> Existing.of(byEmail, false)));
  }

  private Future<JsonObject> update(Existing existing, JsonObject fields) {
    if (existing.keepsToken()) {
      fields.put("token", existing.visitor().getString("token"));
    }
    fields.put("_updatedAt", MongoDocs.now());
    return visitors.write(new JsonObject().put("_id", existing.visitor().getString("_id")), fields, null, registered());
  }

  /**
   * A registered visitor that a registration updates.
   *
   * @param visitor    its document
   * @param keepsToken true when it was matched by phone: it keeps its old token (spec §7.1 (2))
   */
  private record Existing(JsonObject visitor, boolean keepsToken) {
    static Existing of(JsonObject visitor, boolean keepsToken) {
      return visitor == null ? null : new Existing(visitor, keepsToken);
    }
  }

  private Future<JsonObject> create(JsonObject input, JsonObject fields, JsonObject connection) {
    String username = input.getString("username");
    Future<String> name = username != null && !username.isEmpty() ? Future.succeededFuture(username)
        : visitors.nextGuestNumber().map(n -> "guest-" + n);
    return name.compose(guestName -> settings.bool(Setting.LIVECHAT_COLLECT_HTTP_HEADERS)
        .compose(collect -> {
          JsonObject now = MongoDocs.now();
          JsonObject insertOnly = new JsonObject()
              .put("_id", input.getValue("id") instanceof String id && !id.isEmpty() ? id : Ids.objectIdHex())
              .put("username", guestName).put("ts", now);
          if (collect) {
            insertOnly.put("userAgent", connection.getString("userAgent")).put("ip", connection.getString("ip"))
                .put("host", connection.getString("host"));
          }
          fields.put("_updatedAt", now);
          return visitors.write(new JsonObject().put("token", fields.getString("token")), fields, insertOnly,
              registered());
        }));
  }

  private Future<JsonObject> applyCustomFields(JsonObject visitor, JsonArray entries) {
    if (entries == null || entries.isEmpty()) {
      return Future.succeededFuture(visitor);
    }
    String visitorId = visitor.getString("_id");
    return customFields.definitions(CustomFields.VISITOR_SCOPE)
        .compose(definitions -> {
          Set<String> defined = definitions.stream().map(f -> f.getString("_id")).collect(Collectors.toSet());
          List<Future<Void>> writes = entries.stream()
              .filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
              .filter(entry -> defined.contains(entry.getString("key")))
              .map(entry -> visitors.setCustomField(visitorId, entry.getString("key"), entry.getString("value"),
                  !Boolean.FALSE.equals(entry.getValue("overwrite"))))
              .toList();
          return Future.all(writes);
        })
        .compose(v -> visitors.findById(visitorId));
  }
}
