import { parseRangeHeader } from './http-range';

describe('parseRangeHeader', () => {
  it.each([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=100-', { start: 100 }],
    ['bytes=-500', { suffixLength: 500 }],
    ['Bytes = 5 - 9', { start: 5, end: 9 }],
    ['bytes=0-0', { start: 0, end: 0 }],
  ])('serves %j as %j', (header, expected) => {
    expect(parseRangeHeader(header)).toEqual(expected);
  });

  it.each([
    [undefined],
    [''],
    ['bytes=-'],
    ['bytes=9-5'],
    ['bytes=0-1,5-9'],
    ['items=0-9'],
    ['bytes=1e3-'],
    ['bytes=0-99999999999999999999'],
  ])('ignores %j (the whole file is sent)', (header) => {
    expect(parseRangeHeader(header)).toBeNull();
  });
});
