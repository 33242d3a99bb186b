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
      const conversationId = telegramConversationId(workspaceId, '111', who);
      const eventId = deterministicId('tg', '111', who);
      const started: ClientStarted = {
        type: 'Channel.ClientStarted',
        data: {
          channel: 'telegram',
          botId: '111',
          chatId: who,
          conversationId,
          client: {
            externalId: who,
            username: null,
            firstName: 'Anna',
            lastName: null,
            languageCode: 'en',
          },
          payload: null,
          updateId: 1,
          sentAt: '2026-01-01T10:00:00.000Z',
        },
        metadata: {
          eventId,
          workspaceId,
          aggregateId: conversationId,
          occurredAt: '2026-01-01T10:00:00.000Z',
          schemaVersion: 1,
          correlationId: eventId,
          causationId: null,
          actor: { kind: 'client', id: who },
        },
      };
      await harness.store.append(streamName('channel', conversationId), [started], {
        expected: 'any',
      });
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
  });
});
