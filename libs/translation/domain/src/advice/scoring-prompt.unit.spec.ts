import { adviceInput, textOf } from './prompt-fixtures';
import { scoringPrompt } from './scoring-prompt';

describe('scoring prompt', () => {
  const { messages, card } = adviceInput();

  it("given a conversation, then it asks for a JSON summary and next step in the manager's language, with the card and the messages", () => {
    const [system, user] = scoringPrompt({ messages, card, managerLanguage: 'ru' });

    expect(system!.content).toContain('Summarise the conversation in Russian (ru)');
    expect(system!.content).toContain('{"summary": "...", "nextStep": "..."}');
    expect(user!.content).toContain('Name: Ivan Petrov');
    expect(user!.content).toContain('[2026-12-01 10:03 UTC] Client: И можно ли оплатить картой?');
    expect(user!.content.split('\n').at(-1)).toBe(
      'Task: summarise this conversation and recommend the next step, in Russian, as JSON.',
    );
  });

  it('given templates passed along anyway, then no template goes in: scoring needs none', () => {
    const input = { ...adviceInput(), managerLanguage: 'en' };

    const prompt = textOf(scoringPrompt(input));

    expect(prompt).not.toContain('Delivery to {{city}}');
    expect(prompt).not.toContain('templates');
  });
});
