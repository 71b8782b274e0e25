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
 * {@code setting.get}, {@code setting.set}, {@code permissions.list}, {@code permissions.update},
 * {@code roles.list}, the livechat staff commands {@code staff.list|add|get|remove} and {@code agent.status} (issue
 * 11; staff writes go to {@code users} without events). It reacts to no other service's events. Its changes are
 * published on
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
    StaffAdmin staff = new StaffAdmin(clients.mongo());
    AgentStatusAdmin agentStatus = new AgentStatusAdmin(clients.mongo());
    return new ServiceDefinition(
        new ServiceDefinition.Commands(Topics.ADMIN_COMMANDS, ConsumerGroups.ADMIN_SERVICE, Map.ofEntries(
            Map.entry(CommandType.SETTING_GET, settings::get),
            Map.entry(CommandType.SETTING_SET, settings::set),
            Map.entry(CommandType.PERMISSIONS_LIST, permissions::list),
            Map.entry(CommandType.PERMISSIONS_UPDATE, permissions::update),
            Map.entry(CommandType.ROLES_LIST, roles::list),
            Map.entry(CommandType.STAFF_LIST, staff::list),
            Map.entry(CommandType.STAFF_ADD, staff::add),
            Map.entry(CommandType.STAFF_GET, staff::get),
            Map.entry(CommandType.STAFF_REMOVE, staff::remove),
            Map.entry(CommandType.AGENT_STATUS, agentStatus::status))),
        List.of(), Topics.ADMIN_EVENTS, Future::succeededFuture, List.of(settingsOutbox, permissionsOutbox));
  }
}
