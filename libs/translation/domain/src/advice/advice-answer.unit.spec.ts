import { parseAdviceAnswer } from './advice-answer';

describe('advice answer', () => {
  it.each([
    ['  Hello! Delivery costs 500 ₽.\n', 'Hello! Delivery costs 500 ₽.'],
    ['"Hello! Yes, cards are fine."', 'Hello! Yes, cards are fine.'],
    ['«Здравствуйте! Да, картой можно.»', 'Здравствуйте! Да, картой можно.'],
    ['```\nLine one\nLine two\n```', 'Line one\nLine two'],
    ['"Yes" and "no" are both fine', '"Yes" and "no" are both fine'],
  ])('given %j, then the draft is %j', (answer, draft) => {
    expect(parseAdviceAnswer(answer)).toBe(draft);
  });

  it('given nothing but spaces, quotes or an empty fence, then no draft', () => {
    expect(parseAdviceAnswer('  ')).toBeUndefined();
    expect(parseAdviceAnswer('""')).toBeUndefined();
    expect(parseAdviceAnswer('```\n```')).toBeUndefined();
  });
});
