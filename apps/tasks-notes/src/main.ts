import 'reflect-metadata';
import { loadConfigOrExit } from '@parley/config';
import { runServiceProcess } from '@parley/platform';
import { TasksNotesServiceModule } from '@parley/tasks-notes-service';
import { TasksNotesProcessConfig } from './tasks-notes.config';

/** The tasks-notes service as its own process: tasks, notes and reminders (BullMQ on Redis). */
const config = loadConfigOrExit(TasksNotesProcessConfig);
void runServiceProcess('tasks-notes', config, async () => ({
  modules: [
    TasksNotesServiceModule.register({
      reminders: { kind: 'bullmq', redisUrl: config.REDIS_URL },
    }),
  ],
}));
