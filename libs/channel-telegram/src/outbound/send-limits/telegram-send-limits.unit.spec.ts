import { TelegramSendLimits } from './telegram-send-limits';

// In this process's memory (npm start). The same class on Redis: telegram-send-limits.int.spec.ts.
const SLOT_START = 1_764_000_000_000; // a multiple of 200 ms: the first of a bot slot

const limits = (now = () => SLOT_START) =>
  new TelegramSendLimits({
    botId: '42',
    chatIntervalMs: 1000,
    botSendsPerSecond: 30,
    redis: null,
    now,
  });

describe('TelegramSendLimits in memory', () => {
  it('given a chat just sent to, when it asks again, then it waits for its interval', async () => {
    const given = limits();
    expect(await given.take('100')).toEqual({ granted: true });
    const again = await given.take('100');
    expect(again).toMatchObject({ granted: false, limit: 'chat' });
    expect(again.granted === false && again.waitMs).toBeLessThanOrEqual(1000);
  });

  it('given a chat waiting for its interval, then another chat still gets its turn', async () => {
    const given = limits();
    await given.take('100');
    expect(await given.take('101')).toEqual({ granted: true });
  });

  it('given five sends in this bot slot, then a sixth chat waits for the next slot', async () => {
    const given = limits();
    for (const chat of ['1', '2', '3', '4', '5'])
      expect(await given.take(chat)).toEqual({ granted: true });
    expect(await given.take('6')).toEqual({ granted: false, limit: 'bot', waitMs: 200 });
  });

  it('given a chat refused by the bot’s rate, then its own turn was not spent', async () => {
    let now = SLOT_START;
    const given = limits(() => now);
    for (const chat of ['1', '2', '3', '4', '5']) await given.take(chat);
    expect(await given.take('6')).toMatchObject({ granted: false, limit: 'bot' });
    now += 200;
    expect(await given.take('6')).toEqual({ granted: true });
  });

  it('given a retry_after hold on a chat, then only that chat waits, for about its seconds', async () => {
    const given = limits();
    await given.holdChat('100', 3000);
    const held = await given.take('100');
    expect(held).toMatchObject({ granted: false, limit: 'held' });
    expect(held.granted === false && held.waitMs).toBeGreaterThan(2000);
    expect(held.granted === false && held.waitMs).toBeLessThanOrEqual(3000);
    expect(await given.take('101')).toEqual({ granted: true });
  });

  it('given a retry_after of 0, then nothing is held', async () => {
    const given = limits();
    await given.holdChat('100', 0);
    expect(await given.heldFor('100')).toBe(0);
    expect(await given.take('100')).toEqual({ granted: true });
  });

  it('given a wait longer than allowed, then acquire gives up with the refusal', async () => {
    const given = limits();
    await given.holdChat('100', 60_000);
    expect(await given.acquire('100', 0)).toMatchObject({ granted: false, limit: 'held' });
  });

  it('given no chat spacing (0), then a chat may be sent to again at once', async () => {
    const given = new TelegramSendLimits({
      botId: '42',
      chatIntervalMs: 0,
      botSendsPerSecond: 30,
      redis: null,
      now: () => SLOT_START,
    });
    expect(await given.take('100')).toEqual({ granted: true });
    expect(await given.take('100')).toEqual({ granted: true });
  });
});
