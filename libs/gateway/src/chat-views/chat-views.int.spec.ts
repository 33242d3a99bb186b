import { chatViewsId, streamName, type ChatView } from '@parley/contracts';
import { ADMIN, startTestGateway, type TestGateway } from '../testing/test-gateway';

type Views = { items: ChatView[] };
type Issues = { issues: { field: string; reason: string }[] };

const BUILT_INS = [
  {
    viewId: 'mine',
    name: 'Mine',
    builtIn: true,
    tab: 'all',
    archived: false,
    filters: { manager: 'me' },
  },
  {
    viewId: 'unassigned',
    name: 'Unassigned',
    builtIn: true,
    tab: 'all',
    archived: false,
    filters: { manager: 'none' },
  },
  {
    viewId: 'line-2',
    name: 'Line 2',
    builtIn: true,
    tab: 'all',
    archived: false,
    filters: { line: 2 },
  },
];

describe('gateway: saved views of the chat list (issue 11)', () => {
  let gateway: TestGateway;
  let manager: { token: string; id: string };
  let admin: { token: string; id: string };

  beforeAll(async () => {
    gateway = await startTestGateway();
    const m = await gateway.signIn();
    const a = await gateway.signIn(ADMIN);
    manager = { token: m.accessToken, id: m.user.id };
    admin = { token: a.accessToken, id: a.user.id };
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  const views = async (who: { token: string }) => {
    const { status, body } = await gateway.call('/api/chat-views', { token: who.token });
    expect(status).toBe(200);
    return (body as Views).items;
  };
  const save = (who: { token: string }, body: unknown) =>
    gateway.call('/api/chat-views', { token: who.token, method: 'POST', body });
  const remove = (who: { token: string }, viewId: string) =>
    gateway.call(`/api/chat-views/${encodeURIComponent(viewId)}`, {
      token: who.token,
      method: 'DELETE',
    });

  it('given a new user, then the built-in views, mine, unassigned and line 2', async () => {
    expect(await views(manager)).toEqual(BUILT_INS);
  });

  it('when a user saves a view, then 201 with it, it follows the built-ins, and is stored on their stream', async () => {
    const { status, body } = await save(manager, {
      name: '  VIP waiting  ',
      tab: 'pinned',
      filters: { tags: ['vip'], tagsMode: 'all', unread: true, line: 2, from: '2026-11-01' },
    });
    expect(status).toBe(201);
    const view = body as ChatView;
    expect(view).toEqual({
      viewId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'VIP waiting',
      builtIn: false,
      tab: 'pinned',
      archived: false,
      filters: { tags: ['vip'], tagsMode: 'all', unread: true, line: 2, from: '2026-11-01' },
    });
    expect(await views(manager)).toEqual([...BUILT_INS, view]);
    expect(await views(admin)).toEqual(BUILT_INS);

    const stream = await gateway.store.readStream(
      streamName('gateway', chatViewsId('ws1', manager.id)),
    );
    expect(stream.map((r) => [r.event.type, r.event.metadata.actor])).toEqual([
      ['Gateway.ChatViewSaved', { kind: 'manager', id: manager.id }],
    ]);
  });

  it('when a view is saved with bad fields, then 400 naming each, nested filters included', async () => {
    const cases: [unknown, string][] = [
      [{ name: '', filters: {} }, 'name'],
      [{ name: 'x'.repeat(61), filters: {} }, 'name'],
      [{ name: 'Views', tab: 'mine', filters: {} }, 'tab'],
      [{ name: 'Views' }, 'filters'],
      [{ name: 'Views', filters: { line: 3 } }, 'filters.line'],
      [{ name: 'Views', filters: { status: ['new_message', 'closed'] } }, 'filters.status'],
      [{ name: 'Views', filters: { from: 'yesterday' } }, 'filters.from'],
      [{ name: 'Views', filters: { colour: 'red' } }, 'filters.colour'],
    ];
    for (const [body, field] of cases) {
      const response = await save(manager, body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect((response.body as Issues).issues.map((i) => i.field)).toContain(field);
    }
  });

  it("given a name the user already has (any case) or a built-in's, then 409 view.name_taken", async () => {
    await save(manager, { name: 'Hot', filters: { tags: ['hot'] } });
    for (const name of ['hot', 'MINE']) {
      const { status, body } = await save(manager, { name, filters: {} });
      expect(status).toBe(409);
      expect(body).toMatchObject({ code: 'view.name_taken' });
    }
    expect((await save(admin, { name: 'Hot', filters: {} })).status).toBe(201);
  });

  it('when a user deletes their view, then 204 and it is gone; a built-in 409, unknown or another user’s 404', async () => {
    const hot = (await views(manager)).find((v) => v.name === 'Hot')!;
    const adminHot = (await views(admin)).find((v) => v.name === 'Hot')!;

    expect((await remove(manager, adminHot.viewId)).status).toBe(404);
    expect((await remove(manager, 'no-such-view')).status).toBe(404);
    const builtIn = await remove(manager, 'mine');
    expect(builtIn.status).toBe(409);
    expect(builtIn.body).toMatchObject({ code: 'view.built_in' });

    expect((await remove(manager, hot.viewId)).status).toBe(204);
    expect((await views(manager)).map((v) => v.name)).toEqual([
      'Mine',
      'Unassigned',
      'Line 2',
      'VIP waiting',
    ]);
    expect((await remove(manager, hot.viewId)).status).toBe(404);
    expect((await views(admin)).map((v) => v.name)).toContain('Hot');
  });

  it('given 50 views of their own, then the 51st is refused with 409 view.limit_reached', async () => {
    const own = (await views(admin)).filter((v) => !v.builtIn).length;
    for (let n = own; n < 50; n++) {
      expect((await save(admin, { name: `View ${n}`, filters: {} })).status).toBe(201);
    }
    const { status, body } = await save(admin, { name: 'One too many', filters: {} });
    expect(status).toBe(409);
    expect(body).toMatchObject({ code: 'view.limit_reached' });
    expect((await views(admin)).length).toBe(3 + 50);
  }, 60_000);

  it('without a token, then 401', async () => {
    expect((await gateway.call('/api/chat-views')).status).toBe(401);
  });
});
