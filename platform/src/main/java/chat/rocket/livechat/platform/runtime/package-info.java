/**
 * The runtime of a deployable: configuration from environment variables ({@code ConfigKey}), start-up and signal
 * handling ({@code Launcher}), Vert.x with metrics and tracing ({@code ServiceRuntime}, {@code Meters}), health
 * ({@code Readiness}, {@code HealthRoutes}), the ops HTTP server, the shared MongoDB client and the clients a service
 * verticle works with ({@code ServiceClients}), and the start/stop template every service verticle shares
 * ({@code ServiceVerticle}, declared by a {@code ServiceDefinition}).
 */
package chat.rocket.livechat.platform.runtime;
