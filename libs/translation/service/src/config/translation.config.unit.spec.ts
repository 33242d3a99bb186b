import { InvalidConfig, loadConfig } from '@parley/config';
import { TranslationConfig, translationOptionsFromConfig } from './translation.config';

const key32 = Buffer.alloc(32, 7).toString('base64');
const serviceAccount = JSON.stringify({
  type: 'service_account',
  project_id: 'parley-test',
  client_email: 'translator@parley-test.iam.gserviceaccount.com',
  private_key: '-----BEGIN PRIVATE KEY-----\nMII\n-----END PRIVATE KEY-----\n',
});

describe('the translation service’s config', () => {
  it('given nothing set, then no provider, no key', () => {
    expect(translationOptionsFromConfig(loadConfig(TranslationConfig, {}))).toEqual({
      google: null,
      libretranslate: null,
      secretKey: null,
    });
  });

  it('given a LibreTranslate server and a key, and Google by API key, then both providers and the key', () => {
    const config = loadConfig(TranslationConfig, {
      LIBRETRANSLATE_URL: 'http://libretranslate:5000',
      LIBRETRANSLATE_API_KEY: 'lt-key',
      GOOGLE_TRANSLATE_API_KEY: 'g-key',
      PARLEY_SECRET_KEY: key32,
    });

    expect(translationOptionsFromConfig(config)).toEqual({
      google: { credentials: { kind: 'api_key', apiKey: 'g-key' } },
      libretranslate: { url: 'http://libretranslate:5000', apiKey: 'lt-key' },
      secretKey: key32,
    });
  });

  it('given a service account JSON key and a stand-in base URL, then Google signs with the account there', () => {
    const config = loadConfig(TranslationConfig, {
      GOOGLE_TRANSLATE_CREDENTIALS: serviceAccount,
      GOOGLE_TRANSLATE_API_KEY: 'g-key',
      GOOGLE_TRANSLATE_BASE_URL: 'http://127.0.0.1:9/language/translate/v2',
    });

    expect(translationOptionsFromConfig(config).google).toEqual({
      credentials: {
        kind: 'service_account',
        clientEmail: 'translator@parley-test.iam.gserviceaccount.com',
        privateKey: '-----BEGIN PRIVATE KEY-----\nMII\n-----END PRIVATE KEY-----\n',
        projectId: 'parley-test',
      },
      baseUrl: 'http://127.0.0.1:9/language/translate/v2',
    });
  });

  it('given a key that is not 32 bytes of base64 and credentials that are not a key, then both are named, neither shown', () => {
    const load = () =>
      loadConfig(TranslationConfig, {
        PARLEY_SECRET_KEY: 'c2hvcnQ=',
        GOOGLE_TRANSLATE_CREDENTIALS: '{"private_key": "secret-pem"}',
        LIBRETRANSLATE_URL: 'libretranslate:5000',
      });

    expect(load).toThrow(InvalidConfig);
    const message = (() => {
      try {
        load();
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toMatch(/PARLEY_SECRET_KEY: must be 32 bytes/);
    expect(message).toMatch(/GOOGLE_TRANSLATE_CREDENTIALS: must be a service account JSON key/);
    expect(message).toMatch(/LIBRETRANSLATE_URL: must be an http\(s\) URL/);
    expect(message).not.toContain('secret-pem');
    expect(message).not.toContain('c2hvcnQ=');
  });
});
