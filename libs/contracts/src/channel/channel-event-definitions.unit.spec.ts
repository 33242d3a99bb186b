import type { EventEnvelope } from '../envelope/event-envelope';
import { EventCatalog } from '../upcasting/event-catalog';
import { ContractViolation } from '../validation/contract-violation';
import { channelEventDefinitions } from './channel-event-definitions';
import { contentPreview } from './message-content';

const catalog = new EventCatalog().register(...channelEventDefinitions);

const messageReceived = (schemaVersion: number, content: unknown): EventEnvelope => ({
  type: 'Channel.MessageReceived',
  data: {
    channel: 'telegram',
    botId: '123456',
    chatId: '42',
    conversationId: 'ws1:tg:123456:42',
    client: {
      externalId: '42',
      username: null,
      firstName: 'Anna',
      lastName: null,
      languageCode: 'en',
    },
    updateId: 7,
    externalMessageId: '3',
    content,
    sentAt: '2026-01-01T00:00:00.000Z',
  },
  metadata: {
    eventId: 'e1',
    workspaceId: 'ws1',
    aggregateId: 'ws1:tg:123456:42',
    occurredAt: '2026-01-01T00:00:01.000Z',
    schemaVersion,
    correlationId: 'e1',
    causationId: null,
    actor: { kind: 'client', id: 'tg:42' },
  },
});

const read = (event: EventEnvelope): EventEnvelope => {
  const current = catalog.upcast(event);
  catalog.validateData(current);
  return current;
};

describe('channel event definitions', () => {
  it('given a v1 MessageReceived (text), then it reads as v3 with the same text content', () => {
    const v2 = read(messageReceived(1, { kind: 'text', text: 'Hi' }));
    expect(v2.metadata.schemaVersion).toBe(3);
    expect((v2.data as { content: unknown }).content).toEqual({ kind: 'text', text: 'Hi' });
  });

  it('given a v2 MessageReceived with unsupported content, then it validates', () => {
    const content = { kind: 'unsupported', unsupportedKind: 'video_note', caption: null };
    expect(() => read(messageReceived(2, content))).not.toThrow();
    const captioned = { kind: 'unsupported', unsupportedKind: 'photo', caption: 'receipt' };
    expect(() => read(messageReceived(2, captioned))).not.toThrow();
  });

  it.each([
    ['an unknown content kind', { kind: 'hologram', text: 'x' }],
    ['a bad unsupported kind', { kind: 'unsupported', unsupportedKind: 'Photo!', caption: null }],
    ['an empty caption', { kind: 'unsupported', unsupportedKind: 'photo', caption: '' }],
    ['a missing caption', { kind: 'unsupported', unsupportedKind: 'photo' }],
    ['empty text', { kind: 'text', text: '' }],
  ])('given %s, then a ContractViolation', (_name, content) => {
    expect(() => read(messageReceived(2, content))).toThrow(ContractViolation);
  });

  it('given a v4 MessageReceived, then it is refused as newer than this process knows', () => {
    expect(() => read(messageReceived(4, { kind: 'text', text: 'x' }))).toThrow(/newer/);
  });

  it('given a v2 MessageReceived with unsupported content, then it reads as v3 unchanged', () => {
    const content = { kind: 'unsupported', unsupportedKind: 'photo', caption: 'receipt' };
    const v3 = read(messageReceived(2, content));
    expect(v3.metadata.schemaVersion).toBe(3);
    expect((v3.data as { content: unknown }).content).toEqual(content);
  });

  it('given a v3 MessageReceived with a voice message, then it validates; without a file id it does not', () => {
    const voice = {
      kind: 'voice',
      file: {
        fileId: 'AwAC-voice',
        fileUniqueId: 'AgAD-voice',
        fileSize: 24_000,
        mimeType: 'audio/ogg',
        fileName: null,
        width: null,
        height: null,
        duration: 12,
      },
      caption: null,
    };
    expect((read(messageReceived(3, voice)).data as { content: unknown }).content).toEqual(voice);
    const broken = { ...voice, file: { ...voice.file, fileId: undefined } };
    expect(() => read(messageReceived(3, broken))).toThrow(/content\.file\.fileId/);
  });

  it('given an UpdateRejected, then it validates; a missing reason does not', () => {
    const rejected: EventEnvelope = {
      type: 'Channel.UpdateRejected',
      data: {
        channel: 'telegram',
        botId: '123456',
        updateId: 9,
        reason: 'message.date must not be less than 0',
        issues: [{ field: 'message.date', reason: 'must not be less than 0' }],
        rawUpdate: '{"update_id":9}',
        rawTruncated: false,
        receivedAt: '2026-01-01T00:00:01.000Z',
      },
      metadata: { ...messageReceived(1, null).metadata, schemaVersion: 1 },
    };
    expect(() => read(rejected)).not.toThrow();
    const { reason: _reason, ...withoutReason } = rejected.data as Record<string, unknown>;
    expect(() => read({ ...rejected, data: withoutReason })).toThrow(/reason/);
  });

  it('previews unsupported content as "Unsupported message (kind)", with the caption after it', () => {
    expect(contentPreview({ kind: 'unsupported', unsupportedKind: 'photo', caption: null })).toBe(
      'Unsupported message (photo)',
    );
    expect(contentPreview({ kind: 'unsupported', unsupportedKind: 'photo', caption: 'hi' })).toBe(
      'Unsupported message (photo): hi',
    );
  });
});
