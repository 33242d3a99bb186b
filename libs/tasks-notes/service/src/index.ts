export { TasksNotesServiceModule } from './tasks-notes-service.module';
export type { RemindersOption, TasksNotesServiceOptions } from './options';
