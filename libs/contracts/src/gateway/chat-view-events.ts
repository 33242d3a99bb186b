import { IsBoolean, IsIn, IsISO8601, IsObject, IsString, Length, Matches } from 'class-validator';
import type { DomainEvent } from '../envelope/event-envelope';
import { CHAT_TABS } from '../read-models/chat-list';
import type { ChatListFilters, ChatView } from '../read-models/chat-list-filters';
import type { EventDefinition } from '../upcasting/event-catalog';

/** The gateway's name as a publisher: its own events go on `parley.gateway.events`. */
export const GATEWAY_SERVICE = 'gateway';

/**
 * A user's saved views of the chat list (issue 11), on one stream per user:
 * `gateway-{chatViewsId(workspaceId, userId)}`, written and read back by the gateway only (the
 * relay still publishes it, on `parley.gateway.events`, which nobody consumes yet).
 */
export const chatViewsId = (workspaceId: string, userId: string): string =>
  `${workspaceId}:chat_views:${userId}`;

/** The user saved a view: its name, tab, archive toggle and filters, as the gateway checked them. */
export type ChatViewSaved = DomainEvent<
  'Gateway.ChatViewSaved',
  {
    readonly viewId: string;
    readonly name: string;
    readonly tab: ChatView['tab'];
    readonly archived: boolean;
    readonly filters: ChatListFilters;
    readonly savedAt: string;
  }
>;

/** The user deleted one of their views. */
export type ChatViewDeleted = DomainEvent<
  'Gateway.ChatViewDeleted',
  { readonly viewId: string; readonly deletedAt: string }
>;

export type ChatViewEvent = ChatViewSaved | ChatViewDeleted;

type DataOf<E extends { readonly data: object }> = E['data'];

const VIEW_ID = /^[A-Za-z0-9_-]{1,100}$/;

export class ChatViewSavedDataDto implements DataOf<ChatViewSaved> {
  @Matches(VIEW_ID) viewId!: string;
  @IsString() @Length(1, 60) name!: string;
  @IsIn(CHAT_TABS) tab!: ChatView['tab'];
  @IsBoolean() archived!: boolean;
  /** Checked field by field by the gateway when the view was saved. */
  @IsObject() filters!: ChatListFilters;
  @IsISO8601({ strict: true }) savedAt!: string;
}

export class ChatViewDeletedDataDto implements DataOf<ChatViewDeleted> {
  @Matches(VIEW_ID) viewId!: string;
  @IsISO8601({ strict: true }) deletedAt!: string;
}

/** The gateway's own events for the EventCatalog; both start at v1. */
export const gatewayEventDefinitions: readonly EventDefinition[] = [
  { type: 'Gateway.ChatViewSaved', schemaVersion: 1, data: ChatViewSavedDataDto },
  { type: 'Gateway.ChatViewDeleted', schemaVersion: 1, data: ChatViewDeletedDataDto },
];
