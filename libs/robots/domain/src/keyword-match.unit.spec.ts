import { hasKeyword } from './keyword-match';

describe('a keyword in a client message', () => {
  it.each([
    ['What is the price?', 'price'],
    ['PRICE please', 'price'],
    ['Какая цена?', 'цена'],
    ['I want to buy now', 'buy now'],
    ['price', 'price'],
  ])('given %j, then %j is found', (text, keyword) => {
    expect(hasKeyword(text, keyword)).toBe(true);
  });

  it.each([
    ['It is priceless', 'price'],
    ['prices', 'price'],
    ['Ценами', 'цена'],
    ['anything', '   '],
  ])('given %j, then %j is not found (not a whole word)', (text, keyword) => {
    expect(hasKeyword(text, keyword)).toBe(false);
  });

  it('given a keyword full of pattern characters, then it is matched literally', () => {
    expect(hasKeyword('is (a+)+ a thing?', '(a+)+')).toBe(true);
    expect(hasKeyword('aaaa', 'a+')).toBe(false);
  });
});
