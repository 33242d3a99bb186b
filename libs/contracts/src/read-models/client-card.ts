import type { Attribution } from '../crm/crm-events';

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
    readonly country: string | null;
    readonly createdAt: string;
    readonly salesSum: number;
    readonly salesCount: number;
    readonly responsibleManagerId: string | null;
    readonly tags: readonly string[];
  } | null;
  readonly deal: {
    readonly dealId: string;
    readonly stage: string;
    readonly line: 1 | 2;
    readonly channel: string;
    readonly createdAt: string;
  } | null;
}

export const CARDS_COLLECTION = 'cards';
