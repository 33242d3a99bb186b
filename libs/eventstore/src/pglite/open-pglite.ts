import { Module } from 'node:module';
import type { PGlite } from '@electric-sql/pglite';

/**
 * Load PGlite through Node's own module loader.
 *
 * PGlite's CommonJS build loads its WASM and Node built-ins with dynamic `import()`, which
 * Jest's module sandbox refuses unless Node runs with --experimental-vm-modules; and Jest
 * replaces `require` and `module.createRequire` with its own. A Module created here requires
 * through Node's loader even under Jest. Outside Jest this is exactly what `require` does.
 */
const loadPglite = (): typeof PGlite => {
  const loader = new Module(__filename);
  const pglite = loader.require(require.resolve('@electric-sql/pglite')) as {
    PGlite: typeof PGlite;
  };
  return pglite.PGlite;
};

/** Open (creating if needed) a PGlite database in `dataDir`, or in memory when omitted. */
export const openPglite = (dataDir?: string): Promise<PGlite> => loadPglite().create(dataDir);
