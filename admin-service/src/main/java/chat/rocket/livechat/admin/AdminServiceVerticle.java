package chat.rocket.livechat.admin;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ConsumerGroups;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.kafka.Outbox;
import chat.rocket.livechat.platform.runtime.ServiceClients;
import chat.rocket.livechat.platform.runtime.ServiceDefinition;
import chat.rocket.livechat.platform.runtime.ServiceVerticle;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * The admin-service: one member of consumer group {@code admin-service} on {@link Topics#ADMIN_COMMANDS}, executing
 * {@code setting.get}, {@code setting.set}, {@code permissions.list}, {@code permissions.update} and
 * {@code roles.list} (issue 11). It reacts to no other service's events. Its changes are published on
 * {@link Topics#ADMIN_EVENTS} through two transactional outboxes, one per evented collection: settings
 * ({@code setting.changed}, data field {@code setting}) and permissions ({@code permission.changed}, data field
 * {@code permission}); the outbox entry is written with the change in one single-document write, so no change is
 * left without its event. Start and stop follow {@link ServiceVerticle}.
 */
public final class AdminServiceVerticle extends ServiceVerticle {

  @Override
  public ServiceDefinition define(ServiceClients clients) {
    Outbox settingsOutbox = new Outbox(clients.config(), clients.mongo(), Collections.SETTINGS, "setting",
        clients.events());
    Outbox permissionsOutbox = new Outbox(clients.config(), clients.mongo(), Collections.PERMISSIONS, "permission",
        clients.events());
    SettingsAdmin settings = new SettingsAdmin(clients.mongo(), settingsOutbox);
    PermissionsAdmin permissions = new PermissionsAdmin(clients.mongo(), permissionsOutbox);
    RolesAdmin roles = new RolesAdmin(clients.mongo());
    return new ServiceDefinition(
        new ServiceDefinition.Commands(Topics.ADMIN_COMMANDS, ConsumerGroups.ADMIN_SERVICE, Map.ofEntries(
            Map.entry(CommandType.SETTING_GET, settings::get),
            Map.entry(CommandType.SETTING_SET, settings::set),
            Map.entry(CommandType.PERMISSIONS_LIST, permissions::list),
            Map.entry(CommandType.PERMISSIONS_UPDATE, permissions::update),
            Map.entry(CommandType.ROLES_LIST, roles::list))),
        List.of(), Topics.ADMIN_EVENTS, Future::succeededFuture, List.of(settingsOutbox, permissionsOutbox));
  }
}
