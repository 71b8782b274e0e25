package chat.rocket.livechat.standalone;

import chat.rocket.livechat.gateway.GatewayVerticle;
import chat.rocket.livechat.platform.kafka.CacheInvalidationVerticle;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Another gateway process in all but the JVM: a {@link GatewayVerticle} and the process's
 * {@link CacheInvalidationVerticle} on a Vert.x instance of its own (its own event loops, Kafka clients, reply topic,
 * realtime fan-out and caches; nothing shared with the test system's gateway but Kafka and MongoDB), on a free port,
 * with its own {@code GATEWAY_INSTANCE_ID}.
 */
final class SecondGateway implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final int port;

  /** Starts it against the system's broker and store; waits until it listens. */
  SecondGateway(TestSystem system) {
    try {
      port = TestSystem.freePort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonObject config = system.config().copy().put(ConfigKey.PORT.name(), Integer.toString(port))
        .put(ConfigKey.GATEWAY_INSTANCE_ID.name(), "second-" + port).put(ConfigKey.HTTP_INSTANCES.name(), "1");
    vertx.deployVerticle(new CacheInvalidationVerticle(), new DeploymentOptions().setConfig(config))
        .compose(v -> vertx.deployVerticle(new GatewayVerticle(), new DeploymentOptions().setConfig(config))).await();
  }

  /** @return its HTTP and websocket port */
  int port() {
    return port;
  }

  /** @return the Vert.x instance of its clients in tests */
  Vertx vertx() {
    return vertx;
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
