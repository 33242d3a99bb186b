import { ContractViolation } from '@parley/contracts';
import { sampleStartUpdate, sampleTextUpdate } from '../testing';
import { validateTelegramUpdate } from './validate-update';

const issuesOf = (body: unknown): { field: string; reason: string }[] => {
  try {
    validateTelegramUpdate(body);
  } catch (e) {
    if (e instanceof ContractViolation) return [...e.issues];
    throw e;
  }
  throw new Error('expected a ContractViolation');
};

describe('Telegram update validation', () => {
  it('given a real-looking text update with fields Parley does not read, then it passes', () => {
    const body = {
      ...sampleTextUpdate({ updateId: 7, chatId: 42, text: 'hi' }),
      unknown_future_field: true,
    };
    const update = validateTelegramUpdate(body);
    expect(update.update_id).toBe(7);
    expect(update.message?.text).toBe('hi');
    expect(update.message?.chat).toEqual({ id: 42, type: 'private' });
  });

  it('keeps the bot_command entities grammY needs for /start', () => {
    const update = validateTelegramUpdate(
      sampleStartUpdate({ updateId: 1, chatId: 5, payload: 'x' }),
    );
    expect(update.message?.entities).toEqual([{ offset: 0, length: 6, type: 'bot_command' }]);
  });

  it('given update kinds Parley does not handle yet, then they pass unread', () => {
    const update = validateTelegramUpdate({ update_id: 3, callback_query: { id: 'q' } });
    expect(update).toMatchObject({ update_id: 3, callback_query: { id: 'q' } });
  });

  it('given a bad update_id and a message without chat, then each field is named', () => {
    const good = sampleTextUpdate({ updateId: 1, chatId: 42, text: 'hi' });
    const { chat: _chat, ...messageWithoutChat } = good['message'] as Record<string, unknown>;
    const body = { ...good, update_id: 'abc', message: messageWithoutChat };
    const fields = issuesOf(body).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['update_id', 'message.chat']));
  });

  it('given a body that is not an object, then the root is named', () => {
    expect(issuesOf([1, 2])).toEqual([{ field: '', reason: 'must be an object' }]);
  });
});
