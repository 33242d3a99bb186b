import { generateKeyPairSync } from 'node:crypto';
import { freePort } from '@parley/test-infra';
import { TranslationProviderError } from '../translation-provider-error';
import { GoogleTranslateStandIn } from '../testing/google-translate-stand-in';
import { describeTranslationProviderContract } from '../testing/translation-provider.contract';
import { GoogleTranslationProvider, type GoogleCredentials } from './google-translation-provider';

const API_KEY = 'AIza-stand-in-key';
const serviceAccount = (() => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    clientEmail: 'translator@parley-test.iam.gserviceaccount.com',
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
})();
const SERVICE_ACCOUNT: GoogleCredentials = {
  kind: 'service_account',
  clientEmail: serviceAccount.clientEmail,
  privateKey: serviceAccount.privateKey,
  projectId: 'parley-test',
};

const unreachableAt = async (credentials: GoogleCredentials) =>
  new GoogleTranslationProvider({
    credentials,
    baseUrl: `http://127.0.0.1:${await freePort()}/language/translate/v2`,
    timeoutMs: 5_000,
  });

describeTranslationProviderContract('Google v2 with an API key', async () => {
  const standIn = await GoogleTranslateStandIn.start({ apiKey: API_KEY });
  const unreachable = await unreachableAt({ kind: 'api_key', apiKey: API_KEY });
  return {
    standIn,
    provider: ({ timeoutMs }) =>
      new GoogleTranslationProvider({
        credentials: { kind: 'api_key', apiKey: API_KEY },
        baseUrl: standIn.baseUrl,
        timeoutMs,
      }),
    unreachable: () => unreachable,
  };
});

describeTranslationProviderContract('Google v2 with a service account', async () => {
  const standIn = await GoogleTranslateStandIn.start(serviceAccount);
  const unreachable = await unreachableAt(SERVICE_ACCOUNT);
  return {
    standIn,
    provider: ({ timeoutMs }) =>
      new GoogleTranslationProvider({
        credentials: SERVICE_ACCOUNT,
        baseUrl: standIn.baseUrl,
        timeoutMs,
      }),
    unreachable: () => unreachable,
  };
});

describe('Google v2 adapter: what goes on the wire', () => {
  let standIn: GoogleTranslateStandIn;
  afterEach(() => standIn.close());

  it('given an API key, then it goes in the `key` query parameter, with the texts as a JSON `q` array and format text', async () => {
    standIn = await GoogleTranslateStandIn.start({ apiKey: API_KEY });
    const provider = new GoogleTranslationProvider({
      credentials: { kind: 'api_key', apiKey: API_KEY },
      baseUrl: standIn.baseUrl,
    });

    await provider.translate({ texts: ['<b>Привет</b>'], target: 'en' });

    const [request] = standIn.server.received;
    expect(request?.query.get('key')).toBe(API_KEY);
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.body).toEqual({ q: ['<b>Привет</b>'], target: 'en', format: 'text' });
  });

  it('given a service account, then each request carries a JWT signed by its key, and no token is fetched first', async () => {
    standIn = await GoogleTranslateStandIn.start(serviceAccount);
    const provider = new GoogleTranslationProvider({
      credentials: SERVICE_ACCOUNT,
      baseUrl: standIn.baseUrl,
    });

    await provider.translate({ texts: ['Привет'], target: 'en' });
    await provider.translate({ texts: ['Пока'], target: 'en' });

    // The stand-in refuses any request whose bearer token the key did not sign.
    expect(standIn.server.received.map((r) => r.path.replace(/\/$/, ''))).toEqual([
      '/language/translate/v2',
      '/language/translate/v2',
    ]);
    expect(standIn.server.received[0]?.headers.authorization).toMatch(/^Bearer ey/);
  });

  it('given a service account whose key the stand-in does not know, then it fails as invalid credentials', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    standIn = await GoogleTranslateStandIn.start({
      clientEmail: serviceAccount.clientEmail,
      publicKeyPem: other.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
    const provider = new GoogleTranslationProvider({
      credentials: SERVICE_ACCOUNT,
      baseUrl: standIn.baseUrl,
    });

    await expect(provider.translate({ texts: ['Привет'], target: 'en' })).rejects.toMatchObject({
      reason: 'invalid_credentials',
      retryable: false,
    });
  });

  it("given Google's 403 userRateLimitExceeded, then it is a retryable spent quota", async () => {
    standIn = await GoogleTranslateStandIn.start({ apiKey: API_KEY });
    const provider = new GoogleTranslationProvider({
      credentials: { kind: 'api_key', apiKey: API_KEY },
      baseUrl: standIn.baseUrl,
    });
    standIn.answerNext({
      status: 403,
      json: {
        error: {
          code: 403,
          message: 'User Rate Limit Exceeded',
          errors: [
            {
              message: 'User Rate Limit Exceeded',
              domain: 'usageLimits',
              reason: 'userRateLimitExceeded',
            },
          ],
        },
      },
    });

    const failure = await provider.translate({ texts: ['Привет'], target: 'en' }).catch((e) => e);

    expect(failure).toBeInstanceOf(TranslationProviderError);
    expect(failure).toMatchObject({ reason: 'quota_exceeded', retryable: true });
    expect(standIn.server.received).toHaveLength(1);
  });

  it('given an error, then its message does not carry the API key', async () => {
    standIn = await GoogleTranslateStandIn.start({ apiKey: 'another-key' });
    const provider = new GoogleTranslationProvider({
      credentials: { kind: 'api_key', apiKey: API_KEY },
      baseUrl: standIn.baseUrl,
    });

    const failure = (await provider
      .translate({ texts: ['Привет'], target: 'en' })
      .catch((e) => e)) as TranslationProviderError;

    expect(failure.reason).toBe('invalid_credentials');
    expect(failure.message).not.toContain(API_KEY);
  });
});
