import { DEFAULT_PIPELINE } from '@parley/contracts';
import { assertNever, type Decider } from '@parley/decider';
import type { DealDecidedEvent } from '../crm-decided-events';

/** Open the client's deal (R3) when their contact is created. */
export interface CreateDeal {
  readonly kind: 'CreateDeal';
  readonly dealId: string;
  readonly contactId: string;
  readonly conversationId: string;
  readonly createdAt: string;
}

export type DealCommand = CreateDeal;

export type DealState =
  | { readonly status: 'none' }
  | {
      readonly status: 'open';
      readonly dealId: string;
      readonly stage: string;
      readonly line: 1 | 2;
    };

/**
 * The Deal aggregate (stream `crm-{dealId}`, one open deal per contact for now). CreateDeal opens
 * it once, in the first stage of DEFAULT_PIPELINE (admins' own pipelines come with A4), on line 1,
 * channel telegram; a repeated CreateDeal emits nothing.
 */
export const dealDecider: Decider<DealCommand, DealDecidedEvent, DealState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (_state, event) => {
    switch (event.type) {
      case 'Crm.DealCreated':
        return {
          status: 'open',
          dealId: event.data.dealId,
          stage: event.data.stage,
          line: event.data.line,
        };
      default:
        return assertNever(event.type, 'deal event');
    }
  },
  decide: (command, state) => {
    switch (command.kind) {
      case 'CreateDeal':
        if (state.status === 'open') return [];
        return [
          {
            type: 'Crm.DealCreated',
            data: {
              dealId: command.dealId,
              contactId: command.contactId,
              conversationId: command.conversationId,
              stage: DEFAULT_PIPELINE[0],
              line: 1,
              channel: 'telegram',
              createdAt: command.createdAt,
            },
          },
        ];
      default:
        return assertNever(command.kind, 'deal command');
    }
  },
};
