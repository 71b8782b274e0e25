package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.platform.runtime.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.admin.NewTopic;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics a component needs when they are missing, with {@link ConfigKey#TOPIC_PARTITIONS} partitions and
 * {@link ConfigKey#TOPIC_REPLICATION_FACTOR} replicas, and deletes a gateway's reply topic at clean stop. Creating a
 * topic that another instance created first is not an error.
 */
public final class TopicSetup {

  private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

  private TopicSetup() {
  }

  /**
   * @param topics topic names with the default partition count
   * @return completes when every topic exists
   */
  public static Future<Void> ensure(Vertx vertx, JsonObject config, List<String> topics) {
    int partitions = ConfigKey.TOPIC_PARTITIONS.getInt(config);
    return ensure(vertx, config, topics, partitions);
  }

  /**
   * @param topics     topic names
   * @param partitions partition count of the topics that are created
   * @return completes when every topic exists
   */
  public static Future<Void> ensure(Vertx vertx, JsonObject config, List<String> topics, int partitions) {
    return ensure(vertx, config, topics, partitions, Map.of());
  }

  /**
   * @param topics      topic names
   * @param partitions  partition count of the topics that are created
   * @param topicConfig topic-level settings of the topics that are created, e.g. {@code retention.ms} (an existing
   *                    topic keeps its own)
   * @return completes when every topic exists
   */
  public static Future<Void> ensure(Vertx vertx, JsonObject config, List<String> topics, int partitions,
                                    Map<String, String> topicConfig) {
    short replicas = (short) ConfigKey.TOPIC_REPLICATION_FACTOR.getInt(config);
    KafkaAdminClient admin = KafkaAdminClient.create(vertx, KafkaClients.admin(config));
    return admin.listTopics()
        .compose(existing -> createMissing(admin, existing, topics, new NewTopicShape(partitions, replicas,
            topicConfig)))
        .eventually(admin::close);
  }

  /** @return completes when the topic is deleted (or was already gone) */
  public static Future<Void> delete(Vertx vertx, JsonObject config, String topic) {
    KafkaAdminClient admin = KafkaAdminClient.create(vertx, KafkaClients.admin(config));
    return admin.deleteTopics(List.of(topic))
        .onSuccess(v -> LOG.info("deleted topic {}", topic))
        .eventually(admin::close);
  }

  private static Future<Void> createMissing(KafkaAdminClient admin, Set<String> existing, List<String> topics,
                                            NewTopicShape shape) {
    int partitions = shape.partitions();
    List<NewTopic> missing = topics.stream()
        .filter(topic -> !existing.contains(topic))
        .map(topic -> new NewTopic(topic, partitions, shape.replicas()).setConfig(shape.topicConfig()))
        .collect(Collectors.toList());
    if (missing.isEmpty()) {
      return Future.succeededFuture();
    }
    return admin.createTopics(missing)
        .onSuccess(v -> LOG.info("created topics {} with {} partitions",
            missing.stream().map(NewTopic::getName).toList(), partitions))
        .recover(e -> e instanceof TopicExistsException || e.getCause() instanceof TopicExistsException
            ? Future.succeededFuture()
            : Future.failedFuture(e));
  }

  /** Partitions, replicas and topic-level settings of the topics one call creates. */
  private record NewTopicShape(int partitions, short replicas, Map<String, String> topicConfig) {
  }
}
