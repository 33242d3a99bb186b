import type { TimelineItem } from '@parley/contracts';

/** Timeline documents as the gateway returns them, for specs. */
export const aMessageItem = (
  messageId: string,
  at: string,
  seq: string,
  direction: 'in' | 'out' = 'in',
  orderKey = `${at}|${seq.padStart(20, '0')}`,
): TimelineItem => ({
  _id: `c1|${messageId}`,
  workspaceId: 'w1',
  conversationId: 'c1',
  at,
  seq,
  orderKey,
  actor: direction === 'in' ? { kind: 'client', id: 'k1' } : { kind: 'manager', id: 'u1' },
  item: {
    kind: 'message',
    messageId,
    direction,
    content: { kind: 'text', text: `text of ${messageId}` },
    delivery: direction === 'out' ? { status: 'sent', at } : null,
  },
});

export const anActionItem = (
  action: string,
  at: string,
  seq: string,
  orderKey = `${at}|${seq.padStart(20, '0')}`,
): TimelineItem => ({
  _id: `c1|${action}`,
  workspaceId: 'w1',
  conversationId: 'c1',
  at,
  seq,
  orderKey,
  actor: { kind: 'system', id: 'crm' },
  item: { kind: 'action', action, summary: `${action} (server text)`, details: {} },
});
