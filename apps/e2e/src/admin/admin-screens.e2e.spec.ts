import type { Browser, Locator, Page } from 'playwright-core';
import type {
  ConversionKeyList,
  CrmSettingsView,
  Pipeline,
  TagCatalogue,
  TrackingLinkList,
} from '@parley/contracts';
import { launchChromium } from '../journey/browser';
import {
  requireBuiltWebApp,
  signInInBrowser,
  startStandaloneParley,
  type StandaloneParley,
} from '../journey/standalone-parley';
import type { JourneyFixture } from '../journey/journey-fixture';
import { ParleyApiClient } from '../journey/parley-api-client';

// Issue 10's admin screens in a real browser against `npm start`'s standalone: an admin opens
// Admin from the header and works the pipeline, the tag catalogue, tracking links, conversion
// keys and the registration-link template; the gateway's own reads confirm each change. A manager
// is never offered the admin screens.

describe('the admin screens in the browser (npm start, Chromium)', () => {
  let parley: StandaloneParley;
  let f: JourneyFixture;
  let browser: Browser;
  let baseUrl: string;
  let adminApi: ParleyApiClient;

  beforeAll(async () => {
    requireBuiltWebApp();
    parley = await startStandaloneParley('admin-screens');
    ({ f, baseUrl } = parley);
    browser = await launchChromium();
    adminApi = new ParleyApiClient(baseUrl);
    await adminApi.signIn(f.admin.email, f.admin.password);
  });

  afterAll(async () => {
    await browser?.close();
    await parley?.close();
  });

  const signIn = (who: { email: string; password: string }): Promise<Page> =>
    signInInBrowser(browser, baseUrl, who, { permissions: ['clipboard-read', 'clipboard-write'] });

  /** The admin signs in, opens Admin from the header, then the section's menu entry. */
  const openAdmin = async (section: string): Promise<Page> => {
    const page = await signIn(f.admin);
    await page.getByTestId('header-admin').click();
    await page.getByTestId('admin-screen').waitFor();
    await page.getByTestId(`admin-nav-${section}`).click();
    await page.locator(`[data-testid="admin-screen"][data-section="${section}"]`).waitFor();
    return page;
  };

  it('Given a manager, When they sign in, Then no Admin entry, and #/admin still shows the messenger', async () => {
    const manager = await signIn(f.manager);
    await manager.getByTestId('current-user').waitFor();
    expect(await manager.getByTestId('header-admin').count()).toBe(0);

    await manager.evaluate("window.location.hash = '#/admin/conversion-keys'");
    await afterTwoFrames(manager);
    expect(await manager.getByTestId('admin-screen').count()).toBe(0);
    expect(await manager.getByTestId('chat-list').isVisible()).toBe(true);
    await manager.context().close();
  });

  it('Given the admin on Pipeline, When they add, rename, move and retire a stage, Then the list and the pipeline follow', async () => {
    const page = await openAdmin('pipeline');
    const before = await adminApi.json<Pipeline>('/api/crm/pipeline');
    const liveBefore = before.stages.filter((s) => !s.retired).map((s) => s.stageId);
    await expectStageIds(page, liveBefore);

    // When the admin adds "Qualified",
    await page.getByTestId('admin-stage-new-name').fill('Qualified');
    await page.getByTestId('admin-stage-add').click();
    const row = stageRow(page, 'Qualified');
    await row.waitFor({ timeout: 20_000 });
    const stageId = (await row.getAttribute('data-stage-id'))!;
    // Then it is the last live stage.
    await expectStageIds(page, [...liveBefore, stageId]);

    // When a name another live stage has is typed, Then Add stays off with a hint.
    await page.getByTestId('admin-stage-new-name').fill('qualified');
    await expectText(page.getByTestId('admin-pipeline'), 'Another stage already has this name.');
    expect(await page.getByTestId('admin-stage-add').isDisabled()).toBe(true);
    await page.getByTestId('admin-stage-new-name').fill('');

    // When the admin renames it,
    const byId = page.locator(`[data-testid="admin-stage"][data-stage-id="${stageId}"]`);
    await byId.getByTestId('admin-stage-rename').click();
    await byId.getByTestId('admin-stage-rename-input').fill('Hot lead');
    await byId.getByTestId('admin-stage-rename-save').click();
    await expectText(byId.getByTestId('admin-stage-name'), 'Hot lead', 20_000);

    // When they move it up one place, Then it swaps with the stage above, in the pipeline too.
    await byId.getByTestId('admin-stage-up').click();
    const moved = [...liveBefore.slice(0, -1), stageId, liveBefore[liveBefore.length - 1]!];
    await expectStageIds(page, moved, 20_000);
    const afterMove = await adminApi.json<Pipeline>('/api/crm/pipeline');
    expect(afterMove.stages.filter((s) => !s.retired).map((s) => s.stageId)).toEqual(moved);
    expect(afterMove.stages.find((s) => s.stageId === stageId)?.name).toBe('Hot lead');

    // When they retire it (Retire, then Yes), Then it is listed apart as retired.
    await byId.getByTestId('admin-stage-retire').click();
    await byId.getByTestId('admin-stage-retire-confirm').click();
    await page
      .locator(`[data-testid="admin-retired-stage"][data-stage-id="${stageId}"]`)
      .waitFor({ timeout: 20_000 });
    await expectStageIds(page, liveBefore);
    expect(await page.getByTestId('admin-stage-error').count()).toBe(0);
    const afterRetire = await adminApi.json<Pipeline>('/api/crm/pipeline');
    expect(afterRetire.stages.find((s) => s.stageId === stageId)).toEqual({
      stageId,
      name: 'Hot lead',
      retired: true,
    });
    await page.context().close();
  });

  it('Given the admin on Tags, When they create a coloured tag, recolour it and delete it, Then the catalogue follows', async () => {
    const page = await openAdmin('tags');
    const tag = page.locator('[data-testid="admin-tag"][data-tag="Whale"]');

    // When the admin creates "Whale" in a chosen colour,
    await page.getByTestId('admin-tag-new-name').fill('Whale');
    await page.getByTestId('admin-tag-new-colour').fill('#aa3355');
    await page.getByTestId('admin-tag-create').click();
    await tag.waitFor({ timeout: 20_000 });
    await expectAttribute(tag, 'data-colour', '#aa3355');
    expect(await page.getByTestId('admin-tag-create-error').count()).toBe(0);

    // When they pick another colour and save it,
    await tag.getByTestId('admin-tag-colour').fill('#118844');
    await tag.getByTestId('admin-tag-colour-save').click();
    await expectAttribute(tag, 'data-colour', '#118844', 20_000);
    expect((await adminApi.json<TagCatalogue>('/api/crm/tags')).tags).toContainEqual({
      name: 'Whale',
      colour: '#118844',
    });

    // When they let managers create tags,
    expect(await page.getByTestId('admin-managers-create-tags').isChecked()).toBe(false);
    await page.getByTestId('admin-managers-create-tags').click();
    await expectChecked(page.getByTestId('admin-managers-create-tags'), true);
    expect((await adminApi.json<TagCatalogue>('/api/crm/tags')).managersCreateTags).toBe(true);

    // When they delete the tag (Delete, then Yes), Then it leaves the catalogue.
    await tag.getByTestId('admin-tag-delete').click();
    await tag.getByTestId('admin-tag-delete-confirm').click();
    await waitForCount(tag, 0, 20_000);
    expect(await page.getByTestId('admin-tag-error').count()).toBe(0);
    const catalogue = await adminApi.json<TagCatalogue>('/api/crm/tags');
    expect(catalogue.tags.map((t) => t.name)).not.toContain('Whale');
    await page.context().close();
  });

  it('Given the admin on Tracking links, When they create one, Then it is listed with 0 clients and its deep link copies', async () => {
    const page = await openAdmin('tracking-links');
    const key = 'fb_spring-2026';

    await page.getByTestId('admin-link-source').fill('facebook');
    await page.getByTestId('admin-link-campaign').fill('spring-sale');
    await page.getByTestId('admin-link-ad').fill('video 1');
    await page.getByTestId('admin-link-key').fill(key);
    await page.getByTestId('admin-link-create').click();

    const row = page.locator(`[data-testid="admin-link"][data-key="${key}"]`);
    await row.waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('admin-link-error').count()).toBe(0);
    await expectText(row.getByTestId('admin-link-clients'), '0');
    const listed = (await adminApi.json<TrackingLinkList>('/api/crm/tracking-links')).items.find(
      (item) => item.key === key,
    );
    expect(listed).toMatchObject({ source: 'facebook', campaign: 'spring-sale', clients: 0 });
    const deepLink = listed!.deepLink ?? `/start ${key}`;
    expect(await row.getByTestId('admin-link-deep-link').textContent()).toBe(deepLink);

    // When the admin copies the deep link, Then the button says so and the clipboard holds it.
    await row.getByTestId('admin-link-copy').click();
    await expectText(row.getByTestId('admin-link-copy'), 'Copied');
    expect(await readClipboard(page)).toBe(deepLink);

    // When another link is given the same key, Then the gateway's refusal shows beside the form.
    await page.getByTestId('admin-link-source').fill('google');
    await page.getByTestId('admin-link-key').fill(key);
    await page.getByTestId('admin-link-create').click();
    await expectText(page.getByTestId('admin-link-error'), 'already exists', 20_000);
    expect(await page.getByTestId('admin-link-key').inputValue()).toBe(key);
    expect(await page.locator('[data-testid="admin-link"]').count()).toBe(1);
    await page.context().close();
  });

  it('Given the admin on Conversion keys, When they create a key, Then its secret shows once; When they revoke it, Then it is listed as revoked', async () => {
    const page = await openAdmin('conversion-keys');

    await page.getByTestId('admin-key-label').fill('Casino backend');
    await page.getByTestId('admin-key-create').click();
    const panel = page.getByTestId('admin-key-secret-panel');
    await panel.waitFor({ timeout: 20_000 });
    await expectText(panel, 'it will not be shown again');
    const secret = (await page.getByTestId('admin-key-secret').textContent()) ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(16);
    await page.getByTestId('admin-key-secret-copy').click();
    await expectText(page.getByTestId('admin-key-secret-copy'), 'Copied');
    expect(await readClipboard(page)).toBe(secret);

    const keys = await adminApi.json<ConversionKeyList>('/api/crm/conversion-keys');
    const created = keys.items.find((k) => k.label === 'Casino backend');
    expect(created).toMatchObject({ revokedAt: null });
    expect(JSON.stringify(keys)).not.toContain(secret);
    const row = page.locator(`[data-testid="admin-key"][data-key-id="${created!.keyId}"]`);
    await row.waitFor({ timeout: 20_000 });

    // Once dismissed, the secret is gone from the page, and it is not back on another visit.
    await page.getByTestId('admin-key-secret-dismiss').click();
    await waitForCount(panel, 0);
    await page.getByTestId('admin-nav-pipeline').click();
    await page.getByTestId('admin-nav-conversion-keys').click();
    await row.waitFor({ timeout: 20_000 });
    expect(await page.content()).not.toContain(secret);

    // When the admin revokes it, a question first; Cancel keeps it,
    await row.getByTestId('admin-key-revoke').click();
    await row.getByTestId('admin-key-revoke-cancel').click();
    expect(await row.getByTestId('admin-key-revoke').isVisible()).toBe(true);
    // Yes revokes it.
    await row.getByTestId('admin-key-revoke').click();
    await row.getByTestId('admin-key-revoke-confirm').click();
    await page
      .locator(`[data-testid="admin-revoked-key"][data-key-id="${created!.keyId}"]`)
      .waitFor({ timeout: 20_000 });
    await waitForCount(row, 0);
    expect(await page.getByTestId('admin-key-revoke-error').count()).toBe(0);
    const after = await adminApi.json<ConversionKeyList>('/api/crm/conversion-keys');
    expect(after.items.find((k) => k.keyId === created!.keyId)?.revokedAt).not.toBeNull();
    await page.context().close();
  });

  it('Given the admin on Registration link, When they set a template, Then it needs {click_id} and the settings hold it', async () => {
    const page = await openAdmin('registration-link');
    const input = page.getByTestId('admin-registration-template');
    await expectAttribute(page.getByTestId('admin-registration-current'), 'data-template', '');

    // A template without {click_id} cannot be saved.
    await input.fill('https://casino.example/register');
    await expectText(page.getByTestId('admin-registration-link'), 'must contain {click_id}');
    expect(await page.getByTestId('admin-registration-save').isDisabled()).toBe(true);

    // With it, it saves, and the card's link will be built from it.
    const template = 'https://casino.example/register?cid={click_id}';
    await input.fill(template);
    await page.getByTestId('admin-registration-save').click();
    await page.getByTestId('admin-registration-saved').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('admin-registration-error').count()).toBe(0);
    await expectAttribute(
      page.getByTestId('admin-registration-current'),
      'data-template',
      template,
      20_000,
    );
    expect(
      (await adminApi.json<CrmSettingsView>('/api/crm/settings')).registrationLinkTemplate,
    ).toBe(template);

    // Back to the messenger from the header.
    await page.getByTestId('header-messenger').click();
    await page.getByTestId('chat-list').waitFor({ state: 'visible' });
    expect(await page.getByTestId('admin-screen').count()).toBe(0);
    await page.context().close();
  });
});

const stageRow = (page: Page, name: string): Locator =>
  page
    .getByTestId('admin-stage')
    .filter({ has: page.getByTestId('admin-stage-name').getByText(name, { exact: true }) });

// Run in the page (strings: this project's TypeScript has no DOM types).
/** Two animation frames: React has rendered whatever the last event changed. */
const afterTwoFrames = async (page: Page): Promise<void> => {
  await page.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
  );
};

const readClipboard = async (page: Page): Promise<string> =>
  String(await page.evaluate('navigator.clipboard.readText()'));

const poll = async <T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  describe: (value: T) => string,
  timeout: number,
): Promise<void> => {
  const deadline = Date.now() + timeout;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(describe(last));
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
};

const expectStageIds = (page: Page, expected: readonly string[], timeout = 15_000) =>
  poll(
    () =>
      page
        .getByTestId('admin-stage')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-stage-id'))),
    (ids) => JSON.stringify(ids) === JSON.stringify(expected),
    (ids) => `expected stages ${expected.join(', ')}, got ${ids.join(', ')}`,
    timeout,
  );

const expectText = (locator: Locator, expected: string, timeout = 15_000) =>
  poll(
    async () => (await locator.textContent({ timeout })) ?? '',
    (text) => text.includes(expected),
    (text) => `expected text "${expected}", got "${text}"`,
    timeout,
  );

const expectAttribute = (locator: Locator, name: string, expected: string, timeout = 15_000) =>
  poll(
    () => locator.getAttribute(name, { timeout }),
    (value) => value === expected,
    (value) => `expected ${name}="${expected}", got "${value}"`,
    timeout,
  );

const expectChecked = (locator: Locator, expected: boolean, timeout = 15_000) =>
  poll(
    () => locator.isChecked({ timeout }),
    (value) => value === expected,
    (value) => `expected checked=${expected}, got ${value}`,
    timeout,
  );

const waitForCount = (locator: Locator, expected: number, timeout = 15_000) =>
  poll(
    () => locator.count(),
    (count) => count === expected,
    (count) => `expected ${expected} matching elements, got ${count}`,
    timeout,
  );
