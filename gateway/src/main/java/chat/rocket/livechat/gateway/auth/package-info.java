/**
 * Who is calling and what they may do: {@code POST login} (bcrypt over sha256, login tokens stored hashed; the
 * body forms of {@code LoginRequest}), {@code X-User-Id} / {@code X-Auth-Token} authentication (read from MongoDB on
 * every request), {@code Access}, which runs Rocket.Chat's check order (authentication, rate limit, validation,
 * permission) before a route handler, and the caller's own account ({@code AccountRoutes}: {@code GET me},
 * {@code POST logout}, {@code POST users.setStatus}).
 */
package chat.rocket.livechat.gateway.auth;
