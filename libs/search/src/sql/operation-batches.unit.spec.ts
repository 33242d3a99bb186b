import type { SearchOperation } from '@parley/projections';
import { operationBatches } from './operation-batches';

const message = (item: string, position: number): SearchOperation => ({
  kind: 'message',
  workspaceId: 'w',
  conversationId: 'c',
  position: String(position),
  timelineItemId: item,
  text: `text ${position}`,
  orderKey: null,
  direction: null,
  at: null,
});

const language = (item: string, position: number): SearchOperation => ({
  kind: 'message-language',
  workspaceId: 'w',
  conversationId: 'c',
  position: String(position),
  timelineItemId: item,
  language: 'en',
});

const activity = (conversationId: string, at: string): SearchOperation => ({
  kind: 'conversation-activity',
  workspaceId: 'w',
  conversationId,
  at,
});

const shape = (batches: ReturnType<typeof operationBatches>): [string, string[]][] =>
  batches.map((b) => [b.kind, b.operations.map((op) => ('position' in op ? op.position : op.at))]);

describe('operationBatches', () => {
  it('given operations of several kinds, then one batch per kind, languages before texts, each kind in its order', () => {
    const batches = operationBatches([
      message('i1', 1),
      language('i1', 2),
      activity('c', '2026-12-01T10:00:00.000Z'),
      message('i2', 3),
      language('i2', 4),
    ]);

    expect(shape(batches)).toEqual([
      ['message-language', ['2', '4']],
      ['message', ['1', '3']],
      ['conversation-activity', ['2026-12-01T10:00:00.000Z']],
    ]);
  });

  it('given one row written twice by one kind, then a new batch where it comes back, so the later wins', () => {
    const batches = operationBatches([message('i1', 1), message('i2', 2), message('i1', 3)]);

    expect(shape(batches)).toEqual([
      ['message', ['1', '2']],
      ['message', ['3']],
    ]);
  });

  it("given one conversation's activity many times, then one batch (the statement keeps the latest)", () => {
    const batches = operationBatches([
      activity('c', '2026-12-01T10:00:00.000Z'),
      activity('c', '2026-12-01T11:00:00.000Z'),
    ]);

    expect(batches).toHaveLength(1);
  });

  it('given more operations than a batch holds, then batches of at most that many', () => {
    const operations = Array.from({ length: 5 }, (_, i) => message(`i${i}`, i + 1));

    expect(operationBatches(operations, 2).map((b) => b.operations.length)).toEqual([2, 2, 1]);
  });

  it('given no operations, then no batches', () => {
    expect(operationBatches([])).toEqual([]);
  });
});
