import 'reflect-metadata';
import { loadConfigOrExit } from '@parley/config';
import { ConversationServiceModule } from '@parley/conversation-service';
import { runServiceProcess, ServiceProcessConfig } from '@parley/platform';

/** The conversation service as its own process: Conversation aggregates, on PostgreSQL + Kafka. */
void runServiceProcess('conversation', loadConfigOrExit(ServiceProcessConfig), async () => ({
  modules: [ConversationServiceModule.register()],
}));
