import type { ClientCard, Pipeline, TagCatalogue } from '@parley/contracts';
import {
  chipTextTone,
  DEFAULT_TAG_COLOUR,
  liveStages,
  stageName,
  stageOptions,
  tagChips,
  tagSuggestions,
  tagToAdd,
} from './card-editing';

const pipeline: Pipeline = {
  stages: [
    { stageId: 'new', name: 'New', retired: false },
    { stageId: 'in_progress', name: 'In progress', retired: false },
    { stageId: 'won', name: 'Won', retired: false },
    { stageId: 'old', name: 'Old', retired: true },
  ],
};

const catalogue: TagCatalogue = {
  tags: [
    { name: 'VIP', colour: '#ffd700' },
    { name: 'Lead', colour: '#112233' },
    { name: 'Very late', colour: '#aa0000' },
  ],
  managersCreateTags: false,
};

describe('stages', () => {
  it('given a pipeline with a retired stage, then only the live ones are offered, in order', () => {
    expect(liveStages(pipeline).map((s) => s.stageId)).toEqual(['new', 'in_progress', 'won']);
    expect(liveStages(undefined)).toEqual([]);
  });

  it('given a deal in a live stage, then the options are the live stages', () => {
    expect(stageOptions(pipeline, 'won').map((s) => [s.stageId, s.selectable])).toEqual([
      ['new', true],
      ['in_progress', true],
      ['won', true],
    ]);
  });

  it('given a deal in a retired stage, then it is shown first and cannot be chosen again', () => {
    expect(stageOptions(pipeline, 'old')[0]).toMatchObject({
      stageId: 'old',
      name: 'Old',
      selectable: false,
    });
    expect(stageOptions(undefined, 'new')).toEqual([
      { stageId: 'new', name: 'new', retired: true, selectable: false },
    ]);
  });

  it('given a stage id, then its name; an unknown id stays itself', () => {
    expect(stageName(pipeline, 'in_progress')).toBe('In progress');
    expect(stageName(pipeline, 'gone')).toBe('gone');
    expect(stageName(undefined, 'new')).toBe('new');
  });
});

describe('tags', () => {
  it('given typed text, then catalogue tags containing it, prefix matches first, minus those on the contact', () => {
    expect(tagSuggestions(catalogue, 'v', []).map((t) => t.name)).toEqual(['VIP', 'Very late']);
    expect(tagSuggestions(catalogue, 'l', []).map((t) => t.name)).toEqual(['Lead', 'Very late']);
    expect(tagSuggestions(catalogue, '', ['vip']).map((t) => t.name)).toEqual([
      'Lead',
      'Very late',
    ]);
    expect(tagSuggestions(undefined, 'v', [])).toEqual([]);
    expect(tagSuggestions(catalogue, '', [], 1)).toHaveLength(1);
  });

  it('given typed text, then the catalogue spelling is sent; nothing for blanks or tags already there', () => {
    expect(tagToAdd(catalogue, '  vip ', [])).toBe('VIP');
    expect(tagToAdd(catalogue, 'Unknown', [])).toBe('Unknown');
    expect(tagToAdd(catalogue, '   ', [])).toBeNull();
    expect(tagToAdd(catalogue, 'Vip', ['VIP'])).toBeNull();
  });

  it('given a contact, then its tags carry their colours, from the card, else the catalogue', () => {
    const contact = {
      tags: ['VIP', 'Lead', 'Orphan'],
      tagColours: [{ name: 'VIP', colour: '#000000' }],
    } as unknown as NonNullable<ClientCard['contact']>;
    expect(tagChips(contact, catalogue)).toEqual([
      { name: 'VIP', colour: '#000000' },
      { name: 'Lead', colour: '#112233' },
      { name: 'Orphan', colour: DEFAULT_TAG_COLOUR },
    ]);
  });

  it('given a chip colour, then text that reads on it', () => {
    expect(chipTextTone('#ffd700')).toBe('dark');
    expect(chipTextTone('#112233')).toBe('light');
    expect(chipTextTone('nonsense')).toBe('light');
  });
});
