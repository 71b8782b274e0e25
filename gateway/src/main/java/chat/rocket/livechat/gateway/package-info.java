/**
 * The gateway deployable: {@code Main} and {@code GatewayVerticle}, which creates the command and reply topics and
 * deploys the HTTP verticles. Its concerns live in sub-packages: {@code http} (Router, routes, responses, request
 * log, OpenAPI), {@code auth} (login, authentication, the check order), {@code ratelimit} (Rocket.Chat's REST rate
 * limiter), {@code messaging} (commands to Kafka and their replies), {@code validation} (Meteor {@code check} and
 * ajv texts) and {@code seed} (Rocket.Chat's default data, written by the seed command
 * {@code java -jar gateway.jar seed} or by the standalone, never by a starting gateway).
 */
package chat.rocket.livechat.gateway;
