import type { ReadModelChange } from '@parley/contracts';

/**
 * Counters the screen's panels reload on: bumping one refetches that panel once. Live changes
 * from /api/live bump them; nothing polls.
 */
export interface ReloadTicks {
  readonly chats: number;
  readonly timeline: number;
  readonly card: number;
}

export const initialReloadTicks: ReloadTicks = { chats: 0, timeline: 0, card: 0 };

export type ReloadEvent =
  | {
      readonly type: 'changed';
      readonly change: Pick<ReadModelChange, 'conversationId' | 'collections'>;
      readonly openConversationId: string | null;
    }
  /** After a reconnect (changes may have been missed) or a command of our own. */
  | { readonly type: 'everything' };

/**
 * A change refetches the chat list, and, when it concerns the open conversation, its timeline
 * and/or card as the change's collections say (all of them when it names none).
 */
export const reloadTicks = (ticks: ReloadTicks, event: ReloadEvent): ReloadTicks => {
  switch (event.type) {
    case 'everything':
      return { chats: ticks.chats + 1, timeline: ticks.timeline + 1, card: ticks.card + 1 };
    case 'changed': {
      const { change, openConversationId } = event;
      const isOpen = openConversationId !== null && change.conversationId === openConversationId;
      const all = change.collections.length === 0;
      return {
        chats: ticks.chats + 1,
        timeline:
          isOpen && (all || change.collections.includes('timeline'))
            ? ticks.timeline + 1
            : ticks.timeline,
        card: isOpen && (all || change.collections.includes('cards')) ? ticks.card + 1 : ticks.card,
      };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
};
