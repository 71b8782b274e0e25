package chat.rocket.livechat.admin;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ConsumerGroups;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.kafka.Outbox;
import chat.rocket.livechat.platform.runtime.ServiceClients;
import chat.rocket.livechat.platform.runtime.ServiceDefinition;
import chat.rocket.livechat.platform.runtime.ServiceVerticle;
import java.util.List;
import java.util.Map;

/**
 * The admin-service: one member of consumer group {@code admin-service} on {@link Topics#ADMIN_COMMANDS}, executing
 * {@code setting.get}, {@code setting.set}, {@code permissions.list}, {@code permissions.update},
 * {@code roles.list}, {@code custom-fields.list}, {@code custom-field.get}, {@code custom-field.save},
 * {@code custom-field.delete}, the livechat staff commands {@code staff.list|add|get|remove},
 * {@code agent.status} and the user commands {@code user.create|info|update|delete} (issue 11; writes to
 * {@code users} publish no events: every reader looks users up, none caches them). It reacts to no other service's
 * events. Its changes are published on {@link Topics#ADMIN_EVENTS} through transactional outboxes, one per evented
 * collection: settings ({@code setting.changed}, data field {@code setting}), permissions ({@code permission.changed},
 * data field {@code permission}), custom fields and, for their removals, the trash ({@code custom-field.changed}, data
 * field {@code custom-field}; see {@link CustomFieldRemoval}); the outbox entry is written with the change in one
 * single-document write, so no change is left without its event. Start and stop follow {@link ServiceVerticle}.
 */
public final class AdminServiceVerticle extends ServiceVerticle {

  /** The data field of {@code custom-field.changed} events. */
  private static final String CUSTOM_FIELD = "custom-field";

  @Override
  public ServiceDefinition define(ServiceClients clients) {
    Outbox settingsOutbox = new Outbox(clients.config(), clients.mongo(), Collections.SETTINGS, "setting",
        clients.events());
    Outbox permissionsOutbox = new Outbox(clients.config(), clients.mongo(), Collections.PERMISSIONS, "permission",
        clients.events());
    SettingsAdmin settings = new SettingsAdmin(clients.mongo(), settingsOutbox);
    PermissionsAdmin permissions = new PermissionsAdmin(clients.mongo(), permissionsOutbox);
    RolesAdmin roles = new RolesAdmin(clients.mongo());
    Outbox customFieldsOutbox = outbox(clients, Collections.CUSTOM_FIELDS, CUSTOM_FIELD);
    Outbox trashOutbox = outbox(clients, Collections.TRASH, CUSTOM_FIELD);
    CustomFieldsAdmin customFields = new CustomFieldsAdmin(clients.mongo(), customFieldsOutbox);
    CustomFieldRemoval customFieldRemoval = new CustomFieldRemoval(clients.mongo(), trashOutbox);
    StaffAdmin staff = new StaffAdmin(clients.mongo());
    AgentStatusAdmin agentStatus = new AgentStatusAdmin(clients.mongo());
    UsersAdmin users = new UsersAdmin(clients.mongo());
    UserUpdate userUpdate = new UserUpdate(clients.mongo());
    return new ServiceDefinition(
        new ServiceDefinition.Commands(Topics.ADMIN_COMMANDS, ConsumerGroups.ADMIN_SERVICE, Map.ofEntries(
            Map.entry(CommandType.SETTING_GET, settings::get),
            Map.entry(CommandType.SETTING_SET, settings::set),
            Map.entry(CommandType.PERMISSIONS_LIST, permissions::list),
            Map.entry(CommandType.PERMISSIONS_UPDATE, permissions::update),
            Map.entry(CommandType.ROLES_LIST, roles::list),
            Map.entry(CommandType.CUSTOM_FIELDS_LIST, customFields::list),
            Map.entry(CommandType.CUSTOM_FIELD_GET, customFields::get),
            Map.entry(CommandType.CUSTOM_FIELD_SAVE, customFields::save),
            Map.entry(CommandType.CUSTOM_FIELD_DELETE, customFieldRemoval::delete),
            Map.entry(CommandType.STAFF_LIST, staff::list),
            Map.entry(CommandType.STAFF_ADD, staff::add),
            Map.entry(CommandType.STAFF_GET, staff::get),
            Map.entry(CommandType.STAFF_REMOVE, staff::remove),
            Map.entry(CommandType.AGENT_STATUS, agentStatus::status),
            Map.entry(CommandType.USER_CREATE, users::create),
            Map.entry(CommandType.USER_INFO, users::info),
            Map.entry(CommandType.USER_UPDATE, userUpdate::update),
            Map.entry(CommandType.USER_DELETE, users::delete))),
        List.of(), Topics.ADMIN_EVENTS, () -> new UserChecks(clients.mongo()).ensureIndexes(),
        List.of(settingsOutbox, permissionsOutbox, customFieldsOutbox, trashOutbox));
  }

  /** @return the outbox of one evented collection, publishing on {@link Topics#ADMIN_EVENTS} */
  private static Outbox outbox(ServiceClients clients, String collection, String aggregateName) {
    return new Outbox(clients.config(), clients.mongo(), collection, aggregateName, clients.events());
  }
}
