package chat.rocket.livechat.bench;

import chat.rocket.livechat.platform.runtime.ServiceClients;
import chat.rocket.livechat.room.RoomServiceVerticle;
import chat.rocket.livechat.visitor.VisitorServiceVerticle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * The services' command handlers without Kafka: registers the room-service's and the visitor-service's handlers
 * ({@link RoomServiceVerticle#define}, {@link VisitorServiceVerticle#define}) on the local event bus
 * through {@link InProcessCommands}, on clients of its own (the same Mongo database, settings and permissions). The
 * Kafka consumers of the services are untouched: this verticle is no member of their consumer groups.
 */
public final class InProcessServicesVerticle extends VerticleBase {

  private ServiceClients clients;

  @Override
  public Future<?> start() {
    clients = ServiceClients.create(vertx, config());
    return InProcessCommands.register(vertx, new RoomServiceVerticle().define(clients).commands().handlers())
        .compose(v -> InProcessCommands.register(vertx,
            new VisitorServiceVerticle().define(clients).commands().handlers()));
  }

  @Override
  public Future<?> stop() {
    return clients.close();
  }
}
