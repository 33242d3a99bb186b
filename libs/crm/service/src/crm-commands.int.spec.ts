import { randomBytes } from 'node:crypto';
import { describeOnKafka } from '@parley/bus/testing';
import {
  commandsTopic,
  deterministicId,
  newId,
  streamName,
  telegramContactId,
  telegramConversationId,
  telegramDealId,
  type ChannelMessageReceived,
  type ClientStarted,
  type CommandEnvelope,
} from '@parley/contracts';
import { realEngines, startServiceHarness, type ServiceHarness } from '@parley/platform/testing';
import { waitUntil } from '@parley/test-infra';
import { CrmServiceModule, crmStream } from './index';

const hex = () => randomBytes(4).toString('hex');

describeOnKafka('crm service commands', () => {
  describe('crm service commands on PostgreSQL + Kafka', () => {
    const workspaceId = `ws${hex()}`;
    const service = `crm-test-${hex()}`;
    const who = String(Number.parseInt(hex(), 16));
    const contactId = telegramContactId(workspaceId, who);
    const dealId = telegramDealId(workspaceId, who);
    let harness: ServiceHarness<{ timeoutMs: number }>;

    beforeAll(async () => {
      harness = await startServiceHarness({
        engines: realEngines('crm'),
        serviceName: service,
        workspaceId,
        modules: [CrmServiceModule.register({ service })],
        commandSender: { timeoutMs: 30_000 },
      });
      await harness.store.append(
        streamName('channel', telegramConversationId(workspaceId, '111', who)),
        [clientEvent(who, { payload: null })],
        { expected: 'any' },
      );
      await waitUntil('the deal', async () =>
        (await harness.store.readStream(crmStream(dealId))).length > 0 ? true : undefined,
      );
      // A fresh topic and consumer groups on Kafka: ask (a no-op) until the service answers.
      await waitUntil('the crm service answers', async () => {
        const noOp = command(`${workspaceId}:crm_settings`, 'ChangeTagSettings', {
          managersCreateTags: false,
          actorRole: 'admin',
        });
        return harness.sender.send(noOp, 5_000).catch(() => undefined);
      });
    }, 120_000);

    afterAll(async () => {
      await harness?.close();
    });

    /** `/start <payload>` (or a text message when `payload` is undefined) from client `who`. */
    function clientEvent(
      client: string,
      o: { payload?: string | null; updateId?: number },
    ): ClientStarted | ChannelMessageReceived {
      const conversationId = telegramConversationId(workspaceId, '111', client);
      const updateId = o.updateId ?? 1;
      const eventId = deterministicId('tg', '111', client, updateId);
      const source = {
        channel: 'telegram',
        botId: '111',
        chatId: client,
        conversationId,
        client: {
          externalId: client,
          username: null,
          firstName: 'Anna',
          lastName: null,
          languageCode: 'en',
        },
        updateId,
        sentAt: '2026-01-01T10:00:00.000Z',
      } as const;
      const metadata = {
        eventId,
        workspaceId,
        aggregateId: conversationId,
        occurredAt: '2026-01-01T10:00:00.000Z',
        schemaVersion: 1,
        correlationId: eventId,
        causationId: null,
        actor: { kind: 'client', id: client },
      } as const;
      return o.payload === undefined
        ? {
            type: 'Channel.MessageReceived',
            data: {
              ...source,
              externalMessageId: String(updateId),
              content: { kind: 'text', text: 'hello' },
            },
            metadata,
          }
        : { type: 'Channel.ClientStarted', data: { ...source, payload: o.payload }, metadata };
    }
    const clientWrites = async (
      client: string,
      o: { payload?: string | null; updateId?: number },
    ) =>
      harness.store.append(
        streamName('channel', telegramConversationId(workspaceId, '111', client)),
        [clientEvent(client, o)],
        { expected: 'any' },
      );

    function command(aggregateId: string, type: string, data: object): CommandEnvelope {
      return {
        commandId: newId(),
        service,
        type,
        data,
        metadata: {
          workspaceId,
          aggregateId,
          issuedAt: '2026-01-02T10:00:00.000Z',
          correlationId: newId(),
          causationId: null,
          actor: { kind: 'manager', id: 'manager-1' },
        },
      };
    }
    const eventsOf = async (aggregateId: string) =>
      (await harness.store.readStream(crmStream(aggregateId))).map((r) => r.event);

    it('given a contact, when a sale is recorded, then accepted with its position, one SaleRecorded; the same command again changes nothing', async () => {
      const sale = command(contactId, 'RecordSale', {
        contactId,
        saleId: newId(),
        accountId: 'acc-7',
        amount: '125.5',
        currency: 'USD',
      });
      const outcome = await harness.sender.send(sale);
      expect(outcome).toMatchObject({
        status: 'accepted',
        positions: [{ streamName: crmStream(contactId) }],
      });
      // The same command delivered again (its outcome stands, so nobody is answered), then a
      // later command on the same key: once that is answered, the repeat has been handled.
      await harness.bus.publish([{ topic: commandsTopic(service), key: contactId, value: sale }]);
      const marker = await harness.sender.send(
        command(contactId, 'EditContact', { contactId, country: 'DE' }),
      );
      expect(marker).toMatchObject({ status: 'accepted' });
      const sales = (await eventsOf(contactId)).filter((e) => e.type === 'Crm.SaleRecorded');
      expect(sales).toHaveLength(1);
      expect(sales[0]).toMatchObject({
        data: { amount: '125.50', amountMinor: 12550, currency: 'USD', accountId: 'acc-7' },
        metadata: { causationId: sale.commandId, actor: { kind: 'manager', id: 'manager-1' } },
      });
    });

    it('given managers may not create tags, when a manager adds an unknown tag, then rejected with the reason; when an admin does, then the tag is created and added', async () => {
      const byManager = await harness.sender.send(
        command(contactId, 'AddTag', { contactId, name: 'VIP', actorRole: 'manager' }),
      );
      expect(byManager).toMatchObject({ status: 'rejected', code: 'tag.unknown' });
      const byAdmin = await harness.sender.send(
        command(contactId, 'AddTag', { contactId, name: 'VIP', actorRole: 'admin' }),
      );
      expect(byAdmin).toMatchObject({ status: 'accepted' });
      expect((await eventsOf(`${workspaceId}:crm_settings`)).map((e) => e.type)).toEqual([
        'Crm.TagCreated',
      ]);
      expect((await eventsOf(contactId)).at(-1)).toMatchObject({
        type: 'Crm.TagAdded',
        data: { tag: { name: 'VIP', colour: '#9e9e9e' } },
      });
    });

    it('given an admin retired a stage, when a manager moves the deal there, then rejected with the reason; to a live stage, accepted', async () => {
      const retire = await harness.sender.send(
        command(`${workspaceId}:crm_settings`, 'RetireStage', {
          stageId: 'lost',
          actorRole: 'admin',
        }),
      );
      expect(retire).toMatchObject({ status: 'accepted' });
      expect(
        await harness.sender.send(command(dealId, 'MoveDealToStage', { dealId, stageId: 'lost' })),
      ).toMatchObject({
        status: 'rejected',
        code: 'stage.retired',
        reason: 'The stage "Lost" is retired: move the deal to a live stage.',
      });
      expect(
        await harness.sender.send(
          command(dealId, 'MoveDealToStage', { dealId, stageId: 'registered' }),
        ),
      ).toMatchObject({ status: 'accepted' });
      expect((await eventsOf(dealId)).at(-1)).toMatchObject({
        type: 'Crm.DealStageChanged',
        data: { from: 'new', to: 'registered', toName: 'Registered' },
      });
    });

    it('given a broken amount, then rejected as validation.failed naming the field', async () => {
      const outcome = await harness.sender.send(
        command(contactId, 'RecordSale', {
          contactId,
          saleId: newId(),
          accountId: 'a',
          amount: '1.234',
          currency: 'USD',
        }),
      );
      expect(outcome).toMatchObject({ status: 'rejected', code: 'validation.failed' });
      expect((outcome as { reason: string }).reason).toContain('amount');
    });

    it("given an admin's tracking link, when a new client's /start carries its key, then the contact is attributed to the link", async () => {
      const key = `k${hex()}`;
      const created = await harness.sender.send(
        command(`${workspaceId}:crm_settings`, 'CreateTrackingLink', {
          key,
          source: 'facebook',
          platform: 'instagram',
          campaign: 'black-friday',
          ad: null,
          adSet: null,
          actorRole: 'admin',
        }),
      );
      expect(created).toMatchObject({ status: 'accepted' });
      const client = String(Number.parseInt(hex(), 16));
      await clientWrites(client, { payload: key });
      const contact = telegramContactId(workspaceId, client);
      const [first] = await waitUntil('the contact', async () => {
        const events = await eventsOf(contact);
        return events.length > 0 ? events : undefined;
      });
      expect(first).toMatchObject({
        type: 'Crm.ContactCreated',
        data: {
          started: true,
          attribution: {
            source: 'facebook',
            platform: 'instagram',
            campaign: 'black-friday',
            linkKey: key,
            raw: key,
          },
        },
      });
    });

    it('given a contact a message created, then its first /start records the attribution and a later /start changes nothing', async () => {
      const client = String(Number.parseInt(hex(), 16));
      const contact = telegramContactId(workspaceId, client);
      await clientWrites(client, { updateId: 1 });
      await waitUntil('the contact', async () =>
        (await eventsOf(contact)).length > 0 ? true : undefined,
      );
      const payload = Buffer.from(JSON.stringify({ s: 'google', c: 'spring' })).toString(
        'base64url',
      );
      await clientWrites(client, { payload, updateId: 2 });
      await clientWrites(client, { payload: 'something-else', updateId: 3 });
      // A message after both: once the CRM has handled it (the deal exists), so have the /starts.
      const later = String(Number.parseInt(hex(), 16));
      await clientWrites(later, { updateId: 4 });
      await waitUntil('the later client', async () =>
        (await eventsOf(telegramDealId(workspaceId, later))).length > 0 ? true : undefined,
      );
      const recorded = await waitUntil('the attribution', async () => {
        const events = (await eventsOf(contact)).filter(
          (e) => e.type === 'Crm.AttributionRecorded',
        );
        return events.length > 0 ? events : undefined;
      });
      expect(recorded).toHaveLength(1);
      expect(recorded[0]).toMatchObject({
        data: {
          attribution: { source: 'google', campaign: 'spring', linkKey: null, raw: payload },
        },
      });
    });

    it('given a conversion reported twice under two command ids, then the contact records its external id once', async () => {
      const report = () =>
        command(contactId, 'RecordConversion', {
          contactId,
          conversionType: 'deposit',
          externalId: 'dep-77',
          keyId: 'ck_test',
          amount: '10',
          currency: 'EUR',
          accountId: null,
          occurredAt: '2026-01-03T00:00:00.000Z',
        });
      expect(await harness.sender.send(report())).toMatchObject({ status: 'accepted' });
      expect(await harness.sender.send(report())).toMatchObject({
        status: 'accepted',
        positions: [],
      });
      const conversions = (await eventsOf(contactId)).filter(
        (e) => e.type === 'Crm.ConversionRecorded',
      );
      expect(conversions).toHaveLength(1);
      expect(conversions[0]).toMatchObject({
        data: { amount: '10.00', amountMinor: 1000, currency: 'EUR', externalId: 'dep-77' },
      });
    });

    it('given conversion keys and a tag, when an admin creates and revokes a key and deletes the tag, then the settings stream says so; a manager is refused', async () => {
      const settings = `${workspaceId}:crm_settings`;
      const keyId = `ck_${hex()}${hex()}`;
      expect(
        await harness.sender.send(
          command(settings, 'CreateConversionKey', { keyId, label: 'Broker', actorRole: 'admin' }),
        ),
      ).toMatchObject({ status: 'accepted' });
      expect(
        await harness.sender.send(
          command(settings, 'RevokeConversionKey', { keyId, actorRole: 'manager' }),
        ),
      ).toMatchObject({ status: 'rejected', code: 'role.admin_only' });
      expect(
        await harness.sender.send(
          command(settings, 'RevokeConversionKey', { keyId, actorRole: 'admin' }),
        ),
      ).toMatchObject({ status: 'accepted' });
      await harness.sender.send(
        command(settings, 'CreateTag', { name: 'Gone', colour: '#00ff00', actorRole: 'admin' }),
      );
      expect(
        await harness.sender.send(
          command(settings, 'DeleteTag', { name: 'gone', actorRole: 'admin' }),
        ),
      ).toMatchObject({ status: 'accepted' });
      const types = (await eventsOf(settings)).map((e) => e.type);
      expect(types).toEqual(
        expect.arrayContaining([
          'Crm.ConversionKeyCreated',
          'Crm.ConversionKeyRevoked',
          'Crm.TagDeleted',
        ]),
      );
    });
  });
});
