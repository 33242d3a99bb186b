import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';

describe('gateway serves the web app', () => {
  const webDir = mkdtempSync(path.join(tmpdir(), 'parley-web-'));
  let built: TestGateway;
  let notBuilt: TestGateway;

  beforeAll(async () => {
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Parley app</title>');
    writeFileSync(path.join(webDir, 'app.js'), 'console.log("parley");');
    [built, notBuilt] = await Promise.all([
      startTestGateway({ configure: { webDir } }),
      startTestGateway({ configure: { webDir: path.join(webDir, 'missing') } }),
    ]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([built?.close(), notBuilt?.close()]);
    rmSync(webDir, { recursive: true, force: true });
  });

  it('given a built web app, then its files are served as they are', async () => {
    const response = await fetch(`${built.url}/app.js`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log("parley");');
  });

  it('given a built web app, then / and client-side routes answer index.html', async () => {
    for (const route of ['/', '/chats/ws1:tg:1:1', '/settings']) {
      const response = await fetch(`${built.url}${route}`);
      expect({ route, status: response.status }).toEqual({ route, status: 200 });
      expect(await response.text()).toContain('<title>Parley app</title>');
    }
  });

  it('given a built web app, then the API and health are not answered with index.html', async () => {
    expect((await built.call('/api/nothing-here')).status).toBe(404);
    expect((await built.call('/api/me')).status).toBe(401);
    const health = await fetch(`${built.url}/health`);
    expect(health.headers.get('content-type')).toMatch(/json/);
  });

  it('given no build, then / says how to build the web app', async () => {
    const response = await fetch(`${notBuilt.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/html/);
    expect(await response.text()).toContain('npm run build:web');
  });
});
