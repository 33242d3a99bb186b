import type { AdviceInput, ClientCardForPrompt, MessageForPrompt } from './prompt-input';

/** Sample prompt inputs for the specs of this folder. */

export const card: ClientCardForPrompt = {
  name: 'Ivan Petrov',
  stage: 'qualified',
  tags: ['vip', 'from-ads'],
  languageCode: 'ru',
};

/** `count` messages a minute apart, alternating client and manager, numbered from 1. */
export const conversation = (count: number, length = 20): MessageForPrompt[] =>
  Array.from({ length: count }, (_, i) => ({
    direction: i % 2 === 0 ? ('in' as const) : ('out' as const),
    author: i % 2 === 0 ? '' : 'Anna',
    text: `message ${i + 1} `.padEnd(length, 'x'),
    at: new Date(Date.UTC(2026, 11, 1, 10, i)).toISOString(),
  }));

export const adviceInput = (overrides: Partial<AdviceInput> = {}): AdviceInput => ({
  messages: [
    {
      direction: 'in',
      author: '',
      text: 'Здравствуйте, сколько стоит доставка в Казань?',
      translation: 'Hello, how much is delivery to Kazan?',
      at: '2026-12-01T10:00:00.000Z',
    },
    {
      direction: 'out',
      author: 'Anna',
      text: 'Good afternoon! Let me check.',
      translation: 'Добрый день! Сейчас проверю.',
      at: '2026-12-01T10:02:00.000Z',
    },
    {
      direction: 'in',
      author: '',
      text: 'И можно ли оплатить картой?',
      translation: 'And can I pay by card?',
      at: '2026-12-01T10:03:00.000Z',
    },
  ],
  card,
  templates: [
    { name: 'Delivery', text: 'Delivery to {{city}} costs 500 ₽ and takes 2 days.' },
    { name: 'Payment', text: 'We accept cards, cash and bank transfer.' },
  ],
  managerLanguage: 'en',
  ...overrides,
});

/** All of a prompt's text. */
export const textOf = (messages: readonly { content: string }[]): string =>
  messages.map((message) => message.content).join('\n');

/** All of a prompt's characters. */
export const lengthOf = (messages: readonly { content: string }[]): number =>
  messages.reduce((sum, message) => sum + message.content.length, 0);
