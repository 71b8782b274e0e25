/**
 * Every wire fact, once (DESIGN.md, Modules; STYLE.md P4): topic names ({@code Topics}), consumer groups, header
 * names, command types and their codecs ({@code Command}, {@code Reply}), reply outcomes, error codes with their HTTP
 * status and Rocket.Chat error body, event types, MongoDB collection names, setting and permission ids. Gateway,
 * services and tests import it; no other module spells these strings.
 */
package chat.rocket.livechat.contracts;
