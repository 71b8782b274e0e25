/**
 * Rocket.Chat's default data (admin user, roles, permissions, settings), written when absent.
 */
package chat.rocket.livechat.gateway.seed;
