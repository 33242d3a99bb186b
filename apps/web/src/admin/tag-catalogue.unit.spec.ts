import type { TagCatalogue } from '@parley/contracts';
import { isTagColour, NEW_TAG_COLOUR, tagNameProblem } from './tag-catalogue';

const catalogue: TagCatalogue = {
  tags: [{ name: 'VIP', colour: '#ffd700' }],
  managersCreateTags: false,
};

describe('tag catalogue form', () => {
  it('given a new name, then no problem; blank, too long or in the catalogue in any case, then one', () => {
    expect(tagNameProblem(catalogue, ' Lead ')).toBeNull();
    expect(tagNameProblem(catalogue, '')).toBe('blank');
    expect(tagNameProblem(catalogue, 'x'.repeat(41))).toBe('too-long');
    expect(tagNameProblem(catalogue, ' vip')).toBe('taken');
    expect(tagNameProblem(undefined, 'vip')).toBeNull();
  });

  it('given colours, then only #rrggbb passes, and the picker starts with one', () => {
    expect(isTagColour('#A0b1C2')).toBe(true);
    expect(isTagColour(NEW_TAG_COLOUR)).toBe(true);
    expect(isTagColour('#abc')).toBe(false);
    expect(isTagColour('red')).toBe(false);
  });
});
