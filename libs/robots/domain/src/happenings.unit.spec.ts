import type { EventMetadata } from '@parley/contracts';
import { happeningOf, type TriggerEvent } from './happenings';

const conversationId = 'ws1:tg:7:100';
const contactId = 'ws1:contact:tg:100';
const metadata = {
  eventId: '6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0a01',
  workspaceId: 'ws1',
  aggregateId: conversationId,
  occurredAt: '2026-12-02T10:00:00.000Z',
  schemaVersion: 3,
  correlationId: 'c1',
  causationId: null,
  actor: { kind: 'client', id: '100' },
} satisfies EventMetadata;

const message = (content: unknown): TriggerEvent =>
  ({
    type: 'Conversation.ClientMessageReceived',
    data: {
      conversationId,
      messageId: 'm1',
      externalMessageId: '1',
      content,
      sentAt: '2026-12-02T10:00:00.000Z',
      clientOrder: 1,
      placedAt: '2026-12-02T10:00:00.000Z',
    },
    metadata,
  }) as TriggerEvent;

const photo = (caption: string | null) => ({
  kind: 'photo',
  file: {
    fileId: 'f',
    fileUniqueId: 'u',
    fileSize: null,
    mimeType: null,
    fileName: null,
    width: 1,
    height: 1,
    duration: null,
  },
  caption,
});

describe('a triggering event as a happening', () => {
  it('given a client text, then a client message with its text, first as told', () => {
    expect(happeningOf(message({ kind: 'text', text: 'What is the price?' }), true)).toEqual({
      kind: 'client_message',
      text: 'What is the price?',
      first: true,
    });
  });

  it('given a photo with a caption, then the caption is its text; without one, no text', () => {
    expect(happeningOf(message(photo('price?')))).toEqual({
      kind: 'client_message',
      text: 'price?',
      first: false,
    });
    expect(happeningOf(message(photo(null)))).toEqual({
      kind: 'client_message',
      text: null,
      first: false,
    });
    expect(happeningOf(message({ kind: 'dice', emoji: '🎲', value: 3 }))).toMatchObject({
      text: null,
    });
  });

  it('given CRM events, then the tag added or removed, the new stage, the conversion type', () => {
    const tag = { name: 'vip', colour: '#aabbcc' };
    const crm = { ...metadata, aggregateId: contactId, schemaVersion: 1 };
    expect(
      happeningOf({
        type: 'Crm.TagAdded',
        data: { contactId, conversationId, tag, tags: [tag] },
        metadata: crm,
      }),
    ).toEqual({ kind: 'tag_added', tag: 'vip' });
    expect(
      happeningOf({
        type: 'Crm.TagRemoved',
        data: { contactId, conversationId, tag, tags: [] },
        metadata: crm,
      }),
    ).toEqual({ kind: 'tag_removed', tag: 'vip' });
    expect(
      happeningOf({
        type: 'Crm.DealStageChanged',
        data: {
          dealId: 'ws1:deal:tg:100',
          conversationId,
          from: 'new',
          to: 'registered',
          fromName: 'New',
          toName: 'Registered',
        },
        metadata: crm,
      }),
    ).toEqual({ kind: 'stage_changed', stage: 'registered' });
    expect(
      happeningOf({
        type: 'Crm.ConversionRecorded',
        data: {
          contactId,
          conversationId,
          conversionType: 'deposit',
          externalId: 'x1',
          keyId: 'k1',
          amount: '10.00',
          amountMinor: 1000,
          currency: 'EUR',
          accountId: null,
          occurredAt: '2026-12-02T10:00:00.000Z',
        },
        metadata: crm,
      }),
    ).toEqual({ kind: 'conversion_recorded', conversionType: 'deposit' });
  });

  it('given a task reminder, then the task is overdue', () => {
    expect(
      happeningOf({
        type: 'TasksNotes.TaskReminderDue',
        data: {
          taskId: '6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0a09',
          conversationId,
          assigneeId: 'manager-1',
          description: 'Call back',
          dueAt: '2026-12-02T13:00:00+03:00',
          timeZone: 'Europe/Moscow',
          remindedAt: '2026-12-02T10:00:01.000Z',
        },
        metadata: {
          ...metadata,
          aggregateId: 'ws1:task:6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0a09',
          schemaVersion: 1,
          actor: { kind: 'system', id: 'tasks-notes' },
        },
      }),
    ).toEqual({ kind: 'task_overdue' });
  });
});
