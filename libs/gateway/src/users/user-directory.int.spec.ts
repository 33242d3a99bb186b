import { encodePasswordHash, hashPassword } from './password-hash';
import { ADMIN, MANAGER, startTestGateway } from '../testing/test-gateway';

describe('the users a gateway starts with', () => {
  it('given no admin password and no stored hash, when the gateway starts, then it refuses, naming PARLEY_ADMIN_PASSWORD', async () => {
    await expect(startTestGateway({ env: { PARLEY_ADMIN_PASSWORD: '' } })).rejects.toThrow(
      /^PARLEY_ADMIN_PASSWORD: required/,
    );
  }, 60_000);

  it("given the admin's stored hash and no passwords, then the admin signs in with the stored one, and there is no manager", async () => {
    const stored = encodePasswordHash(await hashPassword('a-generated-password'));
    const gateway = await startTestGateway({
      env: { PARLEY_ADMIN_PASSWORD: '', PARLEY_MANAGER_PASSWORD: '' },
      module: { adminPasswordHash: stored },
    });
    try {
      const admin = await gateway.signIn({ email: ADMIN.email, password: 'a-generated-password' });
      expect(admin.user.role).toBe('admin');
      const manager = await gateway.call('/api/auth/login', { body: MANAGER });
      expect(manager.status).toBe(401);
    } finally {
      await gateway.close();
    }
  }, 60_000);

  it('given PARLEY_ADMIN_PASSWORD and a stored hash, then the variable wins', async () => {
    const stored = encodePasswordHash(await hashPassword('the-stored-password'));
    const gateway = await startTestGateway({ module: { adminPasswordHash: stored } });
    try {
      expect((await gateway.call('/api/auth/login', { body: ADMIN })).status).toBe(200);
      const withStored = { email: ADMIN.email, password: 'the-stored-password' };
      expect((await gateway.call('/api/auth/login', { body: withStored })).status).toBe(401);
    } finally {
      await gateway.close();
    }
  }, 60_000);
});
