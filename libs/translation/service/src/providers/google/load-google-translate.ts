import { Module } from 'node:module';
import path from 'node:path';
import type { util } from '@google-cloud/common';
import type { v2 } from '@google-cloud/translate';

/** What the adapter uses of the library, loaded once. */
export interface GoogleTranslateLibrary {
  readonly Translate: typeof v2.Translate;
  /** `@google-cloud/common`'s helpers, the copy the v2 client itself uses. */
  readonly util: typeof util;
}

let loaded: GoogleTranslateLibrary | undefined;

/**
 * Load `@google-cloud/translate`'s v2 client through Node's own module loader, as
 * `libs/eventstore/src/pglite/open-pglite.ts` does for PGlite.
 *
 * Its HTTP layer (teeny-request 10) loads node-fetch 3 with a dynamic `import()`, which Jest's
 * module sandbox refuses unless Node runs with --experimental-vm-modules, so under Jest every
 * request would fail before leaving the process. A Module created here requires through Node's
 * loader even under Jest; outside Jest this is exactly what `require` does.
 */
export const loadGoogleTranslate = (): GoogleTranslateLibrary => {
  if (loaded) return loaded;
  const loader = new Module(__filename);
  const translateEntry = require.resolve('@google-cloud/translate');
  const translate = loader.require(translateEntry) as { v2: { Translate: typeof v2.Translate } };
  const commonEntry = require.resolve('@google-cloud/common', {
    paths: [path.dirname(translateEntry)],
  });
  const common = loader.require(commonEntry) as { util: typeof util };
  loaded = { Translate: translate.v2.Translate, util: common.util };
  return loaded;
};
