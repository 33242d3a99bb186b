/** The clients of the demo workspace and what they wrote (times are minutes before boot). */
export interface DemoClient {
  readonly telegramId: number;
  readonly firstName: string;
  readonly lastName: string | null;
  readonly username: string | null;
  readonly languageCode: string;
  /** The `/start` payload they arrived with (source-campaign-ad-adset), or null. */
  readonly startPayload: string | null;
  readonly messages: readonly { readonly minutesAgo: number; readonly text: string }[];
}

export const DEMO_CLIENTS: readonly DemoClient[] = [
  {
    telegramId: 700000001,
    firstName: 'Anna',
    lastName: 'Petrova',
    username: 'anna_p',
    languageCode: 'ru',
    // base64url of {"s":"facebook","c":"winter26","a":"ad12"}: a deep link built outside Parley (R2)
    startPayload: 'eyJzIjoiZmFjZWJvb2siLCJjIjoid2ludGVyMjYiLCJhIjoiYWQxMiJ9',
    messages: [
      { minutesAgo: 42, text: 'Здравствуйте! Хочу узнать про тарифы.' },
      { minutesAgo: 40, text: 'Есть ли скидка для новых клиентов?' },
    ],
  },
  {
    telegramId: 700000002,
    firstName: 'James',
    lastName: 'Miller',
    username: 'jmiller',
    languageCode: 'en',
    startPayload: 'google-search-ad7-brand',
    messages: [
      { minutesAgo: 25, text: 'Hi, I signed up yesterday but cannot log in. Can you help?' },
    ],
  },
  {
    telegramId: 700000003,
    firstName: 'Lucía',
    lastName: null,
    username: null,
    languageCode: 'es',
    startPayload: null,
    messages: [{ minutesAgo: 5, text: 'Hola, ¿cómo puedo depositar?' }],
  },
];
