/**
 * Rocket.Chat domain rules shared by the gateway and the services: cached settings, permissions and custom field
 * definitions as Rocket.Chat stores them ({@code rocketchat_settings}, {@code rocketchat_permissions},
 * {@code rocketchat_livechat_custom_field}), users and agents, Meteor-style ids, and the mapping between stored
 * documents (BSON dates) and API documents (ISO-8601 dates).
 */
package chat.rocket.livechat.platform.rocketchat;
