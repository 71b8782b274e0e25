package chat.rocket.livechat.visitor;

import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import chat.rocket.livechat.contracts.ConsumerGroups;
import chat.rocket.livechat.contracts.EventType;
import chat.rocket.livechat.contracts.Topics;
import chat.rocket.livechat.platform.kafka.Outbox;
import chat.rocket.livechat.platform.runtime.ServiceClients;
import chat.rocket.livechat.platform.runtime.ServiceDefinition;
import chat.rocket.livechat.platform.runtime.ServiceVerticle;
import java.util.Map;

/**
 * The visitor-service: one member of consumer group {@code visitor-service} on {@link Topics#VISITOR_COMMANDS},
 * executing {@code visitor.register}, {@code visitor.get-by-id}, {@code visitor.get-by-token},
 * {@code visitor.check-guest} and {@code visitor.save-guest} (DESIGN.md), the widget's {@code visitor.set-status},
 * {@code visitor.set-custom-fields}, {@code visitor.delete} and {@code visitor.offline-message}, the staff's
 * {@code visitor.autocomplete} and {@code visitor.search}, and a subscriber to
 * {@code room.created} events that records the visitor's {@code lastChat}. It publishes on
 * {@link Topics#VISITOR_EVENTS}; start and stop follow {@link ServiceVerticle}.
 */
public final class VisitorServiceVerticle extends ServiceVerticle {

  @Override
  public ServiceDefinition define(ServiceClients clients) {
    VisitorRepository visitors = new VisitorRepository(clients.mongo());
    Outbox outbox = new Outbox(clients.config(), clients.mongo(), Collections.VISITORS, "visitor", clients.events());
    VisitorEvents events = new VisitorEvents(outbox);
    FindVisitor find = new FindVisitor(visitors);
    RegisterVisitor register = new RegisterVisitor(visitors, clients.settings(), clients.customFields(), events);
    SaveGuest saveGuest = new SaveGuest(visitors, clients.permissions(), clients.customFields(), events);
    RecordLastChat lastChat = new RecordLastChat(visitors);
    SetVisitorStatus status = new SetVisitorStatus(visitors, events);
    SetCustomFields customFields = new SetCustomFields(visitors, clients.customFields(), events);
    DeleteVisitor delete = new DeleteVisitor(visitors, clients.mongo(), clients.settings(), events);
    OfflineMessage offlineMessage = new OfflineMessage(clients.mongo(), clients.settings());
    VisitorSearch search = new VisitorSearch(clients.mongo(), clients.customFields());
    return new ServiceDefinition(
        new ServiceDefinition.Commands(Topics.VISITOR_COMMANDS, ConsumerGroups.VISITOR_SERVICE, Map.ofEntries(
            Map.entry(CommandType.VISITOR_REGISTER, register::handle),
            Map.entry(CommandType.VISITOR_GET_BY_ID, find::byId),
            Map.entry(CommandType.VISITOR_GET_BY_TOKEN, find::byToken),
            Map.entry(CommandType.VISITOR_CHECK_GUEST, saveGuest::check),
            Map.entry(CommandType.VISITOR_SAVE_GUEST, saveGuest::save),
            Map.entry(CommandType.VISITOR_SET_STATUS, status::handle),
            Map.entry(CommandType.VISITOR_SET_CUSTOM_FIELDS, customFields::handle),
            Map.entry(CommandType.VISITOR_DELETE, delete::handle),
            Map.entry(CommandType.VISITOR_OFFLINE_MESSAGE, offlineMessage::handle),
            Map.entry(CommandType.VISITOR_AUTOCOMPLETE, search::autocomplete),
            Map.entry(CommandType.VISITOR_SEARCH, search::search))),
        new ServiceDefinition.Subscription(Topics.ROOM_EVENTS, ConsumerGroups.VISITOR_SERVICE_ROOM_EVENTS,
            Map.of(EventType.ROOM_CREATED, lastChat::handle)),
        Topics.VISITOR_EVENTS, visitors::ensureIndexes, outbox);
  }
}
