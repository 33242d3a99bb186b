import { randomBytes } from 'node:crypto';
import { createKafkaBus } from '@parley/bus';
import { READ_MODEL_CHANGES_TOPIC, type LiveMessage } from '@parley/contracts';
import { testKafkaBrokers, waitUntil } from '@parley/test-infra';
import WebSocket from 'ws';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';

const listen = async (
  gateway: TestGateway,
): Promise<{ socket: WebSocket; messages: LiveMessage[] }> => {
  const { accessToken } = await gateway.signIn();
  const socket = new WebSocket(await gateway.liveUrl(accessToken));
  const messages: LiveMessage[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as LiveMessage));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, messages };
};

describe('gateway live push on Kafka, two replicas (L6, Scale)', () => {
  // A workspace of this run only: other suites publish changes on the same topic.
  const workspaceId = `ws${randomBytes(4).toString('hex')}`;
  const kafkaBus = (n: number) =>
    createKafkaBus({ brokers: testKafkaBrokers(), clientId: `gateway-live-test-${n}` });
  let replicas: TestGateway[] = [];

  beforeAll(async () => {
    replicas = await Promise.all(
      [1, 2].map((n) => startTestGateway({ bus: kafkaBus(n), workspaceId })),
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.close()));
  });

  it('given a browser on each replica, when the projector announces a change, then both browsers hear it', async () => {
    const browsers = await Promise.all(replicas.map((r) => listen(r)));
    const conversationId = `${workspaceId}:tg:1:1`;

    await replicas[0]!.bus.publish([
      {
        topic: READ_MODEL_CHANGES_TOPIC,
        key: conversationId,
        value: { workspaceId, conversationId, collections: ['chats'], position: '42' },
      },
    ]);

    for (const browser of browsers) {
      await waitUntil(
        'the change on every replica',
        () => (browser.messages.some((m) => m.type === 'changed') ? true : undefined),
        20_000,
      );
      expect(browser.messages.filter((m) => m.type === 'changed')).toEqual([
        { type: 'changed', workspaceId, conversationId, collections: ['chats'], position: '42' },
      ]);
      browser.socket.close();
    }
  });
});
