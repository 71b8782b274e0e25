/**
 * Benchmark-only data seeding (bench/run.py).
 */
package chat.rocket.livechat.standalone.bench;
