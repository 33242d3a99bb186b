import { chatViewsId, streamName } from '@parley/contracts';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';

type Issues = { issues: { field: string; reason: string }[] };

/**
 * POST /api/chat-views declares `filters` as one object. class-validator used to take a list
 * there (it walked `[]` as no filters and `[{...}]` as a list of them) and the view was saved.
 */
describe('gateway: a saved view whose filters are a list (validation hole)', () => {
  let gateway: TestGateway;
  let manager: { token: string; id: string };

  beforeAll(async () => {
    gateway = await startTestGateway();
    const signedIn = await gateway.signIn();
    manager = { token: signedIn.accessToken, id: signedIn.user.id };
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  const save = (body: unknown) =>
    gateway.call('/api/chat-views', { token: manager.token, method: 'POST', body });
  const stored = async () =>
    gateway.store.readStream(streamName('gateway', chatViewsId('ws1', manager.id)));

  it('when filters is [] or [{...valid}], then 400 naming filters, and nothing is stored', async () => {
    for (const filters of [[], [{ tags: ['vip'], unread: true }]]) {
      const { status, body } = await save({ name: 'Listed', filters });
      expect({ filters, status }).toEqual({ filters, status: 400 });
      expect((body as Issues).issues).toContainEqual({
        field: 'filters',
        reason: 'filters must be a single object, not a list',
      });
    }
    expect(await stored()).toEqual([]);
  });

  it('when the same filters come as one object, then 201 and the view is stored', async () => {
    const { status } = await save({ name: 'Listed', filters: { tags: ['vip'], unread: true } });
    expect(status).toBe(201);
    expect((await stored()).map((r) => r.event.data)).toEqual([
      expect.objectContaining({ name: 'Listed', filters: { tags: ['vip'], unread: true } }),
    ]);
  });
});
