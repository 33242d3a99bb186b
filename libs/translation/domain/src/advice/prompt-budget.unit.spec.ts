import { advicePrompt } from './advice-prompt';
import { CUT_MARK, cutText, DEFAULT_PROMPT_BUDGET, type PromptBudget } from './prompt-budget';
import { adviceInput, conversation, lengthOf } from './prompt-fixtures';
import { scoringPrompt } from './scoring-prompt';

const budget = (overrides: Partial<PromptBudget>): PromptBudget => ({
  ...DEFAULT_PROMPT_BUDGET,
  ...overrides,
});

/** The numbers of the messages a prompt shows ("message 7 xxx" → 7), in order. */
const shownNumbers = (content: string): number[] =>
  [...content.matchAll(/: message (\d+) /g)].map((match) => Number(match[1]));

describe('prompt budget', () => {
  it('given a conversation longer than the budget, then the newest messages are kept without gaps, the oldest cut, the count of cut ones said, and the prompt fits', () => {
    const tight = budget({ maxChars: 3_000 });
    const prompt = advicePrompt(adviceInput({ messages: conversation(100, 60) }), tight);
    const shown = shownNumbers(prompt[1]!.content);

    expect(lengthOf(prompt)).toBeLessThanOrEqual(3_000);
    expect(lengthOf(prompt)).toBeGreaterThan(2_800);
    expect(shown.at(-1)).toBe(100);
    expect(shown).toEqual(Array.from({ length: shown.length }, (_, i) => 101 - shown.length + i));
    expect(shown.length).toBeLessThan(40);
    expect(prompt[1]!.content).toContain(
      `Conversation (oldest first; ${100 - shown.length} earlier messages not shown):`,
    );
  });

  it('given more messages than maxMessages, then only the newest maxMessages are considered, whatever the room', () => {
    const prompt = advicePrompt(
      adviceInput({ messages: conversation(30) }),
      budget({ maxMessages: 5 }),
    );

    expect(shownNumbers(prompt[1]!.content)).toEqual([26, 27, 28, 29, 30]);
    expect(prompt[1]!.content).toContain('25 earlier messages not shown');
  });

  it('given a very long message among short ones, then it is cut to maxMessageChars, the cut marked, and the older messages stay', () => {
    const messages = conversation(6);
    messages[3] = { ...messages[3]!, text: 'long '.repeat(1_000) };
    const prompt = advicePrompt(adviceInput({ messages }), budget({ maxMessageChars: 300 }));
    const long = prompt[1]!.content.split('\n').find((line) => line.includes('long long'))!;

    expect(long.endsWith(CUT_MARK)).toBe(true);
    expect(long.length).toBeLessThanOrEqual(300 + '[2026-12-01 10:03 UTC] Manager (Anna): '.length);
    expect(shownNumbers(prompt[1]!.content)).toEqual([1, 2, 3, 5, 6]);
  });

  it('given a newest message that alone is larger than the room, then it is still there, cut to fit, and the instructions are whole', () => {
    const messages = [...conversation(3), { ...conversation(1)[0]!, text: 'q'.repeat(10_000) }];
    const tight = budget({ maxChars: 2_500, maxMessageChars: 50_000 });
    const roomy = advicePrompt(
      adviceInput({ messages }),
      budget({ maxChars: 100_000, maxMessageChars: 50_000 }),
    );

    const prompt = advicePrompt(adviceInput({ messages }), tight);

    expect(lengthOf(prompt)).toBeLessThanOrEqual(2_500);
    expect(prompt[0]).toEqual(roomy[0]);
    expect(prompt[1]!.content).toContain('qqqq');
    expect(prompt[1]!.content).toContain('3 earlier messages not shown');
    expect(prompt[1]!.content).toContain(CUT_MARK);
    expect(
      prompt[1]!.content.endsWith(
        "Task: write the manager's next reply to the client, in English.",
      ),
    ).toBe(true);
  });

  it('given many templates, then at most maxTemplates, each cut to maxTemplateChars, within their share of the room', () => {
    const templates = Array.from({ length: 30 }, (_, i) => ({
      name: `T${i + 1}`,
      text: `template ${i + 1} `.padEnd(400, 'y'),
    }));
    const few = advicePrompt(
      adviceInput({ templates }),
      budget({ maxTemplates: 3, maxTemplateChars: 100 }),
    );
    const shared = advicePrompt(
      adviceInput({ templates }),
      budget({ maxChars: 4_000, templatesShare: 0.25 }),
    );
    const templatesBlock = (content: string) => content.split('\n\n')[1]!;

    expect(templatesBlock(few[1]!.content).match(/^- T\d+:$/gm)).toEqual([
      '- T1:',
      '- T2:',
      '- T3:',
    ]);
    expect(templatesBlock(few[1]!.content)).toContain(
      `template 1 ${'y'.repeat(100 - 11 - CUT_MARK.length)}${CUT_MARK}`,
    );
    const block = templatesBlock(shared[1]!.content);
    expect(block.length).toBeLessThanOrEqual(0.25 * 4_000);
    expect(block.match(/^- T\d+:$/gm)!.length).toBeGreaterThan(0);
    expect(shared[1]!.content).toContain('Client: И можно ли оплатить картой?');
  });

  it('given any budget, then the instructions and the task are the same: the budget cuts data only', () => {
    const input = adviceInput({ messages: conversation(60, 200) });
    const [wide, narrow] = [100_000, 1_500].map((maxChars) =>
      scoringPrompt(input, budget({ maxChars })),
    );

    expect(narrow![0]).toEqual(wide![0]);
    expect(narrow![1]!.content.split('\n').at(-1)).toBe(wide![1]!.content.split('\n').at(-1));
    expect(narrow![1]!.content.length).toBeLessThan(wide![1]!.content.length);
  });

  describe('cutText', () => {
    it('keeps a text within the limit as it is and cuts a longer one to the limit, marked', () => {
      expect(cutText('short', 5)).toBe('short');
      expect(cutText('a longer text', 10)).toBe('a long […]');
    });

    it('never splits an emoji in two', () => {
      const cut = cutText('ab😀cdefgh', 3 + CUT_MARK.length);

      expect(cut).toBe(`ab${CUT_MARK}`);
    });
  });
});
