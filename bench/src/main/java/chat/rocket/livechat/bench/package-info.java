/**
 * Benchmark only, in no product jar (bench/run.sh, README.md, Benchmark): {@code Main} runs the embedded default with
 * the two baselines on a port of their own, {@code BASELINE_PORT} ({@code GET /api/v1/bench/noop}: the HTTP stack
 * alone; {@code GET /api/v1/bench/in-process/livechat/room}: the room-service's get-room handler called over the local
 * event bus instead of Kafka), and {@code BenchSeeder} writes the benchmark's visitors and rooms.
 */
package chat.rocket.livechat.bench;
