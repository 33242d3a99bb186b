import {
  sampleChannelPostUpdate,
  sampleEditedTextUpdate,
  sampleGroupUpdate,
  sampleMyChatMemberUpdate,
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
      expect(classify(toOther)).toMatchObject({ kind: 'message', content: { kind: 'text' } });
      expect(classify(sampleTextUpdate({ updateId: 5, chatId: 42, text: '/start' }))).toMatchObject(
        { kind: 'message', content: { kind: 'text', text: '/start' } },
      );
    });

    it('given text, then a message with text content and the message as checked', () => {
      const update = classify(sampleTextUpdate({ updateId: 6, chatId: 42, text: 'Hi there' }));
      expect(update).toMatchObject({
        kind: 'message',
        content: { kind: 'text', text: 'Hi there', entities: [] },
        updateId: 6,
        message: { text: 'Hi there', chat: { id: 42, type: 'private' }, from: { id: 42 } },
      });
    });

    it('given a photo with a caption, then photo content keeping the caption', () => {
      const update = classify(samplePhotoUpdate({ updateId: 7, chatId: 42, caption: 'receipt' }));
      expect(update).toMatchObject({
        kind: 'message',
        updateId: 7,
        content: { kind: 'photo', caption: 'receipt' },
      });
    });

    it.each([
      ['game', { game: { title: 'Tetris', description: 'Play', photo: [] } }],
      ['pinned_message', { pinned_message: { message_id: 3 } }],
      ['unknown', { some_future_kind: {} }],
    ])(
      'given a message with %s and no text, then unsupported %s without caption',
      (kind, fields) => {
        expect(classify(privateMessage(8, fields))).toMatchObject({
          kind: 'message',
          content: { kind: 'unsupported', unsupportedKind: kind, caption: null },
        });
      },
    );

    it.each([
      [
        'voice without file_unique_id',
        { voice: { file_id: 'v', duration: 3 } },
        'message.voice.file_unique_id',
      ],
      [
        'sticker without is_animated',
        { sticker: { file_id: 's', file_unique_id: 'u', is_video: false } },
        'message.sticker.is_animated',
      ],
      [
        'location off the globe',
        { location: { latitude: 91, longitude: 13.4 } },
        'message.location.latitude',
      ],
      ['dice with value 0', { dice: { emoji: '🎲', value: 0 } }, 'message.dice.value'],
    ])('given a %s, then rejected naming the field', (_name, fields, field) => {
      const update = classify(privateMessage(8, fields));
      expect(update).toMatchObject({ kind: 'rejected' });
      if (update.kind !== 'rejected') throw new Error('unreachable');
      expect(update.issues.map((i) => i.field)).toContain(field);
    });

    it('given a blank caption, then the caption is null', () => {
      const update = classify(samplePhotoUpdate({ updateId: 9, chatId: 42, caption: '  ' }));
      expect(update).toMatchObject({ kind: 'message', content: { kind: 'photo', caption: null } });
    });

    it('given an edited message, then edited with its new content', () => {
      const update = classify(sampleEditedTextUpdate({ updateId: 30, chatId: 42, text: 'Fixed' }));
      expect(update).toMatchObject({
        kind: 'edited',
        updateId: 30,
        content: { kind: 'text', text: 'Fixed' },
        message: { edit_date: 1_767_225_660 },
      });
    });

    it.each([
      ['kicked', 'blocked'],
      ['member', 'unblocked'],
    ] as const)('given my_chat_member with new status %s, then %s', (status, kind) => {
      const update = classify(sampleMyChatMemberUpdate({ updateId: 31, chatId: 42, status }));
      expect(update).toMatchObject({
        kind,
        updateId: 31,
        change: { chat: { id: 42, type: 'private' }, from: { id: 42 }, date: 1_767_225_600 },
      });
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

    it.each(['group', 'supergroup', 'channel'] as const)(
      'given an edit or a membership change in a %s, then ignored and counted under it',
      (type) => {
        const chat = { id: -5, title: 'Team chat', type };
        const edit = sampleEditedTextUpdate({ updateId: 15, chatId: -5, text: 'x' });
        const edited = { ...(edit['edited_message'] as object), chat };
        expect(classify({ update_id: 15, edited_message: edited })).toEqual({
          kind: 'ignored',
          updateId: 15,
          updateKind: `edited_message.${type}`,
        });
        const member = sampleMyChatMemberUpdate({ updateId: 16, chatId: -5, status: 'kicked' });
        const change = { ...(member['my_chat_member'] as object), chat };
        expect(classify({ update_id: 16, my_chat_member: change })).toEqual({
          kind: 'ignored',
          updateId: 16,
          updateKind: `my_chat_member.${type}`,
        });
      },
    );

    it.each(['callback_query', 'inline_query', 'message_reaction'])(
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

    it.each(['message', 'message.chat', 'message.from'])(
      'given %s as a list, empty or of one valid object, then rejected naming it, not a message',
      (field) => {
        for (const asList of [() => [], (value: unknown) => [value]]) {
          const body = sampleTextUpdate({ updateId: 27, chatId: 42, text: 'x' });
          const [kind, part] = field.split('.') as [string, string | undefined];
          const message = body[kind] as Record<string, unknown>;
          body[kind] =
            part === undefined ? asList(message) : { ...message, [part]: asList(message[part]) };
          const update = classify(body);
          expect(update).toMatchObject({ kind: 'rejected', updateId: 27 });
          if (update.kind !== 'rejected') throw new Error('unreachable');
          expect(update.issues).toContainEqual({
            field,
            reason: 'must be a single object, not a list',
          });
          expect(update.reason).toContain(`${field} must be a single object, not a list`);
        }
      },
    );

    it('given my_chat_member.from as a list, then rejected naming it, not a block', () => {
      const body = sampleMyChatMemberUpdate({ updateId: 28, chatId: 42, status: 'kicked' });
      const change = body['my_chat_member'] as Record<string, unknown>;
      const update = classify({ ...body, my_chat_member: { ...change, from: [change['from']] } });
      expect(update).toMatchObject({
        kind: 'rejected',
        issues: expect.arrayContaining([
          { field: 'my_chat_member.from', reason: 'must be a single object, not a list' },
        ]) as unknown,
      });
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
