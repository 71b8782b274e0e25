package chat.rocket.livechat.gateway.realtime;

import static chat.rocket.livechat.testkit.FutureAwait.await;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.gateway.auth.Authenticator;
import chat.rocket.livechat.gateway.messaging.CommandSender;
import chat.rocket.livechat.platform.kafka.EventSink;
import chat.rocket.livechat.testkit.DdpClient;
import chat.rocket.livechat.testkit.MemoryStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@link DdpServer} alone on a free port of a {@link MemoryStore}'s Vert.x, with the two other systems it talks to
 * played at their seams: the room-service's answer to {@code room.check-access} (a visitor token
 * {@link #VISITOR_TOKEN} of room {@link #RID}, or any logged-in user, is allowed; everything else gets
 * {@code NOT_ALLOWED}) and the Kafka publisher of activity events (recorded). Users for resume logins are real
 * {@code users} documents in the store.
 */
final class DdpTestServer implements AutoCloseable {

  static final String RID = "room-1";
  static final String VISITOR_TOKEN = "visitor-token";

  final MemoryStore store = MemoryStore.start();
  final MongoClient mongo = store.newClient("ddp");
  final RealtimeHub hub = new RealtimeHub();
  final List<JsonObject> accessChecks = new CopyOnWriteArrayList<>();
  final List<JsonObject> activity = new CopyOnWriteArrayList<>();
  private final int port;

  /** @param overrides {@code DDP_*} configuration on top of the defaults */
  DdpTestServer(Map<String, String> overrides) {
    JsonObject config = MemoryStore.serviceConfig();
    overrides.forEach(config::put);
    CommandSender commands = this::checkAccess;
    EventSink sink = (type, id, time, subject, data) -> {
      activity.add(new JsonObject(data).put("subject", subject).put("type", type.type()));
      return Future.succeededFuture();
    };
    Authenticator authenticator = new Authenticator(mongo);
    HttpServer[] server = new HttpServer[1];
    await(store.vertx().deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        DdpServer ddp = new DdpServer(vertx, config, hub, commands, authenticator, sink);
        server[0] = vertx.createHttpServer(DdpServer.options(new HttpServerOptions().setPort(0), config))
            .requestHandler(request -> request.response().setStatusCode(404).end());
        return ddp.attach(server[0]).listen();
      }
    }));
    port = server[0].actualPort();
  }

  /** @return a new websocket to this server, not yet DDP-connected */
  DdpClient open() {
    return DdpClient.open(store.vertx(), port);
  }

  /** @return a new websocket that never answers the server's pings */
  DdpClient openSilent() {
    return DdpClient.openSilent(store.vertx(), port);
  }

  /** @return the port */
  int port() {
    return port;
  }

  private Future<JsonObject> checkAccess(Consumer<String> sent, CommandType type, String key, Caller caller,
                                         JsonObject body) {
    accessChecks.add(body.copy().put("type", type.wireName()).put("key", key)
        .put("caller", caller == null ? null : caller.userId()));
    boolean visitor = RID.equals(body.getString("rid")) && VISITOR_TOKEN.equals(body.getString("token"));
    return visitor || caller != null ? Future.succeededFuture(new JsonObject())
        : Future.failedFuture(new LivechatException(ErrorCode.NOT_ALLOWED));
  }

  @Override
  public void close() {
    mongo.close();
    store.close();
  }
}
