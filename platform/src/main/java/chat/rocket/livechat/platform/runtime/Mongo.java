package chat.rocket.livechat.platform.runtime;

import com.mongodb.ConnectionString;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;

/** Creates the shared Vert.x Mongo client of a process from {@link ConfigKey#MONGO_URL}. */
public final class Mongo {

  /** Database used when {@code MONGO_URL} names none. */
  public static final String DEFAULT_DATABASE = "rocketchat";

  private Mongo() {
  }

  /**
   * @return a client shared by every verticle of this Vert.x instance that uses the same URL
   * @throws IllegalArgumentException when {@code MONGO_URL} is not a MongoDB connection string
   */
  public static MongoClient client(Vertx vertx, JsonObject config) {
    String url = ConfigKey.MONGO_URL.get(config);
    String database = database(url);
    JsonObject mongoConfig = new JsonObject()
        .put("connection_string", url)
        .put("db_name", database)
        .put("serverSelectionTimeoutMS", 5000L);
    return MongoClient.createShared(vertx, mongoConfig, "livechat:" + url);
  }

  /**
   * @return the database named by the URL's path, or {@link #DEFAULT_DATABASE}
   * @throws IllegalArgumentException when the URL is malformed, with the driver's reason
   */
  public static String database(String url) {
    ConnectionString parsed = new ConnectionString(url);
    return parsed.getDatabase() == null ? DEFAULT_DATABASE : parsed.getDatabase();
  }
}
