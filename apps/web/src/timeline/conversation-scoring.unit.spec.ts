import type { TimelineAction } from '@parley/contracts';
import { conversationScoring } from './conversation-scoring';

const action = (name: string, details: Record<string, unknown>): TimelineAction => ({
  kind: 'action',
  action: name,
  summary: 'server text',
  details,
});

describe('an AI scoring on the timeline (B7)', () => {
  it('given a scoring, then its summary, next step, model and demo label', () => {
    expect(
      conversationScoring(
        action('conversation.scored', {
          summary: 'The client asks about prices.',
          nextStep: 'Send the offer.',
          model: 'parley-demo',
          demo: true,
        }),
      ),
    ).toEqual({
      status: 'scored',
      summary: 'The client asks about prices.',
      nextStep: 'Send the offer.',
      model: 'parley-demo',
      demo: true,
    });
  });

  it('given a scoring without a next step or demo flag, then none and not a demo', () => {
    expect(
      conversationScoring(
        action('conversation.scored', { summary: 'Quiet.', nextStep: null, model: 'gpt-4o' }),
      ),
    ).toEqual({
      status: 'scored',
      summary: 'Quiet.',
      nextStep: null,
      model: 'gpt-4o',
      demo: false,
    });
  });

  it('given a scoring without a summary, then it is not shown as one', () => {
    expect(conversationScoring(action('conversation.scored', { model: 'm' }))).toBeNull();
  });

  it('given a failed scoring, then its reason when known, and the detail', () => {
    expect(
      conversationScoring(
        action('conversation.scoring_failed', { reason: 'model_not_found', detail: 'no gpt-9' }),
      ),
    ).toEqual({ status: 'failed', reason: 'model_not_found', detail: 'no gpt-9' });
    expect(
      conversationScoring(action('conversation.scoring_failed', { reason: 'odd', detail: '' })),
    ).toEqual({ status: 'failed', reason: null, detail: null });
  });

  it('given another action, then no scoring', () => {
    expect(conversationScoring(action('tag.added', { tag: 'vip' }))).toBeNull();
  });
});
