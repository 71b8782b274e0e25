/**
 * Kafka plumbing shared by every service: client settings ({@code KafkaClients}), topic creation, the
 * consume-execute-reply-commit loop of commands ({@code CommandLoop}, {@code CommandExecutor}), at-least-once keyed
 * batch consumption ({@code KeyedBatchConsumer}), CloudEvents publishing and subscribing, header maps and trace
 * context on records. Nothing here knows Rocket.Chat.
 */
package chat.rocket.livechat.platform.kafka;
