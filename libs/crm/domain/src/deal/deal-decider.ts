import type { PipelineStage } from '@parley/contracts';
import { assertNever, DomainRuleViolation, type Decider } from '@parley/decider';
import type { DealDecidedEvent } from '../crm-decided-events';

/** Open the client's deal (R3) when their contact is created. */
export interface CreateDeal {
  readonly kind: 'CreateDeal';
  readonly dealId: string;
  readonly contactId: string;
  readonly conversationId: string;
  /** The first live stage of the workspace's pipeline. */
  readonly stage: string;
  readonly createdAt: string;
}

/** Move the deal to a stage; `pipeline` is the workspace's, as the handler read it. */
export interface MoveDealToStage {
  readonly kind: 'MoveDealToStage';
  readonly stageId: string;
  readonly pipeline: readonly PipelineStage[];
}

export interface ChangeDealLine {
  readonly kind: 'ChangeDealLine';
  readonly line: 1 | 2;
}

export type DealCommand = CreateDeal | MoveDealToStage | ChangeDealLine;

export type DealState =
  | { readonly status: 'none' }
  | {
      readonly status: 'open';
      readonly dealId: string;
      readonly conversationId: string;
      readonly stage: string;
      readonly line: 1 | 2;
    };

/**
 * The Deal aggregate (stream `crm-{dealId}`, one open deal per contact for now). CreateDeal opens
 * it once, in the pipeline's first live stage, on line 1, channel telegram; a repeated CreateDeal
 * emits nothing. A manager moves it to any live stage of the pipeline (R3): a stage that is not
 * in the pipeline, or is retired, is refused with a reason; and switches its line.
 */
export const dealDecider: Decider<DealCommand, DealDecidedEvent, DealState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'Crm.DealCreated':
        return {
          status: 'open',
          dealId: event.data.dealId,
          conversationId: event.data.conversationId,
          stage: event.data.stage,
          line: event.data.line,
        };
      case 'Crm.DealStageChanged':
        return state.status === 'open' ? { ...state, stage: event.data.to } : state;
      case 'Crm.DealLineChanged':
        return state.status === 'open' ? { ...state, line: event.data.to } : state;
      default:
        return assertNever(event, 'deal event');
    }
  },
  decide: (command, state) => {
    if (command.kind === 'CreateDeal') {
      if (state.status === 'open') return [];
      return [
        {
          type: 'Crm.DealCreated',
          data: {
            dealId: command.dealId,
            contactId: command.contactId,
            conversationId: command.conversationId,
            stage: command.stage,
            line: 1,
            channel: 'telegram',
            createdAt: command.createdAt,
          },
        },
      ];
    }
    if (state.status !== 'open') {
      throw new DomainRuleViolation(
        'deal.not_found',
        'There is no deal for this conversation yet: the client has not written.',
      );
    }
    const { dealId, conversationId } = state;
    switch (command.kind) {
      case 'MoveDealToStage': {
        const to = command.pipeline.find((s) => s.stageId === command.stageId);
        if (!to) {
          throw new DomainRuleViolation(
            'stage.unknown',
            `There is no stage "${command.stageId}" in the pipeline.`,
          );
        }
        if (to.retired) {
          throw new DomainRuleViolation(
            'stage.retired',
            `The stage "${to.name}" is retired: move the deal to a live stage.`,
          );
        }
        if (to.stageId === state.stage) return [];
        const from = command.pipeline.find((s) => s.stageId === state.stage);
        return [
          {
            type: 'Crm.DealStageChanged',
            data: {
              dealId,
              conversationId,
              from: state.stage,
              to: to.stageId,
              fromName: from?.name ?? null,
              toName: to.name,
            },
          },
        ];
      }
      case 'ChangeDealLine':
        if (command.line === state.line) return [];
        return [
          {
            type: 'Crm.DealLineChanged',
            data: { dealId, conversationId, from: state.line, to: command.line },
          },
        ];
      default:
        return assertNever(command, 'deal command');
    }
  },
};
