import { deterministicId, type ChannelMessageReceived, type MediaFile } from '@parley/contracts';
import {
  BOT_API_DOWNLOAD_LIMIT,
  classifyFetchFailure,
  clientMediaId,
  fileToFetchOf,
  mediaFetchedEvent,
  mediaFetchFailedEvent,
  tooLargeToFetch,
} from './media-fetch';

const file: MediaFile = {
  fileId: 'BQAC-doc',
  fileUniqueId: 'AgAD-doc',
  fileSize: 120_000,
  mimeType: 'application/pdf',
  fileName: 'contract.pdf',
  width: null,
  height: null,
  duration: null,
};

const received: ChannelMessageReceived = {
  type: 'Channel.MessageReceived',
  data: {
    channel: 'telegram',
    botId: '123',
    chatId: '987',
    conversationId: 'ws1:tg:123:987',
    client: {
      externalId: '987',
      username: null,
      firstName: 'Anna',
      lastName: null,
      languageCode: null,
    },
    updateId: 7,
    externalMessageId: '42',
    content: { kind: 'document', file, caption: null },
    sentAt: '2026-01-01T10:00:00.000Z',
  },
  metadata: {
    eventId: 'd7a8c1f0-1111-5222-8333-444455556666',
    workspaceId: 'ws1',
    aggregateId: 'ws1:tg:123:987',
    occurredAt: '2026-01-01T10:00:00.100Z',
    schemaVersion: 3,
    correlationId: 'd7a8c1f0-1111-5222-8333-444455556666',
    causationId: null,
    actor: { kind: 'client', id: 'tg:987' },
  },
};
const NOW = new Date('2026-01-01T10:00:05.000Z');

describe('fetching a client file', () => {
  it('given media and sticker content, then their file is fetched; other kinds have none', () => {
    expect(fileToFetchOf({ kind: 'photo', file, caption: 'x' })).toEqual({ kind: 'photo', file });
    expect(fileToFetchOf({ kind: 'sticker', file, stickerFormat: 'static', emoji: '🙂' })).toEqual({
      kind: 'sticker',
      file,
    });
    expect(fileToFetchOf({ kind: 'text', text: 'hi' })).toBeNull();
    expect(fileToFetchOf({ kind: 'dice', emoji: '🎲', value: 3 })).toBeNull();
  });

  it('derives one media id per workspace, conversation and file, as a UUID', () => {
    const id = clientMediaId('ws1', 'ws1:tg:1:2', 'AgAD-doc');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(clientMediaId('ws1', 'ws1:tg:1:2', 'AgAD-doc')).toBe(id);
    expect(clientMediaId('ws2', 'ws1:tg:1:2', 'AgAD-doc')).not.toBe(id);
    expect(clientMediaId('ws1', 'ws1:tg:1:3', 'AgAD-doc')).not.toBe(id);
    expect(clientMediaId('ws1', 'ws1:tg:1:2', 'AgAD-other')).not.toBe(id);
  });

  it('given a size over the Bot API limit or the store limit, then it is too large to fetch; an unknown size is tried', () => {
    const sized = (fileSize: number | null): MediaFile => ({ ...file, fileSize });
    expect(tooLargeToFetch(sized(BOT_API_DOWNLOAD_LIMIT), 50_000_000)).toBe(false);
    expect(tooLargeToFetch(sized(BOT_API_DOWNLOAD_LIMIT + 1), 50_000_000)).toBe(true);
    expect(tooLargeToFetch(sized(2_000_000), 1_000_000)).toBe(true);
    expect(tooLargeToFetch(sized(null), 1_000_000)).toBe(false);
  });

  it('classifies the Bot API answers: too big and other 4xx for good, 429, 5xx and none retried', () => {
    expect(classifyFetchFailure(400, 'Bad Request: file is too big')).toEqual({
      kind: 'permanent',
      reason: 'too_large',
    });
    expect(classifyFetchFailure(400, 'Bad Request: invalid file_id')).toEqual({
      kind: 'permanent',
      reason: 'unavailable',
    });
    expect(classifyFetchFailure(404, 'Not Found')).toEqual({
      kind: 'permanent',
      reason: 'unavailable',
    });
    expect(classifyFetchFailure(429, 'Too Many Requests')).toEqual({ kind: 'retry' });
    expect(classifyFetchFailure(502, 'Bad Gateway')).toEqual({ kind: 'retry' });
    expect(classifyFetchFailure(null)).toEqual({ kind: 'retry' });
  });

  it('names the outcome after the message: the conversation’s message id, one event id per message', () => {
    const fetched = mediaFetchedEvent(
      received,
      { mediaId: 'm', kind: 'document', contentType: 'application/pdf', size: 120_000 },
      NOW,
    );
    const failed = mediaFetchFailedEvent(
      received,
      file,
      { reason: 'unavailable', detail: 'gone' },
      NOW,
    );
    expect(fetched.metadata.eventId).toBe(failed.metadata.eventId);
    // The conversation derives a client message's id from the same event id (channel-events.controller).
    expect(fetched.data.messageId).toBe(
      deterministicId('client-message', received.metadata.eventId),
    );
    expect(fetched.metadata).toMatchObject({
      aggregateId: 'ws1:tg:123:987',
      causationId: received.metadata.eventId,
      actor: { kind: 'system', id: 'channel-telegram' },
    });
    expect(failed.data).toEqual({
      conversationId: 'ws1:tg:123:987',
      messageId: fetched.data.messageId,
      externalMessageId: '42',
      reason: 'unavailable',
      detail: 'gone',
      fileName: 'contract.pdf',
      fileSize: 120_000,
      failedAt: NOW.toISOString(),
    });
  });
});
