/**
 * Kafka plumbing shared by every service: client settings ({@code KafkaClients}), topic creation, the
 * consume-execute-reply-commit loop of commands ({@code CommandLoop}, {@code CommandExecutor}), at-least-once keyed
 * batch consumption ({@code KeyedBatchConsumer}), CloudEvents publishing and subscribing, the transactional outbox
 * of evented documents and its sweep ({@code Outbox}, {@code OutboxSweep}), header maps and trace context on
 * records. Nothing here knows Rocket.Chat.
 */
package chat.rocket.livechat.platform.kafka;
