import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { sampleTextUpdate } from '@parley/channel-telegram/testing';
import {
  CLIENT_MESSAGE_RECEIVED_SCHEMA_VERSION,
  deterministicId,
  streamName,
  telegramConversationId,
  type ClientMessageReceived,
  type ConversationStarted,
} from '@parley/contracts';
import { createPgliteEventStore, DEFAULT_SCHEMA, openPglite } from '@parley/eventstore';
import { SqlCheckpointStore } from '@parley/relay';
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

// Issue 11 in a real browser against `npm start`: the search box finds a chat by the client's
// name, by a tag and by a word of a message (opening the conversation scrolled to that message,
// pages above the newest); pin, archive and the archive toggle, mark unread, ignore; a filter
// in the address survives a reload; and a workspace of 10,000 chats scrolls to its end.

/**
 * Whether the marked timeline item is inside its scroller's visible box; a string run in the
 * page (this project compiles without the DOM's types).
 */
const HIGHLIGHT_IN_VIEW = `(() => {
  const item = document.querySelector('[data-testid="timeline-item"][data-highlighted="true"]');
  const scroller = item && item.closest('[data-virtuoso-scroller]');
  if (!item || !scroller) return false;
  const a = item.getBoundingClientRect();
  const b = scroller.getBoundingClientRect();
  return a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
})()`;

describe('finding a chat in the browser: search, filters, tabs (npm start, Chromium)', () => {
  let parley: StandaloneParley;
  let f: JourneyFixture;
  let browser: Browser;
  let manager: Page;
  let api: ParleyApiClient;
  const LENA = 780001;
  const OMAR = 780002;
  const IVAN = 780003;
  /** Lena writes more than a page of the timeline (50): the search hit is on the second page. */
  const LENA_MESSAGES = 70;
  let updateId = 1;

  const clientWrites = async (chatId: number, firstName: string, text: string, date?: number) => {
    const id = updateId++;
    const update = sampleTextUpdate({
      updateId: id,
      messageId: id,
      chatId,
      firstName,
      text,
      ...(date !== undefined && { date }),
    });
    expect((await parley.webhook.post(update)).status).toBe(200);
  };
  const { item: chatItem, shows } = chatListOf(
    () => manager,
    (chatId) => f.conversationId(chatId),
  );
  const search = async (text: string) => {
    await manager.getByTestId('search-input').fill(text);
  };
  const openFilters = async () => {
    if ((await manager.getByTestId('chat-filters').getAttribute('open')) === null)
      await manager.getByTestId('chat-filters-toggle').click();
  };
  const hitFor = (chatId: number): Locator =>
    manager.locator(
      `[data-testid="search-result"][data-conversation-id="${f.conversationId(chatId)}"]`,
    );

  beforeAll(async () => {
    requireBuiltWebApp();
    parley = await startStandaloneParley('chat-search-browser');
    f = parley.f;
    browser = await launchChromium();
    const base = Date.UTC(2026, 10, 20) / 1000;
    for (let i = 0; i < LENA_MESSAGES; i++) {
      const text =
        i === 1 ? 'Do you ship pomegranate juice to Porto?' : `Message number ${i} from Lena`;
      await clientWrites(LENA, 'Lena', text, base + i * 60);
    }
    await clientWrites(OMAR, 'Omar', 'Good morning', base + 100 * 60);
    await clientWrites(IVAN, 'Ivan', 'Any discounts this week?', base + 101 * 60);
    const admin = new ParleyApiClient(parley.baseUrl);
    await admin.signIn(f.admin.email, f.admin.password);
    const tag = await admin.request('POST', '/api/crm/tags', {
      name: 'wholesale',
      colour: '#2a9d8f',
    });
    expect(tag.status).toBe(202);
    api = new ParleyApiClient(parley.baseUrl);
    await api.signIn(f.manager.email, f.manager.password);
    await api.waitForChat((c) => c._id === f.conversationId(IVAN), 'Ivan projected');
    await api.waitForChat(
      (c) => c._id === f.conversationId(LENA) && c.unreadCount >= LENA_MESSAGES,
      'every message of Lena projected',
    );
    const tagged = await api.request(
      'POST',
      `/api/chats/${encodeURIComponent(f.conversationId(OMAR))}/tags`,
      { name: 'wholesale' },
    );
    expect(tagged.status).toBe(202);
    manager = await signInInBrowser(browser, parley.baseUrl, f.manager);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await parley?.close();
  });

  // Each step starts from the chat list, whatever the step before left in the search box.
  beforeEach(async () => {
    if (manager) await search('');
  });

  it('Given three chats, When the manager searches by a name and by a tag, Then the hits show the contact, the tags and the match marked', async () => {
    await shows('the three chats', [LENA, OMAR, IVAN]);
    // The `/` shortcut puts the cursor in the search box.
    await manager.locator('body').press('/');
    expect(await manager.evaluate("document.activeElement?.getAttribute('data-testid')")).toBe(
      'search-input',
    );
    await manager.keyboard.type('Lena');
    await hitFor(LENA).first().waitFor({ timeout: 20_000 });
    expect(await hitFor(LENA).first().locator('mark').first().innerText()).toMatch(/lena/i);
    expect(await manager.getByTestId('chat-list').count()).toBe(0);

    await search('wholesale');
    await hitFor(OMAR).first().waitFor({ timeout: 20_000 });
    expect(await hitFor(OMAR).first().getByTestId('search-result-tag').allInnerTexts()).toContain(
      'wholesale',
    );
    await search('');
    await shows('the list back when the box is empty', [LENA, OMAR, IVAN]);
  });

  it('Given a word in a message above the newest page, When the manager chooses its hit, Then the conversation opens scrolled to that message, marked', async () => {
    await search('pomegranate');
    const hit = hitFor(LENA).and(manager.locator('[data-matched-in="message"]'));
    await hit.first().waitFor({ timeout: 20_000 });
    expect(await hit.first().locator('mark').first().innerText()).toMatch(/pomegranate/i);
    await hit.first().click();
    const marked = manager.locator('[data-testid="timeline-item"][data-highlighted="true"]');
    await marked.waitFor({ timeout: 20_000 });
    expect(await marked.innerText()).toContain('pomegranate juice');
    await waitUntil('the hit scrolled into view', async () =>
      (await manager.evaluate(HIGHLIGHT_IN_VIEW)) === true ? true : undefined,
    );
    expect(new URL(manager.url()).searchParams.get('chat')).toBe(f.conversationId(LENA));
    await search('');
  });

  it('Given a conversation longer than a page, When the manager scrolls up, Then the older pages load above', async () => {
    await chatItem(OMAR).click();
    await chatItem(LENA).click();
    const timeline = manager.getByTestId('timeline');
    await timeline.getByText('Message number 69 from Lena').waitFor();
    const first = timeline.getByText('Message number 0 from Lena');
    expect(await first.count()).toBe(0);
    await timeline.hover();
    await waitUntil('the first message after scrolling up', async () => {
      if ((await first.count()) > 0) return true;
      await manager.mouse.wheel(0, -2_000);
      return undefined;
    });
  });

  it('Given the list, When the manager pins one chat and archives another, Then the pin shows and the archived chat is found under the toggle', async () => {
    await chatItem(LENA).click();
    await manager.getByTestId('chat-pin').click();
    await chatItem(LENA).getByTestId('chat-pinned').waitFor({ timeout: 20_000 });

    await chatItem(OMAR).click();
    await manager.getByTestId('chat-archive').click();
    await shows('Omar gone from the list', [LENA, IVAN]);
    await manager.getByTestId('chat-archived-toggle').check();
    await shows('Omar under the archive toggle', [OMAR]);
    expect(new URL(manager.url()).searchParams.get('archived')).toBe('true');
    await manager.getByTestId('chat-archived-toggle').uncheck();
    await shows('the list without Omar', [LENA, IVAN]);
  });

  it('Given a read chat, When the manager marks it unread, Then it shows unread in the list', async () => {
    const read = await api.request(
      'POST',
      `/api/chats/${encodeURIComponent(f.conversationId(IVAN))}/read`,
    );
    expect(read.status).toBe(202);
    await waitUntil('Ivan read', async () =>
      (await chatItem(IVAN).getAttribute('data-unread')) === null ? true : undefined,
    );
    await chatItem(IVAN).click();
    await manager.getByTestId('chat-mark-unread').click();
    await chatItem(IVAN).getByTestId('chat-marked-unread').waitFor({ timeout: 20_000 });
    expect(await chatItem(IVAN).getAttribute('data-unread')).toBe('true');
  });

  it('Given a filter, When the page reloads, Then the filter and its list are still there', async () => {
    await api.request('POST', `/api/chats/${encodeURIComponent(f.conversationId(LENA))}/read`);
    await waitUntil('Lena read', async () =>
      (await chatItem(LENA).getAttribute('data-unread')) === null ? true : undefined,
    );
    await openFilters();
    await manager.getByTestId('filter-unread').check();
    await shows('only the unread chat', [IVAN]);
    expect(new URL(manager.url()).searchParams.get('unread')).toBe('true');

    await manager.reload();
    await manager.getByTestId('chat-list').waitFor();
    await shows('still only the unread chat after the reload', [IVAN]);
    await openFilters();
    expect(await manager.getByTestId('filter-unread').isChecked()).toBe(true);
    await manager.getByTestId('filter-unread').uncheck();
    await shows('every chat again', [LENA, IVAN]);
  });

  it('Given a filter, When the manager saves it as a view, Then it is offered beside the built-in views, shows the filter again and can be deleted', async () => {
    const select = manager.getByTestId('chat-view-select');
    expect(await select.locator('option[value="mine"]').innerText()).toBe('Mine');
    await openFilters();
    await manager.getByTestId('filter-unread').check();
    await shows('only the unread chat', [IVAN]);
    await manager.getByTestId('chat-view-save').click();
    await manager.getByTestId('chat-view-name').fill('Waiting for us');
    await manager.getByTestId('chat-view-save-confirm').click();
    await manager.getByTestId('chat-view-delete').waitFor();
    const saved = await select.inputValue();
    expect(await select.locator(`option[value="${saved}"]`).innerText()).toBe('Waiting for us');

    await manager.getByTestId('filter-unread').uncheck();
    await shows('every chat without the filter', [LENA, IVAN]);
    expect(await select.inputValue()).toBe('');
    await select.selectOption(saved);
    await shows('the saved view’s chats', [IVAN]);
    expect(await manager.getByTestId('filter-unread').isChecked()).toBe(true);

    await manager.getByTestId('chat-view-delete').click();
    await waitUntil('the view deleted', async () =>
      (await select.locator(`option[value="${saved}"]`).count()) === 0 ? true : undefined,
    );
    await manager.getByTestId('filter-unread').uncheck();
    await shows('every chat again', [LENA, IVAN]);
  });

  it('Given a client the manager ignores, Then the chat leaves All and is under Ignored', async () => {
    await chatItem(IVAN).click();
    await manager.getByTestId('chat-ignore').click();
    await shows('Ivan gone from All', [LENA]);
    await manager.getByTestId('chat-tab-ignored').click();
    await shows('Ivan under Ignored', [IVAN]);
    expect(Number(await manager.getByTestId('chat-tab-count-ignored').innerText())).toBe(1);
    expect(await manager.getByTestId('chat-ignore').getAttribute('aria-pressed')).toBe('true');
    await manager.getByTestId('chat-tab-all').click();
  });
});

describe('a workspace of 10,000 chats in the browser (npm start, Chromium)', () => {
  const CHATS = 10_000;
  const BOT_ID = '4242';
  const workspaceId = `e2e-scale-${randomBytes(4).toString('hex')}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-chat-scale-'));
  let parley: StandaloneParley;
  let browser: Browser;

  /**
   * A conversation that started and got one client message, straight into the event store the
   * process rebuilds its read models from at boot: 10,000 chats without 10,000 webhooks. The
   * relay's checkpoint is put after them, as if their reactions (contacts, robots) had long
   * run: the boot projects them into the read models and nothing else acts on them.
   */
  const seedChats = async () => {
    const db = await openPglite(path.join(dataDir, 'eventstore'));
    const store = await createPgliteEventStore({ pglite: db });
    const start = Date.UTC(2026, 10, 1);
    let last = 0n;
    for (let i = 0; i < CHATS; i++) {
      const chatId = String(900_000 + i);
      const conversationId = telegramConversationId(workspaceId, BOT_ID, Number(chatId));
      const at = new Date(start + i * 60_000).toISOString();
      const metadata = (key: string, schemaVersion: number) => {
        const eventId = deterministicId('scale', workspaceId, i, key);
        return {
          eventId,
          workspaceId,
          aggregateId: conversationId,
          occurredAt: at,
          schemaVersion,
          correlationId: eventId,
          causationId: null,
          actor: { kind: 'client' as const, id: `tg:${chatId}` },
        };
      };
      const started: ConversationStarted = {
        type: 'Conversation.Started',
        data: {
          conversationId,
          source: { channel: 'telegram', botId: BOT_ID, chatId },
          client: {
            externalId: chatId,
            username: null,
            firstName: `Client ${i}`,
            lastName: null,
            languageCode: 'en',
          },
          startedAt: at,
        },
        metadata: metadata('started', 1),
      };
      const received: ClientMessageReceived = {
        type: 'Conversation.ClientMessageReceived',
        data: {
          conversationId,
          messageId: deterministicId('scale-message', workspaceId, i),
          externalMessageId: '1',
          content: { kind: 'text', text: `Hello from client ${i}` },
          sentAt: at,
          clientOrder: 1,
          placedAt: at,
        },
        metadata: metadata('message', CLIENT_MESSAGE_RECEIVED_SCHEMA_VERSION),
      };
      const appended = await store.append(
        streamName('conversation', conversationId),
        [started, received],
        { expected: 'no_stream' },
      );
      last = appended.positions.at(-1)?.position ?? last;
    }
    await new SqlCheckpointStore(db, DEFAULT_SCHEMA).save('relay', last);
    await store.close();
    await db.close();
  };

  beforeAll(async () => {
    requireBuiltWebApp();
    await seedChats();
    parley = await startStandaloneParley('chat-scale-browser', {
      WORKSPACE_ID: workspaceId,
      PARLEY_DATA_DIR: dataDir,
    });
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await parley?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('Given 10,000 chats, When the manager scrolls the list, Then pages load until the oldest chat is shown', async () => {
    const manager = await signInInBrowser(browser, parley.baseUrl, parley.f.manager);
    await waitUntil(
      'the tab count of 10,000',
      async () =>
        (await manager.getByTestId('chat-tab-count-all').innerText()) === String(CHATS)
          ? true
          : undefined,
      60_000,
    );
    const newest = telegramConversationId(workspaceId, BOT_ID, 900_000 + CHATS - 1);
    const oldest = telegramConversationId(workspaceId, BOT_ID, 900_000);
    await manager.locator(`[data-testid="chat-item"][data-conversation-id="${newest}"]`).waitFor();
    const list = manager.getByTestId('chat-list');
    const scroller = list.locator('[data-virtuoso-scroller]');
    const last = manager.locator(`[data-testid="chat-item"][data-conversation-id="${oldest}"]`);
    // Scrolled as a manager would. Chat n was seeded n minutes after the first, so row k of
    // the list (newest first) must be chat 9,999 - k: every row seen on the way is checked, so
    // a page that skipped or repeated a chat shifts the rows after it and is caught.
    const chatAtRow = (row: number) =>
      telegramConversationId(workspaceId, BOT_ID, 900_000 + CHATS - 1 - row);
    const misplaced: string[] = [];
    let rowsSeen = 0;
    let mostRendered = 0;
    const checkRows = async () => {
      const rows = await list
        .locator('li[data-index]')
        .evaluateAll((items) =>
          items.map(
            (i) =>
              [
                Number(i.getAttribute('data-index')),
                i
                  .querySelector('[data-testid="chat-item"]')
                  ?.getAttribute('data-conversation-id') ?? '',
              ] as const,
          ),
        );
      for (const [row, id] of rows) {
        if (id !== chatAtRow(row)) misplaced.push(`row ${row}: ${id}`);
        rowsSeen = Math.max(rowsSeen, row + 1);
      }
      mostRendered = Math.max(mostRendered, rows.length);
    };
    await scroller.hover();
    await waitUntil(
      'the oldest chat after scrolling to the end',
      async () => {
        await checkRows();
        if ((await last.count()) > 0 && (await list.getAttribute('data-has-more')) === 'false')
          return true;
        await manager.mouse.wheel(0, 2_000);
        return undefined;
      },
      300_000,
      10,
    );
    await checkRows();
    expect(misplaced).toEqual([]);
    // The oldest chat is the list's 10,000th row, and the last; only a window of rows was ever
    // in the page.
    expect(await last.locator('xpath=..').getAttribute('data-index')).toBe(String(CHATS - 1));
    expect(rowsSeen).toBe(CHATS);
    expect(mostRendered).toBeLessThan(200);
  }, 420_000);
});
