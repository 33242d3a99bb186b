import { channelEventDefinitions } from './channel/channel-event-definitions';
import { conversationEventDefinitions } from './conversation/conversation-event-definitions';
import { crmEventDefinitions } from './crm/crm-event-definitions';
import { gatewayEventDefinitions } from './gateway/chat-view-events';
import { robotsEventDefinitions } from './robots/robots-event-definitions';
import { tasksNotesEventDefinitions } from './tasks-notes/tasks-notes-event-definitions';
import { translationEventDefinitions } from './translation/translation-event-definitions';

/** The event definitions of every catalog (for specs that check them all). */
export const ALL_EVENT_DEFINITIONS = [
  ...channelEventDefinitions,
  ...conversationEventDefinitions,
  ...crmEventDefinitions,
  ...gatewayEventDefinitions,
  ...robotsEventDefinitions,
  ...tasksNotesEventDefinitions,
  ...translationEventDefinitions,
];
