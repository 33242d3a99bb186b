import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '@parley/config';
import { streamName, telegramConversationId, type EventEnvelope } from '@parley/contracts';
import {
  createFileSystemMediaStore,
  createGridFsMediaStore,
  type MediaStore,
} from '@parley/media-store';
import {
  embeddedEngines,
  realEngines,
  startServiceHarness,
  type ServiceHarness,
  type TestEngines,
} from '@parley/platform/testing';
import { messageForRecordedEvent } from '@parley/relay';
import { reportSkip, waitUntil } from '@parley/test-infra';
import { TelegramChannelConfig, TelegramChannelModule } from '../index';
import {
  SAMPLE_MESSAGE_FIELDS,
  sampleMessageUpdate,
  samplePhotoUpdate,
  startBotApiStandIn,
  type BotApiStandIn,
} from '../testing';
import { clientMediaId } from './media-fetch';

const TOKEN = '123456:TEST-media_fetch';
const BOT_ID = '123456';
const SECRET = 'webhook_Secret-media';
const WORKSPACE = 'ws1';
const NOW = new Date('2026-01-01T10:00:00.000Z');

/** A 1×1 PNG: what file-type detects as image/png. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
/** The photo sample's largest size: the one the channel fetches. */
const PHOTO_FILE_ID = 'AgACAgIAAxkBAAIBZ2-large';

interface MediaStoreUnderTest {
  readonly store: MediaStore;
  dispose(): Promise<void>;
}

interface Channel {
  readonly url: string;
  readonly harness: ServiceHarness;
  readonly standIn: BotApiStandIn;
  readonly media: MediaStore;
  close(): Promise<void>;
}

const startChannel = async (
  engines: Promise<TestEngines>,
  media: MediaStoreUnderTest,
): Promise<Channel> => {
  const standIn = await startBotApiStandIn({ token: TOKEN });
  const config = loadConfig(TelegramChannelConfig, {
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: standIn.apiRoot,
    TELEGRAM_API_TIMEOUT_SECONDS: '2',
  });
  const harness = await startServiceHarness({
    engines,
    serviceName: 'channel-telegram',
    workspaceId: WORKSPACE,
    clock: () => NOW,
    modules: [TelegramChannelModule.register(config, { mediaStore: media.store })],
    http: true,
  });
  return {
    url: harness.url!,
    harness,
    standIn,
    media: media.store,
    close: async () => {
      await harness.close();
      await standIn.close();
      await media.dispose();
    },
  };
};

const fileSystemStore = async (): Promise<MediaStoreUnderTest> => {
  const directory = await mkdtemp(path.join(tmpdir(), 'parley-media-fetch-'));
  const store = await createFileSystemMediaStore({ directory, maxBytes: 50 * 1024 * 1024 });
  return {
    store,
    dispose: async () => {
      await store.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
};

const gridFsStore = async (url: string): Promise<MediaStoreUnderTest> => {
  const store = await createGridFsMediaStore({
    url,
    dbName: `parley_media_fetch_${randomBytes(5).toString('hex')}`,
    maxBytes: 50 * 1024 * 1024,
  });
  return { store, dispose: () => store.close() };
};

const describeMediaFetch = (
  name: string,
  openEngines: () => Promise<TestEngines>,
  openStore: () => Promise<MediaStoreUnderTest>,
): void =>
  describe(`fetching clients' media, on ${name}`, () => {
    let channel: Channel;
    let nextChat = 5000;
    const freshChat = (): number => nextChat++;

    beforeAll(async () => {
      channel = await startChannel(openEngines(), await openStore());
    });
    afterAll(async () => {
      await channel?.close();
    });

    const postUpdate = async (body: unknown): Promise<void> => {
      const response = await fetch(`${channel.url}/channels/telegram/webhook`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-telegram-bot-api-secret-token': SECRET,
        },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
    };
    const conversationOf = (chat: number): string =>
      telegramConversationId(WORKSPACE, BOT_ID, chat);
    const eventsOf = async (chat: number): Promise<EventEnvelope[]> =>
      (await channel.harness.store.readStream(streamName('channel', conversationOf(chat)))).map(
        (r) => r.event,
      );
    const outcomeOf = (chat: number): Promise<EventEnvelope> =>
      waitUntil(`the media fetch outcome in chat ${chat}`, async () =>
        (await eventsOf(chat)).find((e) => e.type.startsWith('Channel.MediaFetch')),
      );
    /** The path getFile gave for a file id (from the stand-in's answer). */
    const filePathOf = (fileId: string): string | undefined => channel.standIn.filePathOf(fileId);
    const getFileCallsOf = (fileId: string) =>
      channel.standIn.callsOf('getFile').filter((c) => c.params['file_id'] === fileId);

    it('given a photo message, then its bytes are in the store once, also when the message is redelivered', async () => {
      const chat = freshChat();
      channel.standIn.serveFile(PHOTO_FILE_ID, { bytes: PNG });
      await postUpdate(samplePhotoUpdate({ updateId: chat, chatId: chat, caption: 'receipt' }));

      const outcome = await outcomeOf(chat);
      const mediaId = clientMediaId(WORKSPACE, conversationOf(chat), 'AQADlarge');
      expect(outcome).toMatchObject({
        type: 'Channel.MediaFetched',
        data: {
          conversationId: conversationOf(chat),
          mediaId,
          kind: 'photo',
          contentType: 'image/png',
          size: PNG.length,
        },
        metadata: { actor: { kind: 'system', id: 'channel-telegram' } },
      });
      const stored = await channel.media.get(WORKSPACE, mediaId);
      const chunks: Buffer[] = [];
      for await (const chunk of stored!.content) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).equals(PNG)).toBe(true);
      expect(stored!.media).toMatchObject({ conversationId: conversationOf(chat), kind: 'photo' });

      // The bus redelivers the message, then a voice note of the same chat follows it (same key,
      // so once the voice note is fetched the redelivery has been handled).
      const received = (
        await channel.harness.store.readStream(streamName('channel', conversationOf(chat)))
      ).find((r) => r.event.type === 'Channel.MessageReceived');
      await channel.harness.bus.publish([messageForRecordedEvent(received!)]);
      const voiceFileId = SAMPLE_MESSAGE_FIELDS.voice.voice.file_id;
      channel.standIn.serveFile(voiceFileId, { bytes: Buffer.from('OggS-not-really-a-voice') });
      await postUpdate(
        sampleMessageUpdate({ updateId: freshChat(), chatId: chat, messageId: 2, kind: 'voice' }),
      );
      await waitUntil('the voice note fetched', async () =>
        (await eventsOf(chat)).filter((e) => e.type === 'Channel.MediaFetched').length === 2
          ? true
          : undefined,
      );

      expect(getFileCallsOf(PHOTO_FILE_ID)).toHaveLength(1);
      const photoDownloads = channel.standIn
        .callsOf('downloadFile')
        .filter((c) => c.params['file_path'] === filePathOf(PHOTO_FILE_ID));
      expect(photoDownloads).toHaveLength(1);
      expect(
        (await eventsOf(chat)).filter((e) => e.type.startsWith('Channel.MediaFetch')),
      ).toHaveLength(2);
      const listed = await channel.media.list({
        workspaceId: WORKSPACE,
        conversationId: conversationOf(chat),
        limit: 10,
      });
      expect(listed.map((m) => m.kind).sort()).toEqual(['photo', 'voice']);
    });

    it('given a document over the Bot API download limit, then it is recorded as too large to fetch and never asked for', async () => {
      const chat = freshChat();
      const document = { ...SAMPLE_MESSAGE_FIELDS.document.document, file_size: 25_000_000 };
      const update = sampleMessageUpdate({ updateId: chat, chatId: chat, kind: 'document' });
      await postUpdate({
        ...update,
        message: { ...(update['message'] as object), document },
      });

      expect(await outcomeOf(chat)).toMatchObject({
        type: 'Channel.MediaFetchFailed',
        data: {
          conversationId: conversationOf(chat),
          reason: 'too_large',
          fileName: 'contract.pdf',
          fileSize: 25_000_000,
        },
      });
      expect(getFileCallsOf(document.file_id)).toHaveLength(0);
      expect(
        await channel.media.list({
          workspaceId: WORKSPACE,
          conversationId: conversationOf(chat),
          limit: 10,
        }),
      ).toEqual([]);
    });

    it('given Telegram answers the download with 404, then the failure is recorded as unavailable', async () => {
      const chat = freshChat();
      const video = SAMPLE_MESSAGE_FIELDS.video.video;
      channel.standIn.serveFile(video.file_id, { bytes: PNG, lost: true });
      await postUpdate(sampleMessageUpdate({ updateId: chat, chatId: chat, kind: 'video' }));

      expect(await outcomeOf(chat)).toMatchObject({
        type: 'Channel.MediaFetchFailed',
        data: { reason: 'unavailable', fileName: 'holiday.mp4', fileSize: video.file_size },
      });
      const downloads = channel.standIn
        .callsOf('downloadFile')
        .filter((c) => c.params['file_path'] === filePathOf(video.file_id));
      expect(downloads.map((c) => c.status)).toEqual([404]);
      expect(
        await channel.media.list({
          workspaceId: WORKSPACE,
          conversationId: conversationOf(chat),
          limit: 10,
        }),
      ).toEqual([]);
    });
  });

describeMediaFetch(
  'PGlite, the in-process bus and the file system',
  () => embeddedEngines(),
  fileSystemStore,
);

const mongoUrl = process.env['MONGO_URL'];
if (mongoUrl) {
  describeMediaFetch(
    'PostgreSQL, Kafka and GridFS',
    () => realEngines('parley_media_fetch'),
    () => gridFsStore(mongoUrl),
  );
} else {
  reportSkip('mongodb: media fetch on GridFS skipped (no server: set MONGO_URL)');
}
