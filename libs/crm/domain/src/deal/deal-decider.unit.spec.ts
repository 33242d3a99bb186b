import { deciderSpecification } from '@parley/decider';
import type { DealDecidedEvent } from '../crm-decided-events';
import { dealDecider, type CreateDeal } from './deal-decider';

const create: CreateDeal = {
  kind: 'CreateDeal',
  dealId: 'ws1:deal:tg:987',
  contactId: 'ws1:contact:tg:987',
  conversationId: 'ws1:tg:111:987',
  stage: 'new',
  createdAt: '2026-01-01T10:00:00.000Z',
};
const created: DealDecidedEvent = {
  type: 'Crm.DealCreated',
  data: {
    dealId: 'ws1:deal:tg:987',
    contactId: 'ws1:contact:tg:987',
    conversationId: 'ws1:tg:111:987',
    stage: 'new',
    line: 1,
    channel: 'telegram',
    createdAt: '2026-01-01T10:00:00.000Z',
  },
};

describe('Deal decider', () => {
  const spec = deciderSpecification(dealDecider);

  it('given no deal, when it is created, then it opens in the first pipeline stage, line 1, telegram', () => {
    spec.given([]).when(create).then([created]);
  });

  it('given the deal exists, when it is created again, then nothing happens', () => {
    spec.given([created]).when(create).then([]);
  });
});
