import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { loadConfig } from '@parley/config';
import {
  streamName,
  telegramConversationId,
  type AttachmentContent,
  type AttachmentKind,
  type EventEnvelope,
} from '@parley/contracts';
import { createFileSystemMediaStore, toVoiceNote, type MediaStore } from '@parley/media-store';
import { opusRecording } from '@parley/media-store/testing';
import {
  embeddedEngines,
  startServiceHarness,
  type ServiceHarness,
} from '@parley/platform/testing';
import { waitUntil } from '@parley/test-infra';
import { queuedManagerMessage, startBotApiStandIn, type BotApiStandIn } from '../testing';
import { TelegramChannelConfig, TelegramChannelModule } from '../index';

const TOKEN = '123456:TEST-token_abc';
const BOT_ID = '123456';
const WORKSPACE = 'ws1';
const NOW = new Date('2026-01-01T10:00:00.000Z');

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** The first box of an MP4 file, enough for a type check. */
const MP4 = Buffer.concat([
  Buffer.from('00000018667479706d703432000000006d703432', 'hex'),
  Buffer.alloc(3000, 7),
]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200_000, 'x')]);

describe('a manager’s attachments sent to Telegram (B8): grammY uploads them to the Bot API', () => {
  let directory: string;
  let media: MediaStore;
  let standIn: BotApiStandIn;
  let harness: ServiceHarness;
  let nextChat = 5000;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'parley-outbound-media-'));
    media = await createFileSystemMediaStore({ directory, maxBytes: 50 * 1024 * 1024 });
    standIn = await startBotApiStandIn({ token: TOKEN });
    const config = loadConfig(TelegramChannelConfig, {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_SECRET: 'webhook_Secret-42',
      TELEGRAM_API_ROOT: standIn.apiRoot,
      TELEGRAM_CHAT_SEND_INTERVAL_MS: '0',
      TELEGRAM_API_TIMEOUT_SECONDS: '5',
    });
    harness = await startServiceHarness({
      engines: embeddedEngines(),
      serviceName: 'channel-telegram',
      workspaceId: WORKSPACE,
      clock: () => NOW,
      modules: [TelegramChannelModule.register(config, { mediaStore: media })],
      http: true,
    });
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
    await standIn?.close();
    await media?.close();
    await rm(directory, { recursive: true, force: true });
  });

  /** The file in the store, as the gateway's upload leaves it, and the content that sends it. */
  const attach = async (
    chat: number,
    kind: AttachmentKind,
    bytes: Buffer,
    fileName: string | null,
    caption: string | null = null,
  ): Promise<AttachmentContent> => {
    const stored = await media.put(
      {
        mediaId: randomUUID(),
        workspaceId: WORKSPACE,
        conversationId: telegramConversationId(WORKSPACE, BOT_ID, chat),
        kind,
        declaredContentType: null,
        fileName,
        createdAt: NOW.toISOString(),
      },
      Readable.from([bytes]),
    );
    const { mediaId, contentType, size } = stored;
    return {
      kind,
      attachment: { mediaId, fileName: stored.fileName, contentType, size },
      caption,
    };
  };

  /** Queue the message as the conversation service would, and wait for the channel's result. */
  const send = async (chat: number, content: AttachmentContent): Promise<EventEnvelope> => {
    const queued = queuedManagerMessage({
      workspaceId: WORKSPACE,
      botId: BOT_ID,
      chat,
      text: '',
      at: NOW,
      content,
    });
    await harness.store.append(streamName('conversation', queued.data.conversationId), [queued], {
      expected: 'any',
    });
    const channelStream = streamName('channel', queued.data.conversationId);
    return waitUntil(`the delivery result of ${queued.data.messageId}`, async () =>
      (await harness.store.readStream(channelStream))
        .map((r) => r.event)
        .find(
          (e) =>
            e.type.startsWith('Channel.MessageDeliver') &&
            (e.data as { messageId: string }).messageId === queued.data.messageId,
        ),
    );
  };

  const callTo = (method: string, chat: number) =>
    standIn.callsOf(method).filter((c) => String(c.params['chat_id']) === String(chat));

  it.each([
    ['photo', 'sendPhoto', PNG, 'offer.png', 'Our offer'],
    ['video', 'sendVideo', MP4, 'tour.mp4', null],
    ['document', 'sendDocument', PDF, 'Price list 2027.pdf', 'Prices'],
  ] as const)(
    'given a %s, then %s uploads its bytes under its name, with the caption, and it is delivered',
    async (kind, method, bytes, fileName, caption) => {
      const chat = nextChat++;
      const content = await attach(chat, kind, bytes, fileName, caption);

      const result = await send(chat, content);

      expect(result.type).toBe('Channel.MessageDelivered');
      const [call, ...more] = callTo(method, chat);
      expect(more).toHaveLength(0);
      expect(call!.files[kind]).toEqual({ fileName, bytes });
      expect(call!.params['caption']).toBe(caption ?? undefined);
      expect(
        standIn.callsOf('sendMessage').filter((c) => c.params['chat_id'] === String(chat)),
      ).toHaveLength(0);
    },
  );

  it('given a recorded voice message, then sendVoice uploads it as OGG/Opus, which Telegram plays as a voice note', async () => {
    const chat = nextChat++;
    const note = await toVoiceNote(await opusRecording(2));
    const content = await attach(chat, 'voice', note.bytes, null);
    expect(content.attachment.contentType).toBe('audio/ogg');

    const result = await send(chat, content);

    expect(result.type).toBe('Channel.MessageDelivered');
    const uploaded = callTo('sendVoice', chat)[0]!.files['voice']!;
    expect(uploaded.bytes).toEqual(note.bytes);
    expect(uploaded.fileName).toMatch(/\.ogg$/);
  });

  it('given an attachment the store no longer has, then it fails as attachment_missing without a call', async () => {
    const chat = nextChat++;
    const content = await attach(chat, 'document', PDF, 'gone.pdf');
    await media.delete(WORKSPACE, content.attachment.mediaId);

    const result = await send(chat, content);

    expect(result).toMatchObject({
      type: 'Channel.MessageDeliveryFailed',
      data: { code: 'attachment_missing', retryable: false },
    });
    expect(callTo('sendDocument', chat)).toHaveLength(0);
  });

  it('given Telegram refuses the file as too big (413), then it fails as file_too_big', async () => {
    const chat = nextChat++;
    standIn.failChat(chat, { error_code: 413, description: 'Request Entity Too Large' });
    const content = await attach(chat, 'document', PDF, 'huge.pdf');

    const result = await send(chat, content);

    expect(result).toMatchObject({
      type: 'Channel.MessageDeliveryFailed',
      data: { code: 'file_too_big' },
    });
  });
});
