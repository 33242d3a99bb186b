import { eventsForCommand, handleCommand } from '@parley/command-handling';
import {
  clickIdOf,
  CRM_SERVICE,
  crmSettingsId,
  RecordConversionDataDto,
  streamName,
  validatePlain,
  type CommandEnvelope,
  type RecordConversionData,
} from '@parley/contracts';
import { contactDecider } from '@parley/crm-domain';
import { startCommandStandIn, type CommandStandIn } from '../testing/command-stand-in';
import {
  startTestGateway,
  TEST_SECRET,
  TEST_WORKSPACE,
  type TestGateway,
} from '../testing/test-gateway';
import { conversionKeySecret, conversionSignature } from './conversion-signature';

const CHAT = 'ws1:tg:1:42';
const CONTACT = 'ws1:contact:tg:42';
const KEY = 'ck_live_key_0001';
const REVOKED = 'ck_revoked_key_01';

describe('POST /api/conversions (A3): signed reports from external systems', () => {
  let gateway: TestGateway;
  let crm: CommandStandIn;
  const received = (): CommandEnvelope[] => crm.received;
  const contactStream = streamName('crm', CONTACT);

  /** The CRM's RecordConversion as the service runs it: the real contact decider and store. */
  const recordConversion = async (command: CommandEnvelope) => {
    const data = validatePlain<RecordConversionData>(
      RecordConversionDataDto,
      command.data,
      'RecordConversion',
    );
    const { contactId, ...conversion } = data;
    return handleCommand({
      store: gateway.store,
      streamName: streamName('crm', contactId),
      aggregateId: contactId,
      decider: contactDecider,
      command: { kind: 'RecordConversion', ...conversion },
      envelope: command,
      states: null,
    });
  };

  const seed = async (stream: string, type: string, data: object) => {
    const command: CommandEnvelope = {
      commandId: `seed-${type}-${stream}`,
      service: CRM_SERVICE,
      type: 'Seed',
      data: {},
      metadata: {
        workspaceId: TEST_WORKSPACE,
        aggregateId: stream,
        issuedAt: '2026-01-01T00:00:00.000Z',
        correlationId: 'seed',
        causationId: null,
        actor: { kind: 'system', id: 'seed' },
      },
    };
    await gateway.store.append(stream, eventsForCommand(command, stream, [{ type, data }]), {
      expected: 'any',
    });
  };

  beforeAll(async () => {
    gateway = await startTestGateway();
    crm = await startCommandStandIn(gateway, CRM_SERVICE, { RecordConversion: recordConversion });
    const settings = streamName('crm', crmSettingsId(TEST_WORKSPACE));
    for (const keyId of [KEY, REVOKED]) {
      await seed(settings, 'Crm.ConversionKeyCreated', {
        keyId,
        label: keyId,
        createdAt: '2026-01-01T00:00:00.000Z',
      });
    }
    await seed(settings, 'Crm.ConversionKeyRevoked', {
      keyId: REVOKED,
      revokedAt: '2026-01-02T00:00:00.000Z',
    });
    await seed(contactStream, 'Crm.ContactCreated', {
      contactId: CONTACT,
      conversationId: CHAT,
      channel: 'telegram',
      platform: 'telegram',
      telegramId: '42',
      username: null,
      firstName: 'Anna',
      lastName: null,
      languageCode: 'en',
      attribution: { source: null, campaign: null, ad: null, adSet: null, raw: null },
      started: false,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    await gateway.readStore.collection('cards').replaceOne(
      { _id: CHAT },
      {
        _id: CHAT,
        workspaceId: TEST_WORKSPACE,
        contact: { contactId: CONTACT, clickId: clickIdOf(CONTACT) },
        deal: null,
      },
      { upsert: true },
    );
  }, 60_000);

  afterAll(async () => {
    await crm?.stop();
    await gateway?.close();
  });

  const now = () => Math.floor(Date.now() / 1000);
  const post = async (
    body: unknown,
    o: { keyId?: string; timestamp?: number; sign?: (raw: string, ts: string) => string } = {},
  ) => {
    const raw = JSON.stringify(body);
    const keyId = o.keyId ?? KEY;
    const ts = String(o.timestamp ?? now());
    const secret = conversionKeySecret(TEST_SECRET, TEST_WORKSPACE, keyId);
    const response = await fetch(`${gateway.url}/api/conversions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'parley-key': keyId,
        'parley-timestamp': ts,
        'parley-signature': o.sign ? o.sign(raw, ts) : conversionSignature(secret, ts, raw),
      },
      body: raw,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const conversionsStored = async () =>
    (await gateway.store.readStream(contactStream)).filter(
      (r) => r.event.type === 'Crm.ConversionRecorded',
    );

  it('given a signed deposit by Telegram id, then 202 and the contact records it with its money', async () => {
    const { status } = await post({
      type: 'deposit',
      externalId: 'dep-1',
      telegramId: '42',
      amount: '100.5',
      currency: 'USD',
      accountId: 'acc-9',
    });
    expect(status).toBe(202);
    const [stored] = await conversionsStored();
    expect(stored?.event).toMatchObject({
      data: {
        contactId: CONTACT,
        conversionType: 'deposit',
        externalId: 'dep-1',
        keyId: KEY,
        amount: '100.50',
        amountMinor: 10050,
        currency: 'USD',
        accountId: 'acc-9',
      },
      metadata: { actor: { kind: 'system', id: `conversion-key:${KEY}` } },
    });
  });

  it('given the same external id again, even with another amount and a new signature, then one effect', async () => {
    const before = (await conversionsStored()).length;
    const { status } = await post({
      type: 'deposit',
      externalId: 'dep-1',
      telegramId: '42',
      amount: '999',
      currency: 'USD',
    });
    expect(status).toBe(202);
    expect(await conversionsStored()).toHaveLength(before);
  });

  it('given a registration by the click id of the registration link, then it lands on that contact', async () => {
    const { status } = await post({
      type: 'registration',
      externalId: 'reg-1',
      clickId: clickIdOf(CONTACT),
      occurredAt: 1_790_000_000,
    });
    expect(status).toBe(202);
    const registration = (await conversionsStored()).find(
      (r) => (r.event.data as { externalId: string }).externalId === 'reg-1',
    );
    expect(registration?.event.data).toMatchObject({
      conversionType: 'registration',
      amount: null,
      occurredAt: new Date(1_790_000_000_000).toISOString(),
    });
  });

  it('given a click id no client has, then 404 saying so', async () => {
    const { status, body } = await post({
      type: 'registration',
      externalId: 'reg-x',
      clickId: 'A'.repeat(22),
    });
    expect(status).toBe(404);
    expect(body['message']).toMatch(/click id/);
  });

  it('given a wrong signature, then 401 and nothing is sent to the CRM', async () => {
    const before = received().length;
    const { status, body } = await post(
      { type: 'registration', externalId: 'reg-2', telegramId: '42' },
      { sign: () => `sha256=${'0'.repeat(64)}` },
    );
    expect(status).toBe(401);
    expect(body['message']).toMatch(/signature does not match/);
    expect(received()).toHaveLength(before);
  });

  it('given a timestamp older than 5 minutes, then 401 as a replay', async () => {
    const { status, body } = await post(
      { type: 'registration', externalId: 'reg-3', telegramId: '42' },
      { timestamp: now() - 301 },
    );
    expect(status).toBe(401);
    expect(body['message']).toMatch(/5 minutes/);
  });

  it('given a revoked key or an unknown one, then 401', async () => {
    for (const keyId of [REVOKED, 'ck_nobody_knows_it']) {
      const { status, body } = await post(
        { type: 'registration', externalId: 'reg-4', telegramId: '42' },
        { keyId },
      );
      expect(status).toBe(401);
      expect(body['message']).toMatch(/unknown or revoked/);
    }
  });

  it('given a signed but malformed body, then 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ type: 'refund', externalId: 'x1', telegramId: '42' }, 'type'],
      [{ type: 'deposit', externalId: 'x2', telegramId: '42', currency: 'USD' }, 'amount'],
      [
        { type: 'deposit', externalId: 'x3', telegramId: '42', amount: '1', currency: 'XXY' },
        'currency',
      ],
      [{ type: 'registration', externalId: 'x4', telegramId: 'anna' }, 'telegramId'],
      [{ type: 'registration', telegramId: '42' }, 'externalId'],
      [
        { type: 'registration', externalId: 'x5', telegramId: '42', clickId: clickIdOf(CONTACT) },
        'telegramId',
      ],
    ];
    for (const [body, field] of cases) {
      const response = await post(body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      const issues = (response.body['issues'] as { field: string }[]).map((i) => i.field);
      expect(issues).toContain(field);
    }
  });
});
