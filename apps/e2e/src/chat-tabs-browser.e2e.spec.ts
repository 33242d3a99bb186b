import type { Browser, Page } from 'playwright-core';
import { sampleTextUpdate } from '@parley/channel-telegram/testing';
import { waitUntil } from '@parley/test-infra';
import { launchChromium } from './journey/browser';
import { chatListOf } from './journey/chat-list-page';
import { ParleyApiClient } from './journey/parley-api-client';
import type { JourneyFixture } from './journey/journey-fixture';
import {
  requireBuiltWebApp,
  signInInBrowser,
  startStandaloneParley,
  type StandaloneParley,
} from './journey/standalone-parley';

// L4 and L8 in a real browser against `npm start`: a manager pins one chat and archives another;
// the Pinned tab and the archive toggle show them, the archived chat comes back when its client
// writes; a robot's rule puts a chat under Auto, and the manager's reply moves it to Manual.

describe('chat list tabs, pin and archive in the browser (npm start, Chromium)', () => {
  let parley: StandaloneParley;
  let f: JourneyFixture;
  let browser: Browser;
  let manager: Page;
  const LENA = 760001;
  const OMAR = 760002;
  let updateId = 1;

  const clientWrites = async (chatId: number, firstName: string, text: string) => {
    const id = updateId++;
    const update = sampleTextUpdate({ updateId: id, messageId: id, chatId, firstName, text });
    expect((await parley.webhook.post(update)).status).toBe(200);
  };
  const { item: chatItem, shows } = chatListOf(
    () => manager,
    (chatId) => f.conversationId(chatId),
  );
  const count = async (tab: string) =>
    Number(await manager.getByTestId(`chat-tab-count-${tab}`).innerText());

  beforeAll(async () => {
    requireBuiltWebApp();
    parley = await startStandaloneParley('chat-tabs-browser');
    f = parley.f;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await parley?.close();
  });

  it('Given two chats, When the manager pins one and archives the other, Then the Pinned tab and the archive toggle show them, and a new message brings the archived chat back', async () => {
    await clientWrites(LENA, 'Lena', 'Hello!');
    await clientWrites(OMAR, 'Omar', 'Good morning');
    manager = await signInInBrowser(browser, parley.baseUrl, f.manager);
    await shows('both chats in All', [LENA, OMAR]);

    await chatItem(LENA).click();
    await manager.getByTestId('chat-pin').click();
    await chatItem(LENA).getByTestId('chat-pinned').waitFor({ timeout: 20_000 });
    expect(await manager.getByTestId('chat-pin').getAttribute('aria-pressed')).toBe('true');
    await manager.getByTestId('chat-tab-pinned').click();
    await shows('only Lena under Pinned', [LENA]);
    expect(await count('pinned')).toBe(1);
    await waitUntil('the pin on the timeline', async () =>
      /You pinned the chat/.test(await manager.getByTestId('timeline').innerText())
        ? true
        : undefined,
    );

    await manager.getByTestId('chat-tab-all').click();
    await shows('both chats again', [LENA, OMAR]);
    await chatItem(OMAR).click();
    await manager.getByTestId('chat-archive').click();
    await shows('Omar gone from the list', [LENA]);
    // The open chat stays open and says it is archived.
    await manager.getByTestId('chat-archived-note').waitFor();
    await manager.getByTestId('chat-archived-toggle').check();
    await shows('Omar under the archive toggle', [OMAR]);
    expect(await count('all')).toBe(1);
    await manager.getByTestId('chat-archived-toggle').uncheck();
    await shows('the list without Omar', [LENA]);

    await clientWrites(OMAR, 'Omar', 'Are you there?');
    await shows('Omar back when he writes', [LENA, OMAR]);
  });

  it('Given a robot’s rule, When it acts on a chat, Then the chat is under Auto until a manager replies, then under Manual', async () => {
    const admin = new ParleyApiClient(parley.baseUrl);
    await admin.signIn(f.admin.email, f.admin.password);
    const rule = await admin.request('POST', '/api/robots/rules', {
      definition: {
        name: 'Opening hours',
        trigger: { kind: 'keyword', keywords: ['hours'] },
        conditions: [],
        actions: [{ kind: 'add_tag', tag: 'asked-hours' }],
      },
    });
    expect(rule.status).toBe(202);

    await clientWrites(LENA, 'Lena', 'What are your opening hours?');
    await manager.getByTestId('chat-tab-auto').click();
    await shows('Lena under Auto', [LENA]);
    expect(await count('auto')).toBe(1);

    await chatItem(LENA).click();
    await manager.getByTestId('reply-input').fill('From 9 to 18, every day.');
    await manager.getByTestId('reply-send').click();
    await shows('nobody under Auto after the reply', []);
    await manager.getByTestId('chat-tab-manual').click();
    await shows('Lena and Omar under Manual', [LENA, OMAR]);
  });
});
