import type { Attribution, Tag } from '../crm/crm-events';
import type { TaskOnCard } from '../tasks-notes/tasks-notes-read-models';

/** Sales of one currency (R6): the sum in minor units (cents; yen for JPY) and the count. */
export interface CurrencySales {
  readonly sumMinor: number;
  readonly count: number;
}

/** The right panel (R1, R3): the contact card and deal of a conversation. `_id` is the conversation id. */
export interface ClientCard {
  readonly _id: string;
  readonly workspaceId: string;
  readonly contact: {
    readonly contactId: string;
    readonly telegramId: string;
    readonly username: string | null;
    readonly name: string;
    readonly languageCode: string | null;
    readonly platform: string;
    readonly channel: string;
    readonly attribution: Attribution;
    /** ISO 3166-1 alpha-2, set by a manager. */
    readonly country: string | null;
    /** Set by a manager. */
    readonly phone: string | null;
    readonly createdAt: string;
    /** Stays 0: a sum across currencies means nothing; see `salesByCurrency`. */
    readonly salesSum: number;
    /** Sales of every currency. */
    readonly salesCount: number;
    /** Keyed by ISO 4217 code. */
    readonly salesByCurrency: Readonly<Record<string, CurrencySales>>;
    readonly responsibleManagerId: string | null;
    /** Tag names, in the order they were added. */
    readonly tags: readonly string[];
    /** The same tags with their colours (as when added). */
    readonly tagColours: readonly Tag[];
    /**
     * The click id of the client's registration link (R7): 22 characters of base64url. A
     * conversion posted with it lands on this contact. Absent on cards projected before it existed.
     */
    readonly clickId?: string;
    /** When an external system reported the client's registration (A3, R7). */
    readonly registeredAt?: string | null;
    /** The client's account at the external system, from a conversion or a manual sale (R7). */
    readonly accountId?: string | null;
  } | null;
  readonly deal: {
    readonly dealId: string;
    readonly stage: string;
    readonly line: 1 | 2;
    readonly channel: string;
    readonly createdAt: string;
  } | null;
  /** The conversation's tasks by task id (R4); absent until the first task. */
  readonly tasks?: Readonly<Record<string, TaskOnCard>>;
  /**
   * The chat's languages (C2): the client's as last detected, and a manager's choice for this
   * chat of the client's and the team's language (null: automatic). Absent until any is known.
   */
  readonly languages?: ConversationLanguagesOnCard;
}

export interface ConversationLanguagesOnCard {
  readonly detected: string | null;
  readonly client: string | null;
  readonly team: string | null;
}

export const CARDS_COLLECTION = 'cards';
