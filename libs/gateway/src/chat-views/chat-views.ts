import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { handleCommand } from '@parley/command-handling';
import {
  gatewayEventDefinitions,
  chatViewsId,
  EventCatalog,
  GATEWAY_SERVICE,
  newId,
  readEvent,
  streamName,
  type ChatView,
  type CommandEnvelope,
  type User,
} from '@parley/contracts';
import { DomainRuleViolation, foldEvents } from '@parley/decider';
import type { EventStore } from '@parley/eventstore';
import { CLOCK, EVENT_STORE, type Clock } from '@parley/platform';
import {
  BUILT_IN_CHAT_VIEWS,
  chatViewsDecider,
  type ChatViewCommand,
  type ChatViewDecidedEvent,
} from './chat-views-decider';
import type { SaveChatViewBody } from './save-chat-view.dto';

const chatViewEvents = new EventCatalog().register(...gatewayEventDefinitions);

/**
 * Each user's saved views of the chat list (issue 11), event sourced on one stream per user
 * (`gateway-{ws}:chat_views:{userId}`) through the one generic command handler: read, fold,
 * decide, append with the expected version, retry on a conflict. The stream is read back and
 * folded on every list, as the CRM settings are: it is short (at most 50 views and their
 * deletions), and what the user just saved is there at once on every gateway instance, with no
 * read model to wait for. A broken rule answers 404 (`view.not_found`) or 409, with its code.
 */
@Injectable()
export class ChatViews {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The built-in views, then the user's own in the order they saved them. */
  async list(user: User): Promise<readonly ChatView[]> {
    const recorded = await this.store.readStream(this.streamOf(user));
    const events = recorded.map(
      (r) => readEvent(chatViewEvents, r.event) as unknown as ChatViewDecidedEvent,
    );
    return [...BUILT_IN_CHAT_VIEWS, ...foldEvents(chatViewsDecider, events).views];
  }

  async save(user: User, body: SaveChatViewBody): Promise<ChatView> {
    const view: ChatView = {
      viewId: newId(),
      name: body.name.trim(),
      builtIn: false,
      tab: body.tab ?? 'all',
      archived: body.archived ?? false,
      filters: definedFilters(body.filters),
    };
    await this.run(user, { kind: 'SaveChatView', view, at: this.now() });
    return view;
  }

  async delete(user: User, viewId: string): Promise<void> {
    await this.run(user, { kind: 'DeleteChatView', viewId, at: this.now() });
  }

  private async run(user: User, command: ChatViewCommand): Promise<void> {
    const aggregateId = chatViewsId(user.workspaceId, user.id);
    const envelope: CommandEnvelope = {
      commandId: newId(),
      service: GATEWAY_SERVICE,
      type: command.kind,
      data: command,
      metadata: {
        workspaceId: user.workspaceId,
        aggregateId,
        issuedAt: command.at,
        correlationId: newId(),
        causationId: null,
        actor: { kind: 'manager', id: user.id },
      },
    };
    try {
      await handleCommand({
        store: this.store,
        streamName: this.streamOf(user),
        aggregateId,
        decider: chatViewsDecider,
        command,
        envelope,
        schemaVersionOf: (type) => chatViewEvents.currentVersion(type),
      });
    } catch (e) {
      if (e instanceof DomainRuleViolation) throw refusal(e);
      throw e;
    }
  }

  private streamOf(user: User): string {
    return streamName(GATEWAY_SERVICE, chatViewsId(user.workspaceId, user.id));
  }

  private now(): string {
    return this.clock().toISOString();
  }
}

/** The filters as the validation pipe left them, without the keys it left undefined. */
const definedFilters = (filters: object): ChatView['filters'] =>
  Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));

const refusal = (e: DomainRuleViolation): HttpException => {
  const status = e.code === 'view.not_found' ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
  return new HttpException(
    {
      statusCode: status,
      error: status === HttpStatus.NOT_FOUND ? 'Not Found' : 'Conflict',
      message: e.message,
      code: e.code,
    },
    status,
  );
};
