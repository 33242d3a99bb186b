import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sampleStartUpdate } from '@parley/channel-telegram/testing';
import type {
  ClientCard,
  CreateConversionKeyResponse,
  CreateTrackingLinkResponse,
  TrackingLinkList,
} from '@parley/contracts';
import { waitUntil } from '@parley/test-infra';
import { ParleyApiClient } from '../journey/parley-api-client';
import { startStandaloneParley, type StandaloneParley } from '../journey/standalone-parley';

/**
 * A client who came through an admin's tracking link converts at an external system, which
 * reports it signed with a conversion key (issue 10, R2, A3, R7), on `npm start`. The deposit is
 * posted by the shell recipe README documents (openssl + curl), run as written.
 */
describe('tracking links and signed conversions, on npm start', () => {
  let parley: StandaloneParley;
  let admin: ParleyApiClient;
  const CLIENT = 710001;

  beforeAll(async () => {
    parley = await startStandaloneParley('conversions');
    admin = new ParleyApiClient(parley.baseUrl);
    await admin.signIn(parley.f.admin.email, parley.f.admin.password);
  }, 120_000);

  afterAll(() => parley?.close());

  /** README's "Conversions from external systems" shell example, taken from README itself. */
  const readmeRecipe = (): string => {
    const readme = readFileSync(path.join(__dirname, '../../../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Conversions from external systems'));
    const recipe = /```bash\n([\s\S]*?)```/.exec(section)?.[1];
    if (!recipe) throw new Error('README lost its signed conversion example');
    return recipe;
  };

  it('attributes the client to the link, records a signed deposit once, and a registration by click id', async () => {
    const { f, baseUrl, webhook } = parley;
    const link = await admin.request('POST', '/api/crm/tracking-links', {
      source: 'facebook',
      campaign: 'black-friday',
    });
    expect(link.status).toBe(202);
    const { key } = (await link.json()) as CreateTrackingLinkResponse;

    expect(
      (await webhook.post(sampleStartUpdate({ updateId: 1, chatId: CLIENT, payload: key }))).status,
    ).toBe(200);
    const conversationId = f.conversationId(CLIENT);
    const card = await waitUntil('the attributed card', async () => {
      const res = await admin.request('GET', `/api/chats/${conversationId}/card`);
      const c = res.status === 200 ? ((await res.json()) as ClientCard) : null;
      return c?.contact ? c : undefined;
    });
    expect(card.contact?.attribution).toMatchObject({
      source: 'facebook',
      campaign: 'black-friday',
      linkKey: key,
    });
    const links = await admin.json<TrackingLinkList>('/api/crm/tracking-links');
    expect(links.items.find((l) => l.key === key)).toMatchObject({
      clients: 1,
      deepLink: `https://t.me/parley_e2e_bot?start=${key}`,
    });

    const created = await admin.request('POST', '/api/crm/conversion-keys', { label: 'Broker' });
    expect(created.status).toBe(202);
    const { keyId, secret } = (await created.json()) as CreateConversionKeyResponse;

    const deposit = JSON.stringify({
      type: 'deposit',
      externalId: 'dep-1001',
      telegramId: String(CLIENT),
      amount: '250.00',
      currency: 'USD',
      accountId: 'acc-77',
    });
    const recipe = readmeRecipe()
      // The placeholders become the test's key, secret and body (from the environment).
      .replace('KEY=ck_...; SECRET=...; ', '')
      .replace(/^BODY=.*$/m, '')
      .replace('http://127.0.0.1:3000', baseUrl)
      .replace('curl -sS', 'curl -sS -o /dev/null -w "%{http_code}"');
    const post = () =>
      execFileSync('bash', ['-c', recipe], {
        env: { ...process.env, KEY: keyId, SECRET: secret, BODY: deposit },
        encoding: 'utf8',
      }).trim();
    expect(post()).toBe('202');
    const withSale = await waitUntil('the deposit on the card', async () => {
      const c = await admin.card(conversationId);
      return c.contact?.salesCount === 1 ? c : undefined;
    });
    expect(withSale.contact).toMatchObject({
      accountId: 'acc-77',
      salesByCurrency: { USD: { sumMinor: 25000, count: 1 } },
    });
    const chat = await admin.waitForChat((c) => c._id === conversationId, 'the chat');
    expect(chat.status).toBe('new_system_notification');
    await admin.waitForTimelineItem(
      conversationId,
      (i) => i.item.kind === 'action' && i.item.action === 'conversion.recorded',
      'the conversion on the timeline',
    );

    // The same report again (a broker's retry): accepted, nothing more recorded.
    expect(post()).toBe('202');
    const clickId = withSale.contact!.clickId!;
    const registration = JSON.stringify({
      type: 'registration',
      externalId: 'reg-1',
      clickId,
    });
    expect(
      execFileSync('bash', ['-c', recipe], {
        env: { ...process.env, KEY: keyId, SECRET: secret, BODY: registration },
        encoding: 'utf8',
      }).trim(),
    ).toBe('202');
    const registered = await waitUntil('the registration on the card', async () => {
      const c = await admin.card(conversationId);
      return c.contact?.registeredAt ? c : undefined;
    });
    expect(registered.contact?.salesCount).toBe(1);

    // Revoked: the same signed request is refused.
    expect((await admin.request('POST', `/api/crm/conversion-keys/${keyId}/revoke`)).status).toBe(
      202,
    );
    expect(post()).toBe('401');
  });
});
