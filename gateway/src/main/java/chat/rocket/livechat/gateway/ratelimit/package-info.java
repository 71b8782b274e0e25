/**
 * Rocket.Chat's REST rate limiter (spec §1.6): per client IP and route, fixed windows counted in a Caffeine cache,
 * limits from {@code rocketchat_settings}, the client IP from {@code X-Real-IP} / {@code X-Forwarded-For}.
 */
package chat.rocket.livechat.gateway.ratelimit;
