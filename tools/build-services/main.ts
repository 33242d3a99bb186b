import path from 'node:path';
import { buildServices, DEFAULT_OUT_DIR, REPO_ROOT } from './build-services';

/**
 * `npm run build:services [-- --out-dir <dir>]`: the services compiled to JavaScript, by default
 * in dist/node (see build-services.ts).
 */
const outDirArg = (argv: readonly string[]): string => {
  const i = argv.indexOf('--out-dir');
  if (i < 0) return DEFAULT_OUT_DIR;
  const dir = argv[i + 1];
  if (!dir) throw new Error('--out-dir needs a directory');
  return path.resolve(dir);
};

buildServices(outDirArg(process.argv.slice(2)))
  .then(({ outDir, files, ms }) => {
    process.stdout.write(
      `build:services: ${files} files in ${ms} ms to ${path.relative(REPO_ROOT, outDir) || '.'}\n`,
    );
  })
  .catch((e: unknown) => {
    process.stderr.write(`build:services failed: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  });
