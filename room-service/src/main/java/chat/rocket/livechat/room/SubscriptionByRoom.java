package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * {@code subscription.get} ({@code GET subscriptions.getOne?roomId}; Rocket.Chat's
 * {@code app/api/server/v1/subscriptions.ts}, {@code Subscriptions.findOneByRoomIdAndUserId}): body {@code {roomId}},
 * caller set; result {@code {subscription}}: the caller's own subscription to that room as stored ({@code _id, rid,
 * u, t, name, fname, open, alert, unread, ts, ...}, ISO dates), or {@code null} (never subscribed, or the room was
 * closed: closing removes its subscriptions). A caller reads only their own subscription, so no permission applies.
 * Reads only.
 */
final class SubscriptionByRoom {

  private final SubscriptionRepository subscriptions;

  SubscriptionByRoom(SubscriptionRepository subscriptions) {
    this.subscriptions = subscriptions;
  }

  /** Handles one {@code subscription.get} command. */
  Future<JsonObject> handle(Command command) {
    return subscriptions.find(command.body().getString("roomId", ""), command.caller().userId())
        .map(found -> new JsonObject().put("subscription", found == null ? null : MongoDocs.toApi(found)));
  }
}
