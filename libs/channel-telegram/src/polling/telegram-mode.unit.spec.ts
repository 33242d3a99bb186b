import { InvalidConfig, loadConfig } from '@parley/config';
import {
  sampleEditedTextUpdate,
  sampleMyChatMemberUpdate,
  sampleTextUpdate,
  type SampleUpdate,
} from '../testing/sample-updates';
import { TelegramChannelConfig } from '../telegram-channel.config';
import { classifyUpdate } from '../webhook/update-classification';
import { TELEGRAM_ALLOWED_UPDATES } from './allowed-updates';

const ENV = { TELEGRAM_BOT_TOKEN: '123456:TEST-token_abc', TELEGRAM_WEBHOOK_SECRET: 'secret_1' };

describe('TELEGRAM_MODE', () => {
  it('given nothing, then webhook', () => {
    expect(loadConfig(TelegramChannelConfig, ENV).TELEGRAM_MODE).toBe('webhook');
  });

  it('given polling, then polling', () => {
    expect(
      loadConfig(TelegramChannelConfig, { ...ENV, TELEGRAM_MODE: 'polling' }).TELEGRAM_MODE,
    ).toBe('polling');
  });

  it('given another value, then the error names the variable and the choices', () => {
    expect(() => loadConfig(TelegramChannelConfig, { ...ENV, TELEGRAM_MODE: 'poll' })).toThrow(
      InvalidConfig,
    );
    expect(() => loadConfig(TelegramChannelConfig, { ...ENV, TELEGRAM_MODE: 'poll' })).toThrow(
      /TELEGRAM_MODE: must be one of webhook, polling \(got "poll"\)/,
    );
  });
});

describe('TELEGRAM_ALLOWED_UPDATES', () => {
  const samples: Record<(typeof TELEGRAM_ALLOWED_UPDATES)[number], SampleUpdate> = {
    message: sampleTextUpdate({ updateId: 1, chatId: 1, text: 'hi' }),
    edited_message: sampleEditedTextUpdate({ updateId: 2, chatId: 1, text: 'hi!' }),
    my_chat_member: sampleMyChatMemberUpdate({ updateId: 3, chatId: 1, status: 'kicked' }),
  };

  it.each(TELEGRAM_ALLOWED_UPDATES)(
    'given a private %s, then the webhook path uses it (not ignored)',
    (kind) => {
      const update = samples[kind];
      expect(Object.keys(update)).toContain(kind);
      expect(classifyUpdate(update, { username: 'parley_bot' }).kind).not.toBe('ignored');
    },
  );

  it('given a kind not in the list, then the webhook path ignores it', () => {
    const update = { update_id: 4, callback_query: { id: 'q', from: { id: 1 } } };
    expect(classifyUpdate(update, { username: 'parley_bot' })).toMatchObject({ kind: 'ignored' });
  });
});
