package chat.rocket.livechat.platform.runtime;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.connection.NettyTransportSettings;
import com.mongodb.connection.TransportSettings;
import io.netty.buffer.AdaptiveByteBufAllocator;
import io.netty.buffer.ByteBufAllocator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.impl.config.MongoClientOptionsParser;

/**
 * Creates the shared Vert.x Mongo client of a process from {@link ConfigKey#MONGO_URL}.
 *
 * <p>The driver's settings are the ones the Vert.x client derives from its config, with one change (issue 12): the
 * driver's Netty transport allocates <b>heap</b> buffers for the messages it encodes. The driver writes a string into
 * a buffer backed by an array with one pass over its characters, but into Netty's default direct buffers one byte
 * at a time, each through {@code ByteBuf.writeByte}'s checks: in a room creation's profile, 44 % of the driver's
 * encoding thread was {@code writeString} over direct buffers. Netty copies a heap buffer into a direct one when it
 * writes it to the socket (one bulk copy).
 */
public final class Mongo {

  /** Database used when {@code MONGO_URL} names none. */
  public static final String DEFAULT_DATABASE = "rocketchat";

  /** The heap allocator of every client's transport (Netty's default kind of pool, on the heap). */
  private static final ByteBufAllocator HEAP_BUFFERS = new AdaptiveByteBufAllocator(false);

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
    return MongoClient.createWithMongoSettings(vertx, mongoConfig, "livechat:" + url,
        onHeapBuffers(new MongoClientOptionsParser(vertx, mongoConfig).settings()));
  }

  /** @return the settings with the same Netty transport (event loops, channel class), allocating heap buffers */
  static MongoClientSettings onHeapBuffers(MongoClientSettings settings) {
    NettyTransportSettings.Builder transport = TransportSettings.nettyBuilder().allocator(HEAP_BUFFERS);
    if (settings.getTransportSettings() instanceof NettyTransportSettings netty) {
      if (netty.getEventLoopGroup() != null) {
        transport.eventLoopGroup(netty.getEventLoopGroup());
      }
      if (netty.getSocketChannelClass() != null) {
        transport.socketChannelClass(netty.getSocketChannelClass());
      }
      if (netty.getSslContext() != null) {
        transport.sslContext(netty.getSslContext());
      }
    }
    return MongoClientSettings.builder(settings).transportSettings(transport.build()).build();
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
