package chat.rocket.livechat.gateway;

import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.gateway.http.HttpApiVerticle;
import chat.rocket.livechat.gateway.ratelimit.RateLimiter;
import chat.rocket.livechat.gateway.realtime.FanOutVerticle;
import chat.rocket.livechat.gateway.realtime.RealtimeHub;
import chat.rocket.livechat.gateway.web.LivechatWidget;
import chat.rocket.livechat.platform.kafka.TopicSetup;
import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway of one process: creates the command topics (room, visitor, admin), the room event topic, the
 * short-retention activity topic ({@link Topics#ACTIVITY_RETENTION_MS}) and this instance's reply topic
 * {@code livechat.replies.<GATEWAY_INSTANCE_ID>} with one partition per HTTP verticle instance, then deploys the
 * realtime {@link FanOutVerticle} (positioned at the ends of the event and activity topics) and
 * {@code HTTP_INSTANCES} {@link HttpApiVerticle}s, each owning one reply partition and all sharing one
 * {@link RateLimiter} and one {@link RealtimeHub}. It never seeds permissions, roles, settings or users: Rocket.Chat's
 * defaults come from the seed step ({@link chat.rocket.livechat.gateway.seed.Seed}), run before any gateway starts.
 * On a clean stop the HTTP verticles stop first (pending requests fail with 503), then the reply topic is deleted.
 */
public final class GatewayVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayVerticle.class);

  private final RateLimiter rateLimiter = new RateLimiter();
  private final RealtimeHub realtime = new RealtimeHub();
  private String replyTopic;

  @Override
  public Future<?> start() {
    String instanceId = instanceId(config());
    int instances = httpInstances(config());
    replyTopic = Topics.replies(instanceId);
    return TopicSetup.ensure(vertx, config(), List.of(Topics.ROOM_COMMANDS, Topics.VISITOR_COMMANDS,
            Topics.ADMIN_COMMANDS, Topics.ROOM_EVENTS))
        .compose(v -> TopicSetup.ensure(vertx, config(), List.of(Topics.ROOM_ACTIVITY),
            ConfigKey.TOPIC_PARTITIONS.getInt(config()),
            Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(Topics.ACTIVITY_RETENTION_MS))))
        .compose(v -> TopicSetup.ensure(vertx, config(), List.of(replyTopic), instances))
        .compose(v -> vertx.deployVerticle(new FanOutVerticle(realtime), new DeploymentOptions().setConfig(config())))
        .compose(v -> deployHttp(instances))
        .onSuccess(v -> LOG.info("gateway {} listening on port {} ({} HTTP instances, replies on {})", instanceId,
            ConfigKey.PORT.get(config()), instances, replyTopic))
        .compose(v -> LivechatWidget.built(vertx))
        .onSuccess(this::logWidget);
  }

  /** Says once per process whether {@code /livechat} serves the widget (README.md, The Livechat widget). */
  private void logWidget(Optional<String> index) {
    if (index.isPresent()) {
      LOG.info("Livechat widget at {}{}", ConfigKey.ROOT_URL.get(config()).isEmpty()
          ? "http://localhost:" + ConfigKey.PORT.get(config()) : ConfigKey.ROOT_URL.get(config()), LivechatWidget.PATH);
    } else {
      LOG.warn("Livechat widget not built into this gateway (no npm at build time): {} answers 404",
          LivechatWidget.PATH);
    }
  }

  @Override
  public Future<?> stop() {
    return TopicSetup.delete(vertx, config(), replyTopic)
        .recover(e -> {
          LOG.warn("could not delete reply topic {}: {}", replyTopic, e.getMessage());
          return Future.succeededFuture();
        });
  }

  private Future<Void> deployHttp(int instances) {
    List<Future<String>> deployments = new ArrayList<>();
    for (int partition = 0; partition < instances; partition++) {
      JsonObject config = config().copy().put(HttpApiVerticle.REPLY_TOPIC, replyTopic)
          .put(HttpApiVerticle.REPLY_PARTITION, partition);
      deployments.add(vertx.deployVerticle(new HttpApiVerticle(rateLimiter, realtime),
          new DeploymentOptions().setConfig(config)));
    }
    return Future.all(deployments).mapEmpty();
  }

  private static int httpInstances(JsonObject config) {
    int configured = ConfigKey.HTTP_INSTANCES.getInt(config);
    return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
  }

  private static String instanceId(JsonObject config) {
    String configured = ConfigKey.GATEWAY_INSTANCE_ID.get(config);
    if (!configured.isEmpty()) {
      return configured;
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
    } catch (UnknownHostException e) {
      host = "gateway";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
