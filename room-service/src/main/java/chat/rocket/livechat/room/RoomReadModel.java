package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room-service's read model of open livechat rooms (issue 12; DESIGN.md, Room read model): the rooms of the
 * partitions this member owns, in memory, so that the widget's most frequent call, {@code GET livechat/room} of an
 * existing room, reads no store. An entry is the room as the reply carries it ({@code rocketchat_room} through
 * {@link MongoDocs#toApi}: ISO dates, converted once per load rather than once per read), kept only while it is an
 * open livechat room whose visitor (by {@code v.token}) exists.
 *
 * <p>Why an entry is never stale for a write made through this system:
 * <ul>
 *   <li>Only a command keyed by the room's {@code rid} reads or fills an entry ({@link Command#key()}): its
 *       partition is this member's, and every other command keyed by that {@code rid} (messages, saveInfo, close,
 *       change of visitor, join, transcript) runs here, one after another. The gateway keys {@code GET livechat/room}
 *       by the visitor's open room when it knows it ({@code hint}).</li>
 *   <li>Every write of this process to a room drops its entry ({@link #forget}, called by {@link RoomRepository}),
 *       including writes of commands keyed otherwise (custom fields by token, inquiry take
 *       by inquiry id, a visitor event's rename); a load that overlapped any write is not kept. A message's room
 *       write, keyed by the {@code rid}, keeps the room as the write returned it ({@link #writeThrough}) unless
 *       another write of the room was sent or completed meanwhile.</li>
 *   <li>Writes of other room-service instances reach this one by their room event, and a visitor's removal by its
 *       {@code visitor.deleted} event ({@link #onEvent}, fed by a {@code CacheInvalidationVerticle} reading both
 *       topics from their ends): dropped within the events' latency (milliseconds). The echo of an event this
 *       process published ({@link #published}, by {@code ce_id}) drops nothing: its write dropped the room
 *       already.</li>
 *   <li>When partitions stop being this member's, every entry is dropped ({@link #clear}): their next owner may write
 *       them.</li>
 *   <li>Entries expire {@code ROOM_CACHE_TTL_MS} after their load: the bound for a write made straight into the
 *       store. By default ({@code auto}, decided at start by {@link #useStore}) that is {@code CACHE_TTL_MS} on a
 *       real MongoDB, which Rocket.Chat may share, and {@link #EMBEDDED_TTL_MS} on the embedded store, which only this
 *       system writes: a visitor's rooms then stay loaded through a conversation's pauses.</li>
 * </ul>
 * At most {@code ROOM_CACHE_ENTRIES} entries (least recently used go first); 0 entries or a TTL of 0 turn it off, and
 * every read goes to the store. Thread-safe.
 */
final class RoomReadModel {

  private static final Logger LOG = LoggerFactory.getLogger(RoomReadModel.class);

  /** How long an entry lives on the embedded store under {@code ROOM_CACHE_TTL_MS=auto}, in ms (10 min). */
  static final long EMBEDDED_TTL_MS = 600_000;
  /** How long the id of an event this process published is remembered, in ms (its echo arrives within ms). */
  private static final long OWN_EVENTS_MS = 60_000;
  /** The most ids of own events remembered (about 100 bytes each). */
  private static final long OWN_EVENTS = 100_000;

  private final RoomRepository rooms;
  private final RoomVisitors visitors;
  private final String configuredTtl;
  private final long sharedStoreTtlMs;
  private final long maxEntries;
  private volatile Cache<String, JsonObject> cache;
  private volatile boolean enabled;
  private volatile long ttlMs;
  /**
   * The loads under way, by {@code rid}, each with its own stamp; a write of the room removes its load, which is then
   * not kept, since it may have read the room before the write.
   */
  private final Map<String, Long> loading = new ConcurrentHashMap<>();
  private final AtomicLong stamps = new AtomicLong();
  /** The rooms whose write-through is under way ({@link #writeThrough}), each with the drops counted since it began. */
  private final Map<String, AtomicInteger> writing = new ConcurrentHashMap<>();
  /** The {@code ce_id}s of the room events this process published: their writes already dropped their rooms here. */
  private final Cache<String, Boolean> ownEvents = Caffeine.newBuilder()
      .expireAfterWrite(Duration.ofMillis(OWN_EVENTS_MS)).maximumSize(OWN_EVENTS).build();

  /**
   * @param ttl              {@code ROOM_CACHE_TTL_MS}: ms, or {@code auto} (decided by {@link #useStore}; until then
   *                         the shared store's TTL applies)
   * @param sharedStoreTtlMs {@code CACHE_TTL_MS}, the TTL on a store another system may write
   * @param maxEntries       the most entries kept ({@code ROOM_CACHE_ENTRIES})
   */
  RoomReadModel(RoomRepository rooms, RoomVisitors visitors, String ttl, long sharedStoreTtlMs, long maxEntries) {
    this.rooms = rooms;
    this.visitors = visitors;
    this.configuredTtl = ttl;
    this.sharedStoreTtlMs = sharedStoreTtlMs;
    this.maxEntries = maxEntries;
    build(ttl.equals("auto") ? sharedStoreTtlMs : Long.parseLong(ttl));
  }

  /**
   * Decides the TTL under {@code auto} once the store is known, before any command runs.
   *
   * @param sharedStore true for a store another system may write (a real MongoDB: it honours partial indexes)
   */
  void useStore(boolean sharedStore) {
    if (configuredTtl.equals("auto")) {
      build(sharedStore ? sharedStoreTtlMs : EMBEDDED_TTL_MS);
    }
    LOG.info("room read model: {} entries at most, {} ms each (ROOM_CACHE_TTL_MS={})", maxEntries, ttlMs,
        configuredTtl);
  }

  private void build(long ttl) {
    this.ttlMs = ttl;
    this.enabled = ttl > 0 && maxEntries > 0;
    this.cache = Caffeine.newBuilder()
        .expireAfterWrite(Duration.ofMillis(Math.max(ttl, 1)))
        .maximumSize(Math.max(maxEntries, 0))
        .build();
  }

  /**
   * The open livechat room {@code rid} of the visitor {@code token}: from memory when {@code command} is keyed by
   * {@code rid}, else from the store ({@code _id} lookup, visitor by token), as {@link
   * RoomRepository#findOpenByIdAndToken}.
   *
   * @return the room in its API form ({@link MongoDocs#toApi}; shared: never change it), or null when {@code rid} is
   *     not an open livechat room of that visitor, or the visitor does not exist
   */
  Future<JsonObject> openRoom(Command command, String rid, String token) {
    boolean owner = enabled && rid.equals(command.key());
    JsonObject cached = owner ? cache.getIfPresent(rid) : null;
    if (cached != null) {
      return Future.succeededFuture(token.equals(visitorToken(cached)) ? cached : null);
    }
    long stamp = stamps.incrementAndGet();
    if (owner) {
      loading.put(rid, stamp);
    }
    Future<JsonObject> room = rooms.findOpenByIdAndToken(rid, token);
    Future<JsonObject> visitor = visitors.findByToken(token);
    return Future.all(room, visitor).map(loaded -> {
      boolean untouched = owner && loading.remove(rid, stamp);
      if (room.result() == null || visitor.result() == null) {
        return null;
      }
      JsonObject api = MongoDocs.toApi(room.result());
      if (untouched) {
        cache.put(rid, api);
      }
      return api;
    }).onFailure(e -> loading.remove(rid, stamp));
  }

  /**
   * Runs a room write that returns the room as it left it ({@link RoomRepository#updateReturning}, which drops the
   * entry when the write is sent and when it completes) and, when {@code command} is keyed by {@code rid}, keeps that
   * image as the room's entry, so the room's next command reads no store. Not kept when the image is no open livechat
   * room, or when the room was dropped more than those two times while the write ran: another write of it was sent or
   * completed meanwhile (a command keyed otherwise, another instance's event), and the image may predate it. A write
   * sent before and completed after this one drops the kept entry at its completion.
   *
   * @param write starts the write
   * @return the write's result: the room after it, or null when there is none
   */
  Future<JsonObject> writeThrough(Command command, String rid, Supplier<Future<JsonObject>> write) {
    if (!enabled || !rid.equals(command.key())) {
      return write.get();
    }
    AtomicInteger drops = new AtomicInteger();
    writing.put(rid, drops);
    return write.get().onComplete(done -> {
      writing.remove(rid, drops);
      JsonObject room = done.succeeded() ? done.result() : null;
      if (drops.get() == 2 && RoomRepository.isOpenLivechat(room)) {
        JsonObject settled = room.copy();
        settled.remove(MongoDocs.OUTBOX_FIELD);
        cache.put(rid, settled);
      }
    });
  }

  /**
   * Remembers the {@code ce_id} of a room event this process is publishing: the write it records dropped the room
   * here already, so its echo on {@code livechat.room.events} ({@link #onEvent}) need not drop the room again.
   */
  void published(String eventId) {
    ownEvents.put(eventId, Boolean.TRUE);
  }

  /** Drops the room {@code rid}: this process wrote it, or its room event says another instance did. */
  void forget(String rid) {
    AtomicInteger drops = writing.get(rid);
    if (drops != null) {
      drops.incrementAndGet();
    }
    loading.remove(rid);
    cache.invalidate(rid);
  }

  /** Drops the rooms of the visitor {@code visitorId} ({@code v._id}): the visitor was removed. */
  void forgetVisitor(String visitorId) {
    writing.values().forEach(drops -> drops.addAndGet(2));
    loading.clear();
    cache.asMap().values().removeIf(room -> room.getValue("v") instanceof JsonObject v
        && visitorId.equals(v.getValue("_id")));
  }

  /** Drops every entry: partitions of the command topic stopped being this member's. */
  void clear() {
    writing.values().forEach(drops -> drops.addAndGet(2));
    loading.clear();
    cache.invalidateAll();
  }

  /**
   * An event of {@code livechat.room.events} or {@code livechat.visitor.events}: a room event drops its room (the
   * subject is the {@code rid}) unless this process published it ({@link #published}), {@code visitor.deleted} the
   * visitor's rooms (the subject is its {@code _id}); other visitor events change nothing a room read answers.
   */
  void onEvent(EventType type, String subject, String id) {
    if (Topics.ROOM_EVENTS.equals(type.topic())) {
      if (id != null && ownEvents.getIfPresent(id) != null) {
        return;
      }
      forget(subject);
    } else if (type == EventType.VISITOR_DELETED) {
      forgetVisitor(subject);
    }
  }

  /** @return how many rooms are held (tests, metrics) */
  long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  private static String visitorToken(JsonObject room) {
    return room.getValue("v") instanceof JsonObject v && v.getValue("token") instanceof String token ? token : null;
  }
}
