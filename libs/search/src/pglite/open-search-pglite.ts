import { Module } from 'node:module';
import type { PGlite, PGliteOptions } from '@electric-sql/pglite';
import { WORD_SIMILARITY_THRESHOLD } from '../sql/search-schema';

/**
 * Load a module through Node's own loader, as the event store's openPglite does: PGlite's
 * CommonJS build (and its contrib extensions) load WASM and bundles with dynamic `import()` and
 * `__filename`, which Jest's module sandbox refuses or rewrites.
 */
const nodeRequire = <T>(id: string): T => new Module(__filename).require(require.resolve(id)) as T;

/**
 * Open (creating if needed) a PGlite database with the search extensions, pg_trgm and unaccent,
 * in `dataDir`, or in memory when omitted; its session finds misspelt names at the search's
 * similarity threshold.
 */
export const openSearchPglite = async (dataDir?: string): Promise<PGlite> => {
  const pglite = nodeRequire<{ PGlite: typeof PGlite }>('@electric-sql/pglite');
  const { pg_trgm } = nodeRequire<{ pg_trgm: NonNullable<PGliteOptions['extensions']>[string] }>(
    '@electric-sql/pglite/contrib/pg_trgm',
  );
  const { unaccent } = nodeRequire<{
    unaccent: NonNullable<PGliteOptions['extensions']>[string];
  }>('@electric-sql/pglite/contrib/unaccent');
  const db = await pglite.PGlite.create(dataDir, { extensions: { pg_trgm, unaccent } });
  await setSimilarityThreshold(db);
  return db;
};

/** PGlite is one session: set once, it holds for every query. */
export const setSimilarityThreshold = async (db: PGlite): Promise<void> => {
  await db.query(`SET pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`);
};
