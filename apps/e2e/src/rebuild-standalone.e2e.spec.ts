import { spawn } from 'node:child_process';
import path from 'node:path';
import { sampleTextUpdate } from '@parley/channel-telegram/testing';
import type { Page, TimelineItem } from '@parley/contracts';
import { freePort, REPO_ROOT, waitUntil } from '@parley/test-infra';
import { ParleyApiClient } from './journey/parley-api-client';
import { startStandaloneParley, type StandaloneParley } from './journey/standalone-parley';

// O4 on `npm start`, whose read models live in its memory: `npm run rebuild -- timeline --ops
// <its ops port>` rebuilds them inside the running process while a client keeps writing; every
// message is on the timeline once afterwards and the chat list answers throughout.

const runRebuild = (
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join(REPO_ROOT, 'tools/rebuild/main.ts'), ...args],
      { cwd: REPO_ROOT, env: process.env },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });

describe('npm run rebuild --ops against npm start (O4)', () => {
  let parley: StandaloneParley;
  let ops: string;
  let api: ParleyApiClient;
  const CLIENT = 790001;
  let updateId = 1;

  const clientWrites = async (text: string): Promise<void> => {
    const id = updateId++;
    const update = sampleTextUpdate({ updateId: id, messageId: id, chatId: CLIENT, text });
    expect((await parley.webhook.post(update)).status).toBe(200);
  };
  const messagesOnTimeline = async (): Promise<string[]> => {
    const conversationId = parley.f.conversationId(CLIENT);
    const response = await api.request(
      'GET',
      `/api/chats/${encodeURIComponent(conversationId)}/timeline?limit=200`,
    );
    expect(response.status).toBe(200);
    const page = (await response.json()) as Page<TimelineItem>;
    return page.items.flatMap((item) =>
      item.item.kind === 'message' && item.item.content.kind === 'text'
        ? [item.item.content.text]
        : [],
    );
  };

  beforeAll(async () => {
    const healthPort = await freePort();
    ops = `http://127.0.0.1:${healthPort}`;
    parley = await startStandaloneParley('rebuild', { HEALTH_PORT: String(healthPort) });
    api = new ParleyApiClient(parley.baseUrl);
    await api.signIn(parley.f.admin.email, parley.f.admin.password);
  });

  afterAll(async () => {
    await parley?.close();
  });

  it('given a client writing throughout, when the timeline is rebuilt through the ops port, then it switches and every message is there once', async () => {
    for (let i = 0; i < 5; i++) await clientWrites(`before ${i}`);
    await waitUntil('the first messages on the timeline', async () =>
      (await messagesOnTimeline()).length === 5 ? true : undefined,
    );

    let writing = true;
    let sent = 0;
    const writer = (async () => {
      while (writing) {
        await clientWrites(`during ${sent++}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const run = await runRebuild(['timeline', '--ops', ops]);
    writing = false;
    await writer;

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/done: timeline is version 2 \(timeline__v2\)/);
    const expected = [
      ...Array.from({ length: 5 }, (_, i) => `before ${i}`),
      ...Array.from({ length: sent }, (_, i) => `during ${i}`),
    ].sort();
    const texts = await waitUntil('every message on the rebuilt timeline', async () => {
      const now = await messagesOnTimeline();
      return now.length === expected.length ? now : undefined;
    });
    expect([...texts].sort()).toEqual(expected);
    expect((await api.chats()).items.map((chat) => chat._id)).toContain(
      parley.f.conversationId(CLIENT),
    );
  });

  it('given a read model that does not exist, then the ops port answers 400 and the tool exits 1 naming the read models', async () => {
    const run = await runRebuild(['timelines', '--ops', ops]);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/400: unknown read model "timelines": one of chats, timeline/);
  });
});
