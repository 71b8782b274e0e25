package chat.rocket.livechat.standalone;

import chat.rocket.livechat.contracts.Collections;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every document of every collection the system uses ({@link Collections}), read at one moment, to prove that a
 * call wrote nothing, or nothing outside the documents it may change.
 */
public final class StoreSnapshot {

  /** Every collection of {@link Collections}. */
  public static final List<String> COLLECTIONS = List.of(Collections.ROOMS, Collections.VISITORS,
      Collections.INQUIRIES, Collections.SUBSCRIPTIONS, Collections.USERS, Collections.PERMISSIONS,
      Collections.ROLES, Collections.SETTINGS, Collections.CUSTOM_FIELDS, Collections.DEPARTMENTS,
      Collections.MESSAGES, Collections.OFFLINE_MESSAGES, Collections.TRASH);

  private final Map<String, Map<String, JsonObject>> documents;

  private StoreSnapshot(Map<String, Map<String, JsonObject>> documents) {
    this.documents = documents;
  }

  /** @return every document of {@link #COLLECTIONS} as stored now */
  public static StoreSnapshot take(TestSystem system) {
    Map<String, Map<String, JsonObject>> documents = new LinkedHashMap<>();
    for (String collection : COLLECTIONS) {
      Map<String, JsonObject> byId = new LinkedHashMap<>();
      for (JsonObject doc : system.mongo().find(collection, new JsonObject()).await()) {
        byId.put(String.valueOf(doc.getValue("_id")), doc);
      }
      documents.put(collection, byId);
    }
    return new StoreSnapshot(documents);
  }

  /** @return the documents of {@code collection} by {@code _id} */
  public Map<String, JsonObject> documents(String collection) {
    return documents.getOrDefault(collection, Map.of());
  }

  /**
   * @param before an earlier snapshot
   * @return every document added, removed or changed since {@code before}, as {@link Change}s in collection order
   */
  public List<Change> changesSince(StoreSnapshot before) {
    List<Change> changes = new ArrayList<>();
    for (String collection : COLLECTIONS) {
      Map<String, JsonObject> old = before.documents(collection);
      Map<String, JsonObject> now = documents(collection);
      Set<String> ids = new TreeSet<>(old.keySet());
      ids.addAll(now.keySet());
      for (String id : ids) {
        if (!Objects.equals(old.get(id), now.get(id))) {
          changes.add(new Change(collection, id, old.get(id), now.get(id)));
        }
      }
    }
    return changes;
  }

  /**
   * One document that differs between two snapshots.
   *
   * @param collection its collection
   * @param id         its {@code _id}
   * @param before     the earlier document, null when it was added
   * @param after      the later document, null when it was removed
   */
  public record Change(String collection, String id, JsonObject before, JsonObject after) {

    /** @return the document's value of {@code field} after the change (before it, for a removal), or null */
    public Object field(String field) {
      JsonObject doc = after != null ? after : before;
      return doc.getValue(field);
    }

    @Override
    public String toString() {
      return collection + "/" + id + (before == null ? " added" : after == null ? " removed" : " changed");
    }
  }
}
