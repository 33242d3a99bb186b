import { BOT_SLOT_MS, botSendSlotAt, sendsPerBotSlot } from './bot-send-slots';

describe('bot send slots', () => {
  it('given Telegram’s 30 per second, then 5 per slot, and six slots (any sliding second) hold 30', () => {
    expect(sendsPerBotSlot(30)).toBe(5);
    expect(sendsPerBotSlot(30) * (1000 / BOT_SLOT_MS + 1)).toBeLessThanOrEqual(30);
  });

  it('given any limit of at least 6, then six slots never hold more than the limit', () => {
    for (let perSecond = 6; perSecond <= 1000; perSecond++) {
      expect(sendsPerBotSlot(perSecond) * 6).toBeLessThanOrEqual(perSecond);
      expect(sendsPerBotSlot(perSecond)).toBeGreaterThanOrEqual(1);
    }
  });

  it('given a time, then its slot and the time left in it', () => {
    expect(botSendSlotAt(0)).toEqual({ index: 0, endsInMs: BOT_SLOT_MS });
    expect(botSendSlotAt(BOT_SLOT_MS - 1)).toEqual({ index: 0, endsInMs: 1 });
    expect(botSendSlotAt(BOT_SLOT_MS * 7 + 50)).toEqual({ index: 7, endsInMs: BOT_SLOT_MS - 50 });
  });

  it('given two times in one slot, then one key; a slot later, the next key', () => {
    const at = 1_764_000_000_123;
    expect(botSendSlotAt(at).index).toBe(botSendSlotAt(at + botSendSlotAt(at).endsInMs - 1).index);
    expect(botSendSlotAt(at + botSendSlotAt(at).endsInMs).index).toBe(botSendSlotAt(at).index + 1);
  });
});
