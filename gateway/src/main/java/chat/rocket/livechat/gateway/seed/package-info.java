/**
 * Rocket.Chat's default data (admin user, roles, permissions, settings), written when absent by the one seeding step
 * ({@code Seed}: {@code java -jar gateway.jar seed}, or the standalone before it deploys the services).
 */
package chat.rocket.livechat.gateway.seed;
