/**
 * The visitor-service deployable: visitor commands (register, get by id or token, check and save guest) on
 * {@code rocketchat_livechat_visitor}, the visitor events they publish, and {@code lastChat} from room events.
 */
package chat.rocket.livechat.visitor;
