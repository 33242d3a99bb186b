/** Set a task on a conversation (R4). Ids, people and times arrive in the command. */
export interface CreateTask {
  readonly kind: 'CreateTask';
  readonly taskId: string;
  readonly conversationId: string;
  readonly description: string;
  readonly dueAt: string;
  readonly timeZone: string;
  readonly assigneeId: string;
  readonly managerId: string;
  readonly at: string;
}

/** Mark it done. */
export interface CompleteTask {
  readonly kind: 'CompleteTask';
  readonly conversationId: string;
  readonly managerId: string;
  readonly at: string;
}

/** Mark it undone. */
export interface ReopenTask {
  readonly kind: 'ReopenTask';
  readonly conversationId: string;
  readonly managerId: string;
  readonly at: string;
}

/** Give it a new due time. */
export interface RescheduleTask {
  readonly kind: 'RescheduleTask';
  readonly conversationId: string;
  readonly dueAt: string;
  readonly timeZone: string;
  readonly managerId: string;
  readonly at: string;
}

/** The reminder for `dueAt` fired (the scheduler's job ran, perhaps not for the first time). */
export interface RecordTaskReminder {
  readonly kind: 'RecordTaskReminder';
  readonly dueAt: string;
  readonly at: string;
}

export type TaskCommand =
  CreateTask | CompleteTask | ReopenTask | RescheduleTask | RecordTaskReminder;
