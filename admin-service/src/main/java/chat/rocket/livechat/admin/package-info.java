/**
 * The admin-service deployable (issue 11): settings, permissions and roles commands on {@code rocketchat_settings},
 * {@code rocketchat_permissions} and {@code rocketchat_roles}, and the change events they publish on
 * {@code livechat.admin.events}, from which every process drops its cached copies.
 */
package chat.rocket.livechat.admin;
