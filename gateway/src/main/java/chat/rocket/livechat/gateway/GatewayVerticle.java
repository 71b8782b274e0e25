package chat.rocket.livechat.gateway;

import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.gateway.http.HttpApiVerticle;
import chat.rocket.livechat.gateway.ratelimit.RateLimiter;
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
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway of one process: creates the command topics and this instance's reply topic
 * {@code livechat.replies.<GATEWAY_INSTANCE_ID>} with one partition per HTTP verticle instance, then deploys
 * {@code HTTP_INSTANCES} {@link HttpApiVerticle}s, each owning one reply partition and all sharing one
 * {@link RateLimiter}. It never seeds permissions, roles, settings or users: Rocket.Chat's defaults come from the seed
 * step ({@link chat.rocket.livechat.gateway.seed.Seed}), run before any gateway starts. Once started it logs where the
 * Livechat widget is served, or that it is not. On a clean stop the HTTP
 * verticles stop first (pending requests fail with 503), then the reply topic is deleted.
 */
public final class GatewayVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayVerticle.class);

  private final RateLimiter rateLimiter = new RateLimiter();
  private String replyTopic;

  @Override
  public Future<?> start() {
    String instanceId = instanceId(config());
    int instances = httpInstances(config());
    replyTopic = Topics.replies(instanceId);
    return TopicSetup.ensure(vertx, config(), List.of(Topics.ROOM_COMMANDS, Topics.VISITOR_COMMANDS))
        .compose(v -> TopicSetup.ensure(vertx, config(), List.of(replyTopic), instances))
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
      deployments.add(vertx.deployVerticle(new HttpApiVerticle(rateLimiter),
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
