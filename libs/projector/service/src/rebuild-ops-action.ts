import type { EventStore } from '@parley/eventstore';
import type { HealthOpsAction } from '@parley/platform';
import type { ReadStore } from '@parley/read-store';
import { rebuildReadModelOnline, RebuildRefused } from './online-rebuild';

/**
 * `POST /ops/rebuild/<read model>` on the ops port (HEALTH_PORT) of a process whose read models
 * live in its own memory (`npm start`, a gateway without READ_STORE_URL): the same online rebuild
 * as `npm run rebuild`, run where the read models are; `npm run rebuild -- <read model> --ops
 * <url>` calls it. 200 with the report when it has switched, 400 for an unknown read model, 409
 * while one is running. `store` is the process's read store as it made it (not the versioned view).
 */
export const rebuildOpsAction = (events: EventStore, store: ReadStore): HealthOpsAction => ({
  path: '/ops/rebuild/',
  run: async (readModel) => {
    try {
      return { status: 200, body: await rebuildReadModelOnline(events, store, readModel) };
    } catch (error) {
      if (!(error instanceof RebuildRefused)) throw error;
      return {
        status: error.reason === 'unknown_read_model' ? 400 : 409,
        body: { error: error.message, reason: error.reason },
      };
    }
  },
});
