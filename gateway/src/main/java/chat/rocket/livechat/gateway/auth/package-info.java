/**
 * Who is calling and what they may do: {@code POST login} (bcrypt over sha256, login tokens stored hashed),
 * {@code X-User-Id} / {@code X-Auth-Token} authentication, and {@code Access}, which runs Rocket.Chat's check order
 * (authentication, rate limit, validation, permission) before a route handler.
 */
package chat.rocket.livechat.gateway.auth;
