package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * {@code room.get-or-create} (spec §3.2): body {@code {token, rid?, hint?, agentId?, source: {type}}}, result
 * {@code {room, newRoom}} with the room as stored (ISO dates).
 *
 * <p>First the read model ({@link RoomReadModel}): the room named by {@code rid}, or else by {@code hint} (the rid
 * the gateway last answered as this visitor's open room, and the command's key), answered from memory when it is an
 * open room of this visitor; the steps below run when it is not (the hint is only a hint: a closed or foreign room
 * leads to the full lookup, never to an answer).
 *
 * <ol>
 *   <li>No visitor with the token: {@link ErrorCode#INVALID_TOKEN}.</li>
 *   <li>With {@code rid}: that open livechat room of this visitor, else {@link ErrorCode#INVALID_ROOM}; never
 *       creates.</li>
 *   <li>Without {@code rid}: the visitor's open room ({@code newRoom: false}) even when Livechat is disabled; else a
 *       new room ({@link RoomCreation}: refused with {@link ErrorCode#OMNICHANNEL_DISABLED} or
 *       {@link ErrorCode#NO_AGENT_ONLINE}), {@code room.created} published once it is written.</li>
 * </ol>
 * The open room is found by point reads ({@link OpenRooms}): the {@code lastChat} room; when it is not the open one,
 * the plan of a new room, and under the keys proof its claim, which proves the place after {@code lastChat} free
 * (a claim already there: the chain is walked from it), or the {@code v.token} query run with the plan; so a
 * visitor's first room costs the visitor read, the agents read, the claim, the three documents in parallel and the
 * outbox's removal: 5 sequential store round trips and 7 store operations (11 round trips, plus a scan of every
 * room, before issue 12). Idempotent: a redelivered command finds the room it created, or finishes writing its
 * claim.
 */
final class GetOrCreateRoom {

  private final RoomRepository rooms;
  private final RoomVisitors visitors;
  private final OpenRooms openRooms;
  private final RoomCreation creation;
  private final RoomReadModel readModel;

  GetOrCreateRoom(RoomRepository rooms, RoomVisitors visitors, OpenRooms openRooms, RoomCreation creation,
                  RoomReadModel readModel) {
    this.rooms = rooms;
    this.visitors = visitors;
    this.openRooms = openRooms;
    this.creation = creation;
    this.readModel = readModel;
  }

  /** Handles one {@code room.get-or-create} command. */
  Future<JsonObject> handle(Command command) {
    JsonObject body = command.body();
    String token = body.getString("token", "");
    String known = body.getString("rid", body.getString("hint"));
    if (known == null || token.isEmpty()) {
      return lookUp(body, token);
    }
    return readModel.openRoom(command, known, token)
        .compose(open -> open != null ? Future.succeededFuture(apiResult(open)) : lookUp(body, token));
  }

  private Future<JsonObject> lookUp(JsonObject body, String token) {
    String rid = body.getString("rid");
    return visitors.findByToken(token)
        .compose(visitor -> visitor == null || token.isEmpty()
            ? Future.failedFuture(new LivechatException(ErrorCode.INVALID_TOKEN))
            : rid != null ? findGiven(rid, token) : findOrCreate(visitor, body));
  }

  private Future<JsonObject> findGiven(String rid, String token) {
    return rooms.findOpenByIdAndToken(rid, token)
        .compose(room -> room == null
            ? Future.failedFuture(new LivechatException(ErrorCode.INVALID_ROOM))
            : Future.succeededFuture(result(room, false)));
  }

  private Future<JsonObject> findOrCreate(JsonObject visitor, JsonObject body) {
    String token = visitor.getString("token");
    String lastChatRid = visitor.getValue("lastChat") instanceof JsonObject lastChat
        && lastChat.getValue("_id") instanceof String id ? id : null;
    return openRooms.lastChatRoom(token, lastChatRid)
        .compose(open -> open != null ? Future.succeededFuture(result(open, false))
            : proveOrCreate(token, lastChatRid == null ? "" : lastChatRid, visitor, body));
  }

  /**
   * Under {@link OpenRooms.Proof#KEYS} the claim is the proof: the plan's claim of the place after {@code after} is
   * inserted without reading that place first ({@code _id} is unique, so the insert fails exactly when a claim is
   * there, and then the chain is walked from it, as a read would have); the walk runs first only when the plan is
   * refused, since an open room is answered even then. Under {@link OpenRooms.Proof#QUERY} the query and the plan run
   * concurrently; a refused plan is answered only then.
   */
  private Future<JsonObject> proveOrCreate(String token, String after, JsonObject visitor, JsonObject body) {
    Future<NewRoom> plan = creation.plan(visitor, body);
    if (openRooms.proof() == OpenRooms.Proof.KEYS) {
      return plan.transform(planned -> planned.succeeded() ? decide(token, OpenRooms.Head.vacant(after), plan)
          : openRooms.beyond(token, after).compose(head -> decide(token, head, plan)));
    }
    Future<OpenRooms.Head> head = openRooms.beyond(token, after);
    return Future.join(head, plan).transform(done -> head.failed() ? Future.failedFuture(head.cause())
        : decide(token, head.result(), plan));
  }

  private Future<JsonObject> decide(String token, OpenRooms.Head head, Future<NewRoom> plan) {
    if (head.room() != null) {
      return Future.succeededFuture(result(head.room(), false));
    }
    if (head.claim() != null) {
      return creation.finish(token, head.claim()).map(created -> result(created.room(), created.newRoom()));
    }
    if (plan.failed()) {
      return Future.failedFuture(plan.cause());
    }
    return creation.claim(token, head.after(), plan.result())
        .compose(created -> created != null ? Future.succeededFuture(result(created.room(), created.newRoom()))
            : openRooms.walk(token, head.after()).compose(next -> decide(token, next, plan)));
  }

  /** @return the result of a room the read model answered, already in its API form */
  private static JsonObject apiResult(JsonObject room) {
    return new JsonObject().put("room", room).put("newRoom", false);
  }

  private static JsonObject result(JsonObject room, boolean newRoom) {
    return new JsonObject().put("room", MongoDocs.toApi(room)).put("newRoom", newRoom);
  }
}
