package chat.rocket.livechat.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The embedded broker as a client sees it: its settings, read back through Kafka's admin API. */
class EmbeddedKafkaTest {

  @Test
  @DisplayName("the broker's log cleaner holds a 4 MiB dedupe buffer, not Kafka's 128 MiB default")
  void cleanerBufferIsSmall() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary();
         Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
      Config config = admin.describeConfigs(List.of(broker)).all().get().get(broker);

      assertThat(config.get("log.cleaner.dedupe.buffer.size").value()).isEqualTo(Long.toString(4L * 1024 * 1024));
      assertThat(config.get("log.cleaner.enable").value()).isEqualTo("true");
    }
  }
}
