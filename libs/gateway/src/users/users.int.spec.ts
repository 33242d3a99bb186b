import type { WorkspaceUserList } from '@parley/contracts';
import { ADMIN, MANAGER, startTestGateway, type TestGateway } from '../testing/test-gateway';

describe('gateway: GET /api/users, the workspace users for pickers', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  it('given a signed-in manager, when listing users, then the admin and the manager by name, with ids and roles only', async () => {
    const manager = await gateway.signIn(MANAGER);
    const admin = await gateway.signIn(ADMIN);

    const answer = await gateway.call('/api/users', { token: manager.accessToken });

    expect(answer.status).toBe(200);
    const expected: WorkspaceUserList = {
      users: [
        { id: admin.user.id, name: 'Admin', role: 'admin' },
        { id: manager.user.id, name: 'Manager', role: 'manager' },
      ],
    };
    expect(answer.body).toEqual(expected);
    expect(JSON.stringify(answer.body)).not.toContain('@parley.local');
  });

  it('given an admin, then the same list', async () => {
    const admin = await gateway.signIn(ADMIN);
    const answer = await gateway.call('/api/users', { token: admin.accessToken });
    expect(answer.status).toBe(200);
    expect((answer.body as WorkspaceUserList).users.map((user) => user.role)).toEqual([
      'admin',
      'manager',
    ]);
  });

  it('given no token or a bad one, then 401', async () => {
    for (const token of [undefined, 'garbage']) {
      const answer = await gateway.call('/api/users', { token });
      expect({ token, status: answer.status }).toEqual({ token, status: 401 });
    }
  });
});

describe('gateway: GET /api/users without a manager configured', () => {
  it('given only the admin, then the list holds only the admin', async () => {
    const gateway = await startTestGateway({ env: { PARLEY_MANAGER_PASSWORD: '' } });
    try {
      const admin = await gateway.signIn(ADMIN);
      const answer = await gateway.call('/api/users', { token: admin.accessToken });
      expect(answer).toMatchObject({
        status: 200,
        body: { users: [{ id: admin.user.id, name: 'Admin', role: 'admin' }] },
      });
    } finally {
      await gateway.close();
    }
  }, 60_000);
});
