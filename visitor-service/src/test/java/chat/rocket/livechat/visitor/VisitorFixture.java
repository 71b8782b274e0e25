package chat.rocket.livechat.visitor;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.platform.rocketchat.CustomFields;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.rocketchat.Permissions;
import chat.rocket.livechat.platform.rocketchat.Settings;
import chat.rocket.livechat.testkit.HandlerFixture;
import chat.rocket.livechat.testkit.MemoryStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The visitor-service's handlers wired as {@link VisitorServiceVerticle} wires them, on a fresh database of a
 * {@link MemoryStore}, with an outbox that records what it publishes instead of sending it to Kafka
 * ({@link HandlerFixture}). Also writes the visitor-side Rocket.Chat documents a test needs (custom fields, visitors)
 * in their stored shapes (spec §2). The one place that calls the handlers' constructors.
 */
final class VisitorFixture extends HandlerFixture {

  final FindVisitor find;
  final RegisterVisitor register;
  final SaveGuest saveGuest;
  final RecordLastChat lastChat;
  final SetVisitorStatus status;
  final SetCustomFields customFields;
  final DeleteVisitor delete;
  final OfflineMessage offlineMessage;
  final VisitorSearch search;

  VisitorFixture(MemoryStore store) {
    super(store, "visitor");
    Vertx vertx = vertx();
    JsonObject config = MemoryStore.serviceConfig();
    VisitorRepository visitors = new VisitorRepository(mongo);
    VisitorEvents events = new VisitorEvents(outbox(Collections.VISITORS));
    CustomFields customFields = new CustomFields(vertx, mongo, config);
    find = new FindVisitor(visitors);
    register = new RegisterVisitor(visitors, new Settings(vertx, mongo, config), customFields, events);
    saveGuest = new SaveGuest(visitors, new Permissions(vertx, mongo, config), customFields, events);
    lastChat = new RecordLastChat(visitors);
    Settings settings = new Settings(vertx, mongo, config);
    status = new SetVisitorStatus(visitors, events);
    this.customFields = new SetCustomFields(visitors, customFields, events);
    delete = new DeleteVisitor(visitors, mongo, settings, events);
    offlineMessage = new OfflineMessage(mongo, settings);
    search = new VisitorSearch(mongo, customFields);
  }

  /** Defines a livechat custom field ({@code {_id, label, scope, regexp}}); a null regexp accepts any value. */
  void customField(String id, String scope, String regexp) {
    insert(Collections.CUSTOM_FIELDS, new JsonObject().put("_id", id).put("label", "Label of " + id)
        .put("scope", scope).put("regexp", regexp));
  }

  /** @return an inserted enabled visitor {@code {_id, token, username, name, status: online, ts, _updatedAt}} */
  JsonObject visitor(String name) {
    String id = "visitor-" + UUID.randomUUID();
    JsonObject visitor = new JsonObject().put("_id", id).put("token", "token-" + id)
        .put("username", "guest-" + id.substring(8, 14)).put("name", name).put("status", "online")
        .put("ts", MongoDocs.now()).put("_updatedAt", MongoDocs.date(Instant.EPOCH));
    return insert(Collections.VISITORS, visitor);
  }

  /** @return the stored visitor with that {@code _id}, or null */
  JsonObject storedVisitor(String id) {
    return findOne(Collections.VISITORS, new JsonObject().put("_id", id));
  }

  /** @return every stored visitor */
  List<JsonObject> visitors() {
    return find(Collections.VISITORS, new JsonObject());
  }
}
