import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeSearchIndexContract } from '../testing';
import { createPgliteSearchIndex } from './pglite-search-index';
import { openSearchPglite } from './open-search-pglite';

/** Starting PGlite takes seconds (initdb in WASM); reopening a data directory about one. */
const STARTUP_TIMEOUT_MS = 120_000;

describeSearchIndexContract('PGlite (in memory)', async () => {
  const index = await createPgliteSearchIndex();
  return { index, cleanup: () => index.close() };
});

describe('PGlite search index storage', () => {
  it(
    'given a file-backed index, when it is closed and reopened, then what it held is found again',
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'parley-search-'));
      const dataDir = path.join(dir, 'db');
      try {
        const first = await createPgliteSearchIndex({ dataDir });
        await first.apply([
          {
            kind: 'contact-profile',
            workspaceId: 'w',
            conversationId: 'c',
            position: '1',
            name: 'Ekaterina Smirnova',
          },
        ]);
        await first.close();

        const reopened = await createPgliteSearchIndex({ dataDir });
        try {
          // Misspelt: the similarity threshold holds in the reopened session too.
          const hits = await reopened.search('w', 'Smirnvoa', 5);
          expect(hits.map((h) => [h.conversationId, h.matchedIn])).toEqual([['c', 'name']]);
        } finally {
          await reopened.close();
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    STARTUP_TIMEOUT_MS,
  );

  it(
    'given a lent PGlite, when the index closes, then the PGlite stays open for its owner',
    async () => {
      const db = await openSearchPglite();
      try {
        const index = await createPgliteSearchIndex({ pglite: db, schema: 'lent' });
        await index.close();

        expect(db.closed).toBe(false);
      } finally {
        await db.close();
      }
    },
    STARTUP_TIMEOUT_MS,
  );
});
