import type {
  ChatListFilters,
  ChatView,
  ChatViewDeleted,
  ChatViewSaved,
  EventEnvelope,
} from '@parley/contracts';
import { assertNever, DomainRuleViolation, type DecidedEvent, type Decider } from '@parley/decider';

/** Most views one user keeps: a list a person scans, not a store of queries. */
export const MAX_CHAT_VIEWS_PER_USER = 50;

/**
 * The views every user has (issue 11: "mine", "unassigned", "line 2" ship ready), before their
 * own. Not stored: they are the same for everyone, and cannot be deleted. Their names are the
 * English ones; the web app may show its own words by `viewId`.
 */
export const BUILT_IN_CHAT_VIEWS: readonly ChatView[] = [
  builtIn('mine', 'Mine', { manager: 'me' }),
  builtIn('unassigned', 'Unassigned', { manager: 'none' }),
  builtIn('line-2', 'Line 2', { line: 2 }),
];

function builtIn(viewId: string, name: string, filters: ChatListFilters): ChatView {
  return { viewId, name, builtIn: true, tab: 'all', archived: false, filters };
}

export interface SaveChatView {
  readonly kind: 'SaveChatView';
  readonly view: Omit<ChatView, 'builtIn'>;
  readonly at: string;
}

export interface DeleteChatView {
  readonly kind: 'DeleteChatView';
  readonly viewId: string;
  readonly at: string;
}

export type ChatViewCommand = SaveChatView | DeleteChatView;

type Decided<E> = E extends EventEnvelope<infer T, infer D> ? DecidedEvent<T, D> : never;
export type ChatViewDecidedEvent = Decided<ChatViewSaved> | Decided<ChatViewDeleted>;

/** A user's own views, in the order they saved them. */
export interface ChatViewsState {
  readonly views: readonly ChatView[];
}

const sameName = (a: string, b: string): boolean =>
  a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * One user's saved views (stream `gateway-{chatViewsId}`), pure like every decider here.
 * - Save: at most MAX_CHAT_VIEWS_PER_USER (`view.limit_reached`); a name the user already gave
 *   one of their views, or a built-in's, whatever its case (`view.name_taken`): two entries of
 *   one name in the list could not be told apart.
 * - Delete: one of the user's own (`view.not_found` otherwise, also for another user's: it is
 *   on another stream); a built-in cannot be deleted (`view.built_in`).
 */
export const chatViewsDecider: Decider<ChatViewCommand, ChatViewDecidedEvent, ChatViewsState> = {
  initialState: () => ({ views: [] }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'Gateway.ChatViewSaved': {
        const { viewId, name, tab, archived, filters } = event.data;
        const view: ChatView = { viewId, name, builtIn: false, tab, archived, filters };
        return { views: [...state.views.filter((v) => v.viewId !== viewId), view] };
      }
      case 'Gateway.ChatViewDeleted':
        return { views: state.views.filter((v) => v.viewId !== event.data.viewId) };
      default:
        return assertNever(event, 'chat view event');
    }
  },
  decide: (command, state) => {
    switch (command.kind) {
      case 'SaveChatView': {
        const { view, at } = command;
        if (state.views.length >= MAX_CHAT_VIEWS_PER_USER) {
          throw new DomainRuleViolation(
            'view.limit_reached',
            `A user keeps at most ${MAX_CHAT_VIEWS_PER_USER} views: delete one first.`,
          );
        }
        if ([...BUILT_IN_CHAT_VIEWS, ...state.views].some((v) => sameName(v.name, view.name))) {
          throw new DomainRuleViolation(
            'view.name_taken',
            `There is a view named "${view.name.trim()}" already.`,
          );
        }
        return [
          {
            type: 'Gateway.ChatViewSaved',
            data: {
              viewId: view.viewId,
              name: view.name.trim(),
              tab: view.tab,
              archived: view.archived,
              filters: view.filters,
              savedAt: at,
            },
          },
        ];
      }
      case 'DeleteChatView': {
        if (BUILT_IN_CHAT_VIEWS.some((v) => v.viewId === command.viewId)) {
          throw new DomainRuleViolation('view.built_in', 'A built-in view cannot be deleted.');
        }
        if (!state.views.some((v) => v.viewId === command.viewId)) {
          throw new DomainRuleViolation('view.not_found', `You have no view ${command.viewId}.`);
        }
        return [
          {
            type: 'Gateway.ChatViewDeleted',
            data: { viewId: command.viewId, deletedAt: command.at },
          },
        ];
      }
      default:
        return assertNever(command, 'chat view command');
    }
  },
};
