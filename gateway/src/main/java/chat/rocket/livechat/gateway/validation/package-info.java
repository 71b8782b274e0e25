/**
 * Request validation with Rocket.Chat's own error texts: Meteor {@code check} patterns ({@code Match}) and ajv
 * JSON schemas ({@code Schema}, {@code Schemas}).
 */
package chat.rocket.livechat.gateway.validation;
