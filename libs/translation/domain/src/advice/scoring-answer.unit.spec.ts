import { MAX_SCORING_PART_CHARS, parseScoringAnswer } from './scoring-answer';

describe('scoring answer', () => {
  it('given the JSON object asked for, then its summary and next step, trimmed', () => {
    expect(
      parseScoringAnswer(
        '{"summary": " Wants delivery to Kazan. ", "nextStep": "Send the price."}',
      ),
    ).toEqual({ summary: 'Wants delivery to Kazan.', nextStep: 'Send the price.', format: 'json' });
  });

  it('given the object in a fenced block after a sentence, then it is read from the fence', () => {
    const answer = [
      'Here is the result:',
      '```json',
      '{"summary": "Asked about card payment.", "next_step": "Confirm cards are accepted."}',
      '```',
      'Hope this helps {really}.',
    ].join('\n');

    expect(parseScoringAnswer(answer)).toEqual({
      summary: 'Asked about card payment.',
      nextStep: 'Confirm cards are accepted.',
      format: 'json',
    });
  });

  it('given an object without a next step, or with an empty one, then the next step is null', () => {
    expect(parseScoringAnswer('{"summary":"S"}')).toEqual({
      summary: 'S',
      nextStep: null,
      format: 'json',
    });
    expect(parseScoringAnswer('{"summary":"S","nextStep":"  "}')?.nextStep).toBeNull();
  });

  it.each([
    'The client wants delivery; call them tomorrow.',
    '{"summary": 42, "nextStep": "x"}',
    '{"nextStep": "call"}',
    '{"summary": "unterminated',
    '["summary"]',
  ])('given %j (not the object asked for), then the whole text is the summary', (answer) => {
    expect(parseScoringAnswer(`  ${answer}\n`)).toEqual({
      summary: answer,
      nextStep: null,
      format: 'text',
    });
  });

  it('given an empty answer, then nothing', () => {
    expect(parseScoringAnswer('')).toBeUndefined();
    expect(parseScoringAnswer(' \n ')).toBeUndefined();
  });

  it('given a summary longer than the limit, then it is cut to the limit', () => {
    const parsed = parseScoringAnswer(
      JSON.stringify({ summary: 's'.repeat(5_000), nextStep: 'n' }),
    );

    expect(parsed?.summary).toHaveLength(MAX_SCORING_PART_CHARS);
    expect(parsed?.summary.endsWith('[…]')).toBe(true);
  });
});
