/**
 * Kafka plumbing shared by every service: client settings ({@code KafkaClients}), topic creation, the
 * consume-execute-reply-commit loop of commands ({@code CommandLoop}, {@code CommandExecutor}), at-least-once keyed
 * pipelined consumption ({@code PipelinedConsumer}, {@code PartitionProgress}, {@code KeyedChains},
 * {@code InFlightLimits}, {@code OwnedPartitions}, {@code PartitionControl}, {@code RevocationCommits},
 * {@code ConsumerLag}) with bounded retries and dead letters ({@code RecordRetries}, {@code DeadLetters}), CloudEvents
 * publishing and subscribing, the transactional outbox of evented documents and its sweep ({@code Outbox},
 * {@code OutboxSweep}), the one adapter between the contracts' records and Kafka's ({@code KafkaRecords}) and trace
 * context on records. Nothing here knows Rocket.Chat.
 */
package chat.rocket.livechat.platform.kafka;
