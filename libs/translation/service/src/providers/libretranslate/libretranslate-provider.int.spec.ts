import { freePort } from '@parley/test-infra';
import { LibreTranslateStandIn } from '../testing/libretranslate-stand-in';
import { describeTranslationProviderContract } from '../testing/translation-provider.contract';
import { LibreTranslateProvider } from './libretranslate-provider';

const API_KEY = 'lt-stand-in-key';

describeTranslationProviderContract('LibreTranslate', async () => {
  const standIn = await LibreTranslateStandIn.start(API_KEY);
  const unreachableUrl = `http://127.0.0.1:${await freePort()}`;
  return {
    standIn,
    provider: ({ timeoutMs }) =>
      new LibreTranslateProvider({ url: standIn.url, apiKey: API_KEY, timeoutMs }),
    unreachable: () => new LibreTranslateProvider({ url: unreachableUrl, apiKey: API_KEY }),
  };
});

describe('LibreTranslate adapter: what goes on the wire', () => {
  let standIn: LibreTranslateStandIn;
  afterEach(() => standIn.close());

  it('sends POST {url}/translate with q as an array, source auto, target, format text and api_key', async () => {
    standIn = await LibreTranslateStandIn.start(API_KEY);
    const provider = new LibreTranslateProvider({ url: `${standIn.url}/`, apiKey: API_KEY });

    await provider.translate({ texts: ['Привет', 'Hola'], target: 'en' });

    expect(standIn.server.received.map((r) => [r.method, r.path, r.body])).toEqual([
      [
        'POST',
        '/translate',
        { q: ['Привет', 'Hola'], source: 'auto', target: 'en', format: 'text', api_key: API_KEY },
      ],
    ]);
  });

  it('given a server without API keys and no key configured, then no api_key is sent', async () => {
    standIn = await LibreTranslateStandIn.start(null);
    const provider = new LibreTranslateProvider({ url: standIn.url });

    await expect(provider.translate({ texts: ['¡Hola!'], target: 'en' })).resolves.toEqual([
      { translation: '[en] ¡Hola!', detectedSource: 'es' },
    ]);
    expect(standIn.server.received[0]?.body).not.toHaveProperty('api_key');
  });

  it('given an answer that does not hold one translation per text, then it fails as unavailable', async () => {
    standIn = await LibreTranslateStandIn.start(null);
    const provider = new LibreTranslateProvider({ url: standIn.url });
    standIn.answerNext({ status: 200, json: { translatedText: '[en] Привет' } });

    await expect(
      provider.translate({ texts: ['Привет', 'Пока'], target: 'en' }),
    ).rejects.toMatchObject({ reason: 'unavailable', retryable: true });
  });
});
