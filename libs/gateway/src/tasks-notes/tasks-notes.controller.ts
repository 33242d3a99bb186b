import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  UseGuards,
} from '@nestjs/common';
import {
  AddNoteRequest,
  CARDS_COLLECTION,
  CreateTaskRequest,
  isTaskOverdue,
  newId,
  noteKey,
  RescheduleTaskRequest,
  taskKey,
  TASKS_NOTES_SERVICE,
  TIMELINE_COLLECTION,
  type AddNoteData,
  type CreateTaskData,
  type NoteList,
  type RescheduleTaskData,
  type TaskList,
  type TaskOnCard,
  type TaskRefData,
  type TasksNotesCommandResponse,
  type TimelineNote,
  type User,
} from '@parley/contracts';
import { CLOCK, READ_STORE, type Clock } from '@parley/platform';
import type { ReadStore } from '@parley/read-store';
import { AccessTokenGuard } from '../auth/access-token.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { ChatQueries } from '../chats/chat-queries';
import { GatewayCommands } from '../commands/gateway-commands';
import { UserDirectory } from '../users/user-directory';

/** A 400 naming the field, like the validation pipe's. */
const badRequest = (field: string, reason: string) =>
  new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: reason,
    issues: [{ field, reason }],
  });

const TASK_ID = new ParseUUIDPipe({
  exceptionFactory: () => badRequest('taskId', 'taskId must be a UUID'),
});

/** How many notes a conversation lists at most. */
const NOTES_LIMIT = 200;

/**
 * Tasks (R4) and notes (R5) of a conversation: each action becomes a command to the tasks-notes
 * service and the request answers with its outcome (202, 404, 422; 504 after
 * COMMAND_TIMEOUT_MS). The lists read the read models the projector fills: tasks from the client
 * card (`cards.tasks`), with `overdue` derived now; notes from the timeline (`item.kind: 'note'`).
 */
@Controller('api/chats')
@UseGuards(AccessTokenGuard)
export class TasksNotesController {
  constructor(
    @Inject(GatewayCommands) private readonly commands: GatewayCommands,
    @Inject(ChatQueries) private readonly chats: ChatQueries,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(UserDirectory) private readonly users: UserDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':conversationId/tasks')
  @HttpCode(202)
  async createTask(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Body() body: CreateTaskRequest,
  ): Promise<TasksNotesCommandResponse> {
    await this.chats.assertChatExists(user, conversationId);
    const assigneeId = body.assigneeId ?? user.id;
    const assignee = this.users.findById(assigneeId);
    if (!assignee || assignee.workspaceId !== user.workspaceId) {
      throw badRequest('assigneeId', 'assigneeId must be a user of this workspace');
    }
    const taskId = body.taskId ?? newId();
    const data: CreateTaskData = {
      taskId,
      conversationId,
      description: body.description,
      dueAt: body.dueAt,
      timeZone: body.timeZone,
      assigneeId,
    };
    return {
      ...(await this.send(user, taskKey(user.workspaceId, taskId), 'CreateTask', data)),
      taskId,
    };
  }

  @Post(':conversationId/tasks/:taskId/complete')
  @HttpCode(202)
  completeTask(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Param('taskId', TASK_ID) taskId: string,
  ): Promise<TasksNotesCommandResponse> {
    return this.taskCommand(user, conversationId, taskId, 'CompleteTask');
  }

  @Post(':conversationId/tasks/:taskId/reopen')
  @HttpCode(202)
  reopenTask(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Param('taskId', TASK_ID) taskId: string,
  ): Promise<TasksNotesCommandResponse> {
    return this.taskCommand(user, conversationId, taskId, 'ReopenTask');
  }

  @Post(':conversationId/tasks/:taskId/reschedule')
  @HttpCode(202)
  async rescheduleTask(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Param('taskId', TASK_ID) taskId: string,
    @Body() body: RescheduleTaskRequest,
  ): Promise<TasksNotesCommandResponse> {
    await this.chats.assertChatExists(user, conversationId);
    const data: RescheduleTaskData = {
      taskId,
      conversationId,
      dueAt: body.dueAt,
      timeZone: body.timeZone,
    };
    return {
      ...(await this.send(user, taskKey(user.workspaceId, taskId), 'RescheduleTask', data)),
      taskId,
    };
  }

  @Post(':conversationId/notes')
  @HttpCode(202)
  async addNote(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Body() body: AddNoteRequest,
  ): Promise<TasksNotesCommandResponse> {
    await this.chats.assertChatExists(user, conversationId);
    const noteId = body.noteId ?? newId();
    const data: AddNoteData = { noteId, conversationId, text: body.text };
    return {
      ...(await this.send(user, noteKey(user.workspaceId, noteId), 'AddNote', data)),
      noteId,
    };
  }

  /** Open tasks first, soonest due first; then done ones. */
  @Get(':conversationId/tasks')
  async tasks(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
  ): Promise<TaskList> {
    await this.chats.assertChatExists(user, conversationId);
    const card = await this.readStore
      .collection(CARDS_COLLECTION)
      .findOne({ _id: conversationId, workspaceId: user.workspaceId });
    const stored = (card?.['tasks'] ?? {}) as Readonly<Record<string, TaskOnCard>>;
    const now = this.clock();
    const tasks = Object.values(stored)
      .map((task) => ({ ...task, overdue: isTaskOverdue(task, now) }))
      .sort(
        (a, b) =>
          (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1) ||
          Date.parse(a.dueAt) - Date.parse(b.dueAt),
      );
    return { tasks };
  }

  /** Newest first. */
  @Get(':conversationId/notes')
  async notes(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
  ): Promise<NoteList> {
    await this.chats.assertChatExists(user, conversationId);
    const found = await this.readStore
      .collection(TIMELINE_COLLECTION)
      .find(
        { workspaceId: user.workspaceId, conversationId, 'item.kind': 'note' },
        { sort: { orderKey: -1, _id: -1 }, limit: NOTES_LIMIT },
      );
    return {
      notes: found.map((d) => {
        const item = d['item'] as TimelineNote;
        return {
          kind: 'note',
          noteId: item.noteId,
          text: item.text,
          authorId: item.authorId,
          at: String(d['at']),
        };
      }),
    };
  }

  private async taskCommand(
    user: User,
    conversationId: string,
    taskId: string,
    type: 'CompleteTask' | 'ReopenTask',
  ): Promise<TasksNotesCommandResponse> {
    await this.chats.assertChatExists(user, conversationId);
    const data: TaskRefData = { taskId, conversationId };
    return { ...(await this.send(user, taskKey(user.workspaceId, taskId), type, data)), taskId };
  }

  private send(user: User, aggregateId: string, type: string, data: object) {
    return this.commands.send(TASKS_NOTES_SERVICE, user, aggregateId, type, data);
  }
}
