package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The visitor's one open livechat room ({@code {t:'l', open:true, 'v.token': token}}, spec §3.2), found and claimed
 * by point reads of {@code _id} alone, so that neither lookup nor creation slows as rooms accumulate on the embedded
 * store, which answers any other filter by scanning the collection (DESIGN.md, Room creation).
 *
 * <p><b>Claims.</b> Before it writes a room, the room-service inserts a claim into {@link Collections#ROOM_CLAIMS}
 * with {@code _id = "<previous rid>:<token>"} (the previous rid: the visitor's latest room known to the creator,
 * empty for none) holding the plan its documents are made of ({@code {rid, token, ts, plan}}, {@link NewRoom#claim}).
 * {@code _id} is unique on every store, so of two creators that saw the same latest room only one inserts the claim:
 * the other follows it. The claims of one visitor form a chain from any of its rooms to its newest one.
 *
 * <p><b>Lookup</b> ({@link #head}): the room named by the visitor's {@code lastChat} (kept by the visitor-service
 * from {@code room.created}, and by Rocket.Chat itself in its {@code livechat.newRoom} callback) when it is the
 * visitor's open room; otherwise, with {@link Proof#KEYS}, the chain from {@code lastChat} (or from the first claim):
 * each claim's room, open → that room; closed or another visitor's → the next claim; missing → a creation
 * interrupted between its claim and its room ({@link Head#pending}); no next claim → no open room. With
 * {@link Proof#QUERY} the {@code v.token} query decides instead, which also counts rooms another system wrote without
 * a claim. {@link ConfigKey#OPEN_ROOM_PROOF} chooses; {@code auto} takes {@code query} where the store honours
 * partial indexes (a real MongoDB, where {@code v.token} is indexed), {@code keys} elsewhere.
 */
final class OpenRooms {

  private static final Logger LOG = LoggerFactory.getLogger(OpenRooms.class);

  /** How "no open room" is proven. */
  enum Proof {
    /** {@code lastChat} and the claims' chain: point reads by {@code _id} only. */
    KEYS,
    /** {@code lastChat}, then Rocket.Chat's {@code v.token} query. */
    QUERY
  }

  private final MongoClient mongo;
  private final RoomRepository rooms;
  private final RoomVisitors visitors;
  private final String configured;
  private volatile Proof proof;

  /**
   * @param config supplies {@link ConfigKey#OPEN_ROOM_PROOF} ({@code auto}, {@code keys} or {@code query})
   * @throws IllegalArgumentException for any other value
   */
  OpenRooms(MongoClient mongo, RoomRepository rooms, RoomVisitors visitors, JsonObject config) {
    this.mongo = mongo;
    this.rooms = rooms;
    this.visitors = visitors;
    this.configured = ConfigKey.OPEN_ROOM_PROOF.get(config).trim().toLowerCase(Locale.ROOT);
    if (!configured.equals("auto") && !configured.equals("keys") && !configured.equals("query")) {
      throw new IllegalArgumentException("OPEN_ROOM_PROOF must be auto, keys or query, not " + configured);
    }
    this.proof = configured.equals("query") ? Proof.QUERY : Proof.KEYS;
  }

  /**
   * Resolves {@code auto} once the store is known (at start, before any command).
   *
   * @param honoursPartialIndexes whether the store applies a partial unique index as MongoDB does
   */
  void useStore(boolean honoursPartialIndexes) {
    if (configured.equals("auto")) {
      proof = honoursPartialIndexes ? Proof.QUERY : Proof.KEYS;
    }
    LOG.info("open-room proof: {} (OPEN_ROOM_PROOF={})", proof.name().toLowerCase(Locale.ROOT), configured);
  }

  /** @return the proof in use */
  Proof proof() {
    return proof;
  }

  /**
   * @param lastChatRid the visitor's {@code lastChat._id}; null reads it from the visitor ({@link #ofToken})
   * @return the visitor's open room as stored, or null (also while its creation is unfinished)
   */
  Future<JsonObject> find(String token, String lastChatRid) {
    return lastChatRid == null ? ofToken(token) : head(token, lastChatRid).map(Head::room);
  }

  /**
   * Reads the visitor's {@code lastChat} (by token, the visitor-service's unique token index), then {@link #head}.
   *
   * @return the open room of the visitor with that token, or null (also for no such visitor)
   */
  Future<JsonObject> ofToken(String token) {
    return visitors.findByToken(token)
        .compose(visitor -> visitor == null ? Future.succeededFuture() : head(token, lastChatRid(visitor)))
        .map(head -> head == null ? null : head.room());
  }

  /** @return the visitor's {@code lastChat._id}, or null */
  static String lastChatRid(JsonObject visitor) {
    return visitor.getValue("lastChat") instanceof JsonObject lastChat && lastChat.getValue("_id") instanceof String id
        ? id : null;
  }

  /**
   * @param lastChatRid the visitor's {@code lastChat._id}, or null
   * @return where the visitor's rooms stand: its open room, an unfinished creation, or none after a given room
   */
  Future<Head> head(String token, String lastChatRid) {
    return lastChatRoom(token, lastChatRid).compose(room -> room != null ? Future.succeededFuture(Head.open(room))
        : beyond(token, lastChatRid == null ? "" : lastChatRid));
  }

  /**
   * The first step of {@link #head}: one point read.
   *
   * @return the room named by the visitor's {@code lastChat} when it is the visitor's open room, else null
   */
  Future<JsonObject> lastChatRoom(String token, String lastChatRid) {
    return lastChatRid == null ? Future.succeededFuture()
        : rooms.findById(lastChatRid).map(room -> isOpenOf(room, token) ? room : null);
  }

  /**
   * The rest of {@link #head} once the {@code lastChat} room is known not to be the open one: the claims' chain
   * ({@link Proof#KEYS}) or the {@code v.token} query ({@link Proof#QUERY}).
   *
   * @param after the visitor's {@code lastChat._id}, or {@code ""}
   */
  Future<Head> beyond(String token, String after) {
    return proof == Proof.KEYS ? walk(token, after)
        : rooms.findOpenByTokenQuery(token).map(open -> open != null ? Head.open(open) : Head.vacant(after));
  }

  /**
   * Follows the visitor's claims from room {@code after} (empty: from its first claim) to its newest room.
   *
   * @return the open room, an unfinished creation, or none after the last room of the chain
   */
  Future<Head> walk(String token, String after) {
    return mongo.findOne(Collections.ROOM_CLAIMS, new JsonObject().put("_id", claimId(after, token)), null)
        .compose(claim -> claim == null ? Future.succeededFuture(Head.vacant(after)) : follow(token, claim));
  }

  private Future<Head> follow(String token, JsonObject claim) {
    String rid = claim.getString("rid");
    return rooms.findById(rid).compose(room -> room == null && NewRoom.isCreation(claim)
        ? Future.succeededFuture(Head.pending(claim))
        : isOpenOf(room, token) ? Future.succeededFuture(Head.open(room)) : walk(token, rid));
  }

  /**
   * Claims the room that follows {@code after} for the visitor: inserts {@code plan} as the claim
   * {@code "<after>:<token>"}.
   *
   * @param plan {@code {rid, ts, plan}} ({@link NewRoom#claim})
   * @return true when this call claimed it; false when another creation did first (then {@link #walk} from
   *     {@code after})
   */
  Future<Boolean> claim(String token, String after, JsonObject plan) {
    JsonObject claim = plan.copy().put("_id", claimId(after, token)).put("token", token);
    return mongo.insert(Collections.ROOM_CLAIMS, claim).map(true)
        .recover(e -> MongoDocs.isDuplicateKey(e) ? Future.succeededFuture(false) : Future.failedFuture(e));
  }

  /**
   * Puts an existing room on the visitor's chain (a room {@code room.change-visitor} moved to this visitor): claims
   * {@code {rid, ts}} after the visitor's newest room, unless the visitor has an open room already (then, or under
   * {@link Proof#QUERY} when the query finds the moved room, nothing is written).
   *
   * @param lastChatRid the visitor's {@code lastChat._id}, or null
   */
  Future<Void> adopt(String token, String lastChatRid, String rid) {
    return head(token, lastChatRid).compose(head -> head.after() == null ? Future.succeededFuture()
        : claim(token, head.after(), new JsonObject().put("rid", rid).put("ts", MongoDocs.now()))
            .compose(won -> won ? Future.succeededFuture() : adopt(token, lastChatRid, rid)));
  }

  /** @return the claim {@code _id}: a rid holds no {@code ':'}, so the first one separates it from the token */
  static String claimId(String after, String token) {
    return after + ":" + token;
  }

  private static boolean isOpenOf(JsonObject room, String token) {
    return RoomRepository.isOpenLivechat(room) && room.getValue("v") instanceof JsonObject v
        && token.equals(v.getValue("token"));
  }

  /**
   * Where a visitor's rooms stand; exactly one part is set, or none.
   *
   * @param room  the visitor's open room as stored
   * @param claim a claim whose room is not written yet (its creator died or is still writing)
   * @param after with neither: the rid after which a new room is claimed ({@code ""}: the visitor's first claim)
   */
  record Head(JsonObject room, JsonObject claim, String after) {

    static Head open(JsonObject room) {
      return new Head(room, null, null);
    }

    static Head pending(JsonObject claim) {
      return new Head(null, claim, null);
    }

    static Head vacant(String after) {
      return new Head(null, null, after);
    }
  }
}
