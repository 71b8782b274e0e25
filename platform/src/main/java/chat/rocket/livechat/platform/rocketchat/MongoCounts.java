package chat.rocket.livechat.platform.rocketchat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;

/**
 * Counting documents with MongoDB's {@code count} command ({@code {count: <collection>, query: <filter>}}, reply
 * {@code {n, ok}}), which every store answers from its indexes. The driver's {@code countDocuments} (behind
 * {@link MongoClient#count}) sends an aggregation, {@code $match} then {@code $group}, which the embedded store
 * (mongo-java-server) runs over every document of the collection, whatever its indexes: a count of one room's
 * messages read every message stored (issue 12). On a real, unsharded MongoDB both give the same number.
 */
public final class MongoCounts {

  private MongoCounts() {
  }

  /**
   * @param collection the collection, e.g. {@code rocketchat_message}
   * @param query      the filter, e.g. {@code {rid}}
   * @return how many documents match; fails as the store's command fails
   */
  public static Future<Long> count(MongoClient mongo, String collection, JsonObject query) {
    JsonObject command = new JsonObject().put("count", collection).put("query", query);
    return mongo.runCommand("count", command).map(reply -> reply.getNumber("n").longValue());
  }
}
