import { spawnSync } from 'node:child_process';
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { reportSkip } from '@parley/test-infra';
import { describeEventStoreContract } from '../testing';
import { createEventStoreDbEventStore } from './eventstoredb-event-store';

const IMAGE = process.env['EVENTSTORE_IMAGE'] ?? 'eventstore/eventstore:24.10';
const CONTAINER_TIMEOUT_MS = 180_000;

type Target =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'docker' }
  | { readonly kind: 'none' };

/**
 * Whether a container engine answers. Jest registers suites synchronously, so the async
 * testcontainers probe runs in a short-lived child process with a hard timeout.
 */
const dockerAnswers = (): boolean => {
  const testcontainers = JSON.stringify(require.resolve('testcontainers'));
  const probe = `require(${testcontainers}).getContainerRuntimeClient().then(() => process.exit(0), () => process.exit(1));`;
  try {
    const result = spawnSync(process.execPath, ['-e', probe], { timeout: 15_000, stdio: 'ignore' });
    return result.status === 0;
  } catch {
    return false;
  }
};

const target = ((): Target => {
  const url = process.env['EVENTSTORE_URL'];
  if (url) return { kind: 'url', url };
  return dockerAnswers() ? { kind: 'docker' } : { kind: 'none' };
})();

if (target.kind === 'none') {
  reportSkip('eventstoredb: skipped (no server: set EVENTSTORE_URL or run Docker)');
}

(target.kind === 'none' ? describe.skip : describe)('EventStoreDB adapter', () => {
  let container: StartedTestContainer | undefined;
  let connectionString: string;

  beforeAll(async () => {
    if (target.kind === 'url') {
      connectionString = target.url;
      return;
    }
    container = await new GenericContainer(IMAGE)
      .withEnvironment({
        EVENTSTORE_INSECURE: 'true',
        EVENTSTORE_MEM_DB: 'true',
        EVENTSTORE_RUN_PROJECTIONS: 'None',
        EVENTSTORE_CLUSTER_SIZE: '1',
      })
      .withExposedPorts(2113)
      .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
      .withStartupTimeout(CONTAINER_TIMEOUT_MS)
      .start();
    connectionString = `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
  }, CONTAINER_TIMEOUT_MS);

  afterAll(async () => {
    await container?.stop();
  }, CONTAINER_TIMEOUT_MS);

  // One server for the suite: every test works in streams of its own context.
  describeEventStoreContract('EventStoreDB', async () => {
    const store = await createEventStoreDbEventStore({ connectionString });
    return { store, cleanup: () => store.close() };
  });
});
