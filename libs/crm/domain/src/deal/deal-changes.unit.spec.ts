import { DEFAULT_PIPELINE_STAGES, type PipelineStage } from '@parley/contracts';
import { deciderSpecification } from '@parley/decider';
import type { DealDecidedEvent } from '../crm-decided-events';
import { dealDecider } from './deal-decider';

const ids = { dealId: 'ws1:deal:tg:987', conversationId: 'ws1:tg:111:987' };
const created: DealDecidedEvent = {
  type: 'Crm.DealCreated',
  data: {
    ...ids,
    contactId: 'ws1:contact:tg:987',
    stage: 'new',
    line: 1,
    channel: 'telegram',
    createdAt: '2026-01-01T10:00:00.000Z',
  },
};
const pipeline: readonly PipelineStage[] = DEFAULT_PIPELINE_STAGES.map((s) =>
  s.stageId === 'lost' ? { ...s, retired: true } : s,
);
const move = (stageId: string) => ({ kind: 'MoveDealToStage', stageId, pipeline }) as const;

describe('Deal decider: stage and line (R3)', () => {
  const spec = deciderSpecification(dealDecider);

  it('given a deal at "new", when moved to a live stage, then DealStageChanged with both stages and their names', () => {
    spec
      .given([created])
      .when(move('registered'))
      .then([
        {
          type: 'Crm.DealStageChanged',
          data: { ...ids, from: 'new', to: 'registered', fromName: 'New', toName: 'Registered' },
        },
      ]);
  });

  it('given a deal, when moved to a stage the pipeline lacks, then rejected with the reason', () => {
    spec
      .given([created])
      .when(move('won'))
      .thenThrows('stage.unknown', 'There is no stage "won" in the pipeline.');
  });

  it('given a deal, when moved to a retired stage, then rejected with the reason', () => {
    spec
      .given([created])
      .when(move('lost'))
      .thenThrows('stage.retired', 'The stage "Lost" is retired: move the deal to a live stage.');
  });

  it('given a deal at "new", when moved to "new", then nothing happens', () => {
    spec.given([created]).when(move('new')).thenNothingHappened();
  });

  it('given a deal on line 1, when switched to line 2, then DealLineChanged; to line 1, nothing', () => {
    spec
      .given([created])
      .when({ kind: 'ChangeDealLine', line: 2 })
      .then([{ type: 'Crm.DealLineChanged', data: { ...ids, from: 1, to: 2 } }]);
    spec.given([created]).when({ kind: 'ChangeDealLine', line: 1 }).thenNothingHappened();
  });

  it.each([
    ['MoveDealToStage', move('new')],
    ['ChangeDealLine', { kind: 'ChangeDealLine', line: 2 } as const],
  ])('given no deal, when %s, then rejected as not found', (_name, command) => {
    spec.given([]).when(command).thenRejects('deal.not_found');
  });
});
