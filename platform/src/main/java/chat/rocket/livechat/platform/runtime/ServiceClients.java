package chat.rocket.livechat.platform.runtime;

import chat.rocket.livechat.platform.kafka.EventPublisher;
import chat.rocket.livechat.platform.kafka.KafkaClients;
import chat.rocket.livechat.platform.rocketchat.CustomFields;
import chat.rocket.livechat.platform.rocketchat.Permissions;
import chat.rocket.livechat.platform.rocketchat.Settings;
import chat.rocket.livechat.platform.rocketchat.Users;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.kafka.client.producer.KafkaProducer;

/**
 * The clients one service verticle works with: the shared Mongo client, one Kafka producer (replies, dead letters
 * and events) and the cached readers of Rocket.Chat's settings, permissions and custom fields, with the configuration
 * they were made from.
 *
 * @param vertx        the Vert.x instance the clients (and any cache a handler makes) belong to
 * @param vertx        the Vert.x instance the clients, and any cache a handler makes, belong to
 * @param config       the verticle's configuration ({@link ConfigKey})
 * @param mongo        shared Mongo client ({@link Mongo#client})
 * @param producer     the process's shared producer ({@link KafkaClients#sharedProducer})
 * @param events       CloudEvents publisher on {@code producer}
 * @param settings     cached settings
 * @param permissions  cached permissions
 * @param customFields cached custom field definitions
 * @param users        user and agent queries
 */
public record ServiceClients(Vertx vertx, JsonObject config, MongoClient mongo, KafkaProducer<String, Buffer> producer,
                             EventPublisher events, Settings settings, Permissions permissions,
                             CustomFields customFields, Users users) {

  /** @return the clients of one verticle, configured from its {@code config()} */
  public static ServiceClients create(Vertx vertx, JsonObject config) {
    MongoClient mongo = Mongo.client(vertx, config);
    KafkaProducer<String, Buffer> producer = KafkaClients.sharedProducer(vertx, config);
    EventPublisher events = new EventPublisher(producer, Meters.registry(vertx));
    return new ServiceClients(vertx, config, mongo, producer, events, new Settings(vertx, mongo, config),
        new Permissions(vertx, mongo, config), new CustomFields(vertx, mongo, config), new Users(mongo));
  }

  /** Closes the producer (the shared Mongo client closes with its last user). */
  public Future<Void> close() {
    return producer.close().eventually(mongo::close);
  }
}
