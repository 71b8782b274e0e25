/**
 * The HTTP edge: the Router of each HTTP verticle, one class per group of routes, the list of endpoints, request
 * input parsing, the one place responses and Rocket.Chat error bodies are written ({@code ApiResponses}), the request
 * log and the OpenAPI document.
 */
package chat.rocket.livechat.gateway.http;
