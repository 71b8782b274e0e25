/**
 * What the gateway serves besides the REST API, as Rocket.Chat serves it: the Livechat widget at {@code /livechat}
 * ({@code LivechatWidget}), user avatars at {@code /avatar/:username} ({@code Avatars}), and the REST API's CORS
 * ({@code Cors}).
 */
package chat.rocket.livechat.gateway.web;
