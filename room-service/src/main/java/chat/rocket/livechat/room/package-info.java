/**
 * The room-service deployable: room commands (get-or-create with routing, change visitor, save info) on
 * {@code rocketchat_room}, {@code rocketchat_livechat_inquiry} and {@code rocketchat_subscription}, and the room
 * events they publish; one handler class per command, one repository for the queries.
 */
package chat.rocket.livechat.room;
