package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.platform.rocketchat.MongoCounts;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code license.usage} ({@code GET licenses.info?loadValues=true} with {@code view-privileged-setting}): body
 * {@code {}}; result {@code {activeUsers, guestUsers, monthlyActiveContacts}}, the current values of Rocket.Chat's
 * license limits that this system can count (Rocket.Chat's license counters):
 *
 * <ul>
 *   <li>{@code activeUsers}: active users that are no app user and not guests only ({@code getActiveLocalUserCount}:
 *       {@code active: true}, {@code type} not {@code app}, {@code roles} not exactly {@code ['guest']}).</li>
 *   <li>{@code guestUsers}: active users whose roles are exactly {@code ['guest']}.</li>
 *   <li>{@code monthlyActiveContacts} (MAC): the distinct visitors ({@code v._id}) of livechat rooms marked active
 *       in the current UTC month ({@code v.activity} holds the period {@code YYYY-MM}, added when an agent answers,
 *       as Rocket.Chat's {@code markRoomResponded} does). Counted from rooms, not from visitor documents: removing a
 *       visitor (GDPR, {@code DELETE livechat/visitor/:token}) keeps its rooms and so leaves the count as it was. This
 *       system keeps no contacts collection, so a visitor stands for its contact.</li>
 * </ul>
 */
final class LicenseUsage {

  private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

  private final MongoClient mongo;

  LicenseUsage(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** @return the activity period of an instant: its UTC month, {@code YYYY-MM} (Rocket.Chat's moment.utc format) */
  static String period(Instant instant) {
    return PERIOD.format(instant);
  }

  /** Handles one {@code license.usage} command. */
  Future<JsonObject> handle(Command command) {
    JsonObject activeUsers = new JsonObject().put("active", true)
        .put("type", new JsonObject().put("$nin", new JsonArray().add("app")));
    Future<Long> users = MongoCounts.count(mongo, Collections.USERS, activeUsers);
    Future<Long> guests = MongoCounts.count(mongo, Collections.USERS,
        activeUsers.copy().put("roles", new JsonArray().add("guest")));
    Future<JsonArray> contacts = mongo.distinctWithQuery(Collections.ROOMS, "v._id", String.class.getName(),
        new JsonObject().put("t", "l").put("v.activity", period(Instant.now())));
    return Future.all(users, guests, contacts).map(all -> new JsonObject()
        .put("activeUsers", users.result() - guests.result())
        .put("guestUsers", guests.result())
        .put("monthlyActiveContacts", contacts.result().size()));
  }
}
