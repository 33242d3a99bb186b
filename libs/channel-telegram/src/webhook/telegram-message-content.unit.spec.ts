import {
  channelEventDefinitions,
  EventCatalog,
  type MediaFile,
  type MessageContent,
} from '@parley/contracts';
import { messageReceivedEvent } from '../inbound/inbound-channel-events';
import { sampleMessageUpdate, type SampleMessageKind } from '../testing';
import { classifyUpdate } from './update-classification';

const file = (
  fields: Pick<MediaFile, 'fileId' | 'fileUniqueId'> & Partial<MediaFile>,
): MediaFile => ({
  fileSize: null,
  mimeType: null,
  fileName: null,
  width: null,
  height: null,
  duration: null,
  ...fields,
});

/** What each webhook fixture (Bot API shapes) becomes. */
const expected: Record<SampleMessageKind, MessageContent> = {
  text_with_entities: {
    kind: 'text',
    text: 'Hi @anna, see https://example.com and <b>this</b>',
    entities: [
      { type: 'bold', offset: 0, length: 2, url: null, userId: null },
      { type: 'mention', offset: 3, length: 5, url: null, userId: null },
      { type: 'url', offset: 14, length: 19, url: null, userId: null },
      { type: 'text_link', offset: 38, length: 11, url: 'https://example.com/this', userId: null },
    ],
  },
  photo: {
    kind: 'photo',
    file: file({
      fileId: 'AgACAgIAAxkBAAIBZ2-large',
      fileUniqueId: 'AQADlarge',
      fileSize: 98_000,
      width: 1280,
      height: 960,
    }),
    caption: 'my receipt',
    captionEntities: [{ type: 'italic', offset: 3, length: 7, url: null, userId: null }],
  },
  video: {
    kind: 'video',
    file: file({
      fileId: 'BAACAgIAAxkBAAIBvideo',
      fileUniqueId: 'AgADvideo',
      fileSize: 4_200_000,
      mimeType: 'video/mp4',
      fileName: 'holiday.mp4',
      width: 1920,
      height: 1080,
      duration: 31,
    }),
    caption: 'look',
  },
  video_note: {
    kind: 'video_note',
    file: file({
      fileId: 'DQACAgIAAxkBAAIBnote',
      fileUniqueId: 'AgADnote',
      fileSize: 310_000,
      width: 384,
      height: 384,
      duration: 5,
    }),
    caption: null,
  },
  voice: {
    kind: 'voice',
    file: file({
      fileId: 'AwACAgIAAxkBAAIBvoice',
      fileUniqueId: 'AgADvoice',
      fileSize: 24_000,
      mimeType: 'audio/ogg',
      duration: 12,
    }),
    caption: null,
  },
  audio: {
    kind: 'audio',
    file: file({
      fileId: 'CQACAgIAAxkBAAIBaudio',
      fileUniqueId: 'AgADaudio',
      fileSize: 3_400_000,
      mimeType: 'audio/mpeg',
      fileName: 'song.mp3',
      duration: 215,
    }),
    caption: null,
  },
  document: {
    kind: 'document',
    file: file({
      fileId: 'BQACAgIAAxkBAAIBdoc',
      fileUniqueId: 'AgADdoc',
      fileSize: 120_000,
      mimeType: 'application/pdf',
      fileName: 'contract.pdf',
    }),
    caption: 'signed',
  },
  sticker_static: {
    kind: 'sticker',
    file: file({
      fileId: 'CAACAgIAAxkBAAIBstatic',
      fileUniqueId: 'AgADstatic',
      fileSize: 20_000,
      width: 512,
      height: 512,
    }),
    stickerFormat: 'static',
    emoji: '😀',
  },
  sticker_animated: {
    kind: 'sticker',
    file: file({
      fileId: 'CAACAgIAAxkBAAIBanim',
      fileUniqueId: 'AgADanim',
      fileSize: 30_000,
      width: 512,
      height: 512,
    }),
    stickerFormat: 'animated',
    emoji: '🎉',
  },
  sticker_video: {
    kind: 'sticker',
    file: file({
      fileId: 'CAACAgIAAxkBAAIBwebm',
      fileUniqueId: 'AgADwebm',
      fileSize: 40_000,
      width: 512,
      height: 512,
    }),
    stickerFormat: 'video',
    emoji: '🔥',
  },
  animation: {
    kind: 'animation',
    file: file({
      fileId: 'CgACAgIAAxkBAAIBgif',
      fileUniqueId: 'AgADgif',
      fileSize: 150_000,
      mimeType: 'video/mp4',
      fileName: 'funny.mp4',
      width: 320,
      height: 240,
      duration: 3,
    }),
    caption: null,
  },
  location: { kind: 'location', latitude: 52.520008, longitude: 13.404954, livePeriod: null },
  venue: {
    kind: 'venue',
    latitude: 48.858844,
    longitude: 2.294351,
    title: 'Eiffel Tower',
    address: 'Champ de Mars, Paris',
  },
  contact: {
    kind: 'contact',
    phoneNumber: '+33 1 23 45 67 89',
    firstName: 'Bo',
    lastName: 'Lind',
    userId: '555',
  },
  poll: {
    kind: 'poll',
    question: 'Which day suits you?',
    options: ['Monday', 'Friday'],
    pollType: 'regular',
  },
  dice: { kind: 'dice', emoji: '🎲', value: 4 },
  game: { kind: 'unsupported', unsupportedKind: 'game', caption: null },
};

const channelEvents = new EventCatalog().register(...channelEventDefinitions);

describe('message content from webhook fixtures', () => {
  it.each(Object.entries(expected) as [SampleMessageKind, MessageContent][])(
    'given a %s message, then its content, and a MessageReceived its consumers accept',
    (kind, content) => {
      const body = sampleMessageUpdate({ updateId: 40, chatId: 42, kind });
      const update = classifyUpdate(body, { username: 'parley_bot' });
      if (update.kind !== 'message') throw new Error(`expected a message, got ${update.kind}`);
      expect(update.content).toEqual(content);
      const event = messageReceivedEvent(
        {
          workspaceId: 'ws1',
          botId: '123456',
          updateId: 40,
          receivedAt: new Date('2026-01-01T00:00:05.000Z'),
        },
        update.message,
        update.content,
      );
      expect(() => channelEvents.validateData(event)).not.toThrow();
    },
  );

  it('given a photo, then the largest size is kept whatever the order of the sizes', () => {
    const body = sampleMessageUpdate({ updateId: 41, chatId: 42, kind: 'photo' });
    const message = body['message'] as { photo: object[] };
    const reversed = { ...body, message: { ...message, photo: [...message.photo].reverse() } };
    const update = classifyUpdate(reversed, { username: 'parley_bot' });
    expect(update).toMatchObject({
      kind: 'message',
      content: { kind: 'photo', file: { fileId: 'AgACAgIAAxkBAAIBZ2-large' } },
    });
  });
});
