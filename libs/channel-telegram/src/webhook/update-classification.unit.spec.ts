import {
  sampleChannelPostUpdate,
  sampleGroupUpdate,
  samplePhotoUpdate,
  sampleStartUpdate,
  sampleTextUpdate,
} from '../testing';
import { classifyUpdate, type UpdateClassification } from './update-classification';

const BOT = { username: 'parley_bot' };
const classify = (body: unknown): UpdateClassification => classifyUpdate(body, BOT);

/** A private message from client 42 with these fields instead of `text`. */
const privateMessage = (updateId: number, fields: Record<string, unknown>) => {
  const { text: _text, ...message } = sampleTextUpdate({ updateId, chatId: 42, text: 'x' })[
    'message'
  ] as Record<string, unknown>;
  return { update_id: updateId, message: { ...message, ...fields } };
};

describe('update classification', () => {
  describe('client messages in a private chat', () => {
    it('given /start with a payload, then started with the payload', () => {
      const update = classify(sampleStartUpdate({ updateId: 1, chatId: 42, payload: 'fb-w26' }));
      expect(update).toMatchObject({ kind: 'started', updateId: 1, payload: 'fb-w26' });
    });

    it('given /start@<this bot> or a bare /start, then started', () => {
      const addressed = sampleStartUpdate({ updateId: 2, chatId: 42 });
      const message = addressed['message'] as Record<string, unknown>;
      const body = {
        ...addressed,
        message: {
          ...message,
          text: '/start@Parley_Bot x',
          entities: [{ offset: 0, length: 17, type: 'bot_command' }],
        },
      };
      expect(classify(body)).toMatchObject({ kind: 'started', payload: 'x' });
      expect(classify(sampleStartUpdate({ updateId: 3, chatId: 42 }))).toMatchObject({
        kind: 'started',
        payload: '',
      });
    });

    it('given /start addressed to another bot, or /start without a command entity, then text', () => {
      const other = sampleStartUpdate({ updateId: 4, chatId: 42 });
      const message = other['message'] as Record<string, unknown>;
      const toOther = {
        ...other,
        message: {
          ...message,
          text: '/start@other_bot',
          entities: [{ offset: 0, length: 16, type: 'bot_command' }],
        },
      };
      expect(classify(toOther)).toMatchObject({ kind: 'text' });
      expect(classify(sampleTextUpdate({ updateId: 5, chatId: 42, text: '/start' }))).toMatchObject(
        { kind: 'text' },
      );
    });

    it('given text, then text with the message as checked', () => {
      const update = classify(sampleTextUpdate({ updateId: 6, chatId: 42, text: 'Hi there' }));
      expect(update).toMatchObject({
        kind: 'text',
        updateId: 6,
        message: { text: 'Hi there', chat: { id: 42, type: 'private' }, from: { id: 42 } },
      });
    });

    it('given a photo with a caption, then unsupported photo keeping the caption', () => {
      const update = classify(samplePhotoUpdate({ updateId: 7, chatId: 42, caption: 'receipt' }));
      expect(update).toMatchObject({
        kind: 'unsupported',
        updateId: 7,
        unsupportedKind: 'photo',
        caption: 'receipt',
      });
    });

    it.each([
      ['voice', { voice: { file_id: 'v', duration: 3 } }],
      ['video_note', { video_note: { file_id: 'n', length: 240, duration: 5 } }],
      ['sticker', { sticker: { file_id: 's', type: 'regular' } }],
      ['location', { location: { latitude: 52.5, longitude: 13.4 } }],
      ['contact', { contact: { phone_number: '+100', first_name: 'Bo' } }],
      ['animation', { animation: { file_id: 'a' }, document: { file_id: 'a' } }],
      ['document', { document: { file_id: 'd' } }],
      ['dice', { dice: { emoji: '🎲', value: 4 } }],
      ['poll', { poll: { id: 'p', question: 'q' } }],
      ['unknown', { some_future_kind: {} }],
    ])(
      'given a message with %s and no text, then unsupported %s without caption',
      (kind, fields) => {
        expect(classify(privateMessage(8, fields))).toMatchObject({
          kind: 'unsupported',
          unsupportedKind: kind,
          caption: null,
        });
      },
    );

    it('given a blank caption, then the caption is null', () => {
      const update = classify(samplePhotoUpdate({ updateId: 9, chatId: 42, caption: '  ' }));
      expect(update).toMatchObject({ kind: 'unsupported', caption: null });
    });
  });

  describe('updates Parley ignores on purpose', () => {
    it('given a channel post with /start, then ignored as channel_post', () => {
      const body = sampleChannelPostUpdate({ updateId: 10, chatId: -100123, text: '/start x' });
      expect(classify(body)).toEqual({
        kind: 'ignored',
        updateId: 10,
        updateKind: 'channel_post',
      });
    });

    it.each(['group', 'supergroup'] as const)('given a %s message, then ignored', (type) => {
      const body = sampleGroupUpdate({ updateId: 11, chatId: -5, text: '/start', type });
      expect(classify(body)).toEqual({
        kind: 'ignored',
        updateId: 11,
        updateKind: `message.${type}`,
      });
    });

    it('given a group message with an absurd date and no sender, then still ignored, not rejected', () => {
      const body = sampleGroupUpdate({ updateId: 12, chatId: -5, text: 'x', type: 'group' });
      const { from: _from, ...message } = body['message'] as Record<string, unknown>;
      expect(classify({ ...body, message: { ...message, date: 1e15 } })).toMatchObject({
        kind: 'ignored',
      });
    });

    it.each(['edited_message', 'callback_query', 'my_chat_member', 'inline_query'])(
      'given %s, then ignored under its kind',
      (kind) => {
        expect(classify({ update_id: 13, [kind]: { id: 'q' } })).toEqual({
          kind: 'ignored',
          updateId: 13,
          updateKind: kind,
        });
      },
    );

    it('given an update kind the Bot API does not have, then ignored as unknown', () => {
      expect(classify({ update_id: 14, future_update: {} })).toMatchObject({
        kind: 'ignored',
        updateKind: 'unknown',
      });
    });
  });

  describe('updates Parley rejects, with a reason', () => {
    it.each([
      ['1e15', 1e15],
      ['negative', -1],
      ['fractional', 1.5],
      ['a string', '2026-01-01'],
    ])('given a %s date, then rejected naming message.date', (_name, date) => {
      const body = sampleTextUpdate({ updateId: 20, chatId: 42, text: 'x', date: 0 });
      const update = classify({ ...body, message: { ...(body['message'] as object), date } });
      expect(update).toMatchObject({ kind: 'rejected', updateId: 20 });
      if (update.kind !== 'rejected') throw new Error('unreachable');
      expect(update.issues.map((i) => i.field)).toEqual(['message.date']);
      expect(update.reason).toMatch(/message\.date/);
    });

    it('given a private message without a sender, then rejected naming message.from', () => {
      const body = sampleTextUpdate({ updateId: 21, chatId: 42, text: 'x' });
      const { from: _from, ...message } = body['message'] as Record<string, unknown>;
      expect(classify({ ...body, message })).toMatchObject({
        kind: 'rejected',
        issues: [{ field: 'message.from', reason: 'must be present in a private chat' }],
      });
    });

    it('given a message without chat, or one that is not an object, then rejected', () => {
      const body = sampleTextUpdate({ updateId: 22, chatId: 42, text: 'x' });
      const { chat: _chat, ...message } = body['message'] as Record<string, unknown>;
      expect(classify({ ...body, message })).toMatchObject({ kind: 'rejected' });
      expect(classify({ update_id: 23, message: 'hello' })).toMatchObject({ kind: 'rejected' });
    });

    it('given empty text, then rejected', () => {
      expect(classify(sampleTextUpdate({ updateId: 24, chatId: 42, text: '' }))).toMatchObject({
        kind: 'rejected',
      });
    });

    it('given no update kind, or two, then rejected', () => {
      expect(classify({ update_id: 25 })).toMatchObject({ kind: 'rejected' });
      expect(classify({ update_id: 26, message: {}, callback_query: {} })).toMatchObject({
        kind: 'rejected',
      });
    });
  });

  describe('bodies without a usable update_id', () => {
    it.each([
      ['a JSON array', [1, 2]],
      ['null', null],
      ['a string', 'update'],
      ['a number', 7],
      ['no update_id', { message: {} }],
      ['a string update_id', { update_id: '7', message: {} }],
      ['a negative update_id', { update_id: -1, message: {} }],
      ['a huge update_id', { update_id: 1e300, message: {} }],
      ['a fractional update_id', { update_id: 1.5, message: {} }],
    ])('given %s, then unusable with a reason', (_name, body) => {
      const update = classify(body);
      expect(update.kind).toBe('unusable');
      if (update.kind === 'unusable') expect(update.reason.length).toBeGreaterThan(0);
    });
  });
});
