import { transformFile, type Options } from '@swc/core';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

/**
 * `npm run build:services`: every non-spec `.ts` of libs/* and apps/* (but apps/web, built by
 * Vite, and apps/e2e, only tests) compiled by @swc/core to `<outDir>/<same path>.js` with a
 * source map beside it, so `node dist/node/apps/<name>/src/main.js` runs a service without
 * loading a compiler at boot.
 *
 * The `@parley/*` aliases of tsconfig.base.json are resolved at build time: swc's `jsc.paths`
 * rewrites `require("@parley/config")` to `require("../../../libs/config/src")`, relative to the
 * file. The output mirrors the source tree, so the relative path holds in `outDir` too, and the
 * compiled code needs no resolver registered at run time (nor a `tsconfig-paths` dependency).
 */

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const DEFAULT_OUT_DIR = path.join(REPO_ROOT, 'dist/node');
/** Written last by a build; its mtime is when that build started reading sources. */
export const STAMP_FILE = '.build-stamp';

/** The apps that are not Node services: the browser app and the end-to-end tests. */
const SKIPPED_APPS = new Set(['web', 'e2e']);

const walk = (dir: string, into: string[]): string[] => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') walk(full, into);
    } else if (
      entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.spec.ts') &&
      !entry.name.endsWith('.d.ts')
    ) {
      into.push(full);
    }
  }
  return into;
};

/** The sources a build compiles, absolute paths, sorted. */
export const serviceSources = (root: string = REPO_ROOT): string[] => {
  const files: string[] = [];
  walk(path.join(root, 'libs'), files);
  for (const app of readdirSync(path.join(root, 'apps'), { withFileTypes: true })) {
    if (app.isDirectory() && !SKIPPED_APPS.has(app.name))
      walk(path.join(root, 'apps', app.name), files);
  }
  return files.sort();
};

/** Everything whose change calls for a rebuild: the sources, the aliases and this script. */
const buildInputs = (root: string): string[] => [
  ...serviceSources(root),
  path.join(root, 'tsconfig.base.json'),
  __filename,
];

/** True when `outDir` has no finished build or a source changed after that build started. */
export const isBuildStale = (
  outDir: string = DEFAULT_OUT_DIR,
  root: string = REPO_ROOT,
): boolean => {
  const stamp = path.join(outDir, STAMP_FILE);
  if (!existsSync(stamp)) return true;
  const builtAt = statSync(stamp).mtimeMs;
  return buildInputs(root).some((file) => !existsSync(file) || statSync(file).mtimeMs > builtAt);
};

const swcOptions = (root: string, paths: Record<string, string[]>): Options => ({
  swcrc: false,
  configFile: false,
  sourceMaps: true,
  inlineSourcesContent: false,
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    // NestJS reads constructor parameter types from the emitted design:paramtypes metadata.
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
    baseUrl: root,
    paths,
  },
  module: { type: 'commonjs' },
});

/**
 * Writes through a temporary file and a rename, and leaves an identical file alone, so a
 * process that loads modules while another build writes never reads half a file (the e2e
 * suites start several start:services in parallel, each building when the output is stale).
 */
const writeAtomically = (file: string, content: string): void => {
  if (existsSync(file) && readFileSync(file, 'utf8') === content) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
};

export interface BuildResult {
  readonly outDir: string;
  readonly files: number;
  readonly ms: number;
}

/** Compiles the services into `outDir` (default dist/node). Stale outputs of deleted sources stay. */
export const buildServices = async (
  outDir: string = DEFAULT_OUT_DIR,
  root: string = REPO_ROOT,
): Promise<BuildResult> => {
  const startedAt = new Date();
  const out = path.resolve(outDir);
  const tsconfig = JSON.parse(readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  const options = swcOptions(root, tsconfig.compilerOptions.paths);
  const sources = serviceSources(root);
  await Promise.all(
    sources.map(async (source) => {
      const target = path.join(out, path.relative(root, source)).replace(/\.ts$/, '.js');
      const mapName = `${path.basename(target)}.map`;
      const { code, map } = await transformFile(source, {
        ...options,
        sourceFileName: path.relative(path.dirname(target), source),
      });
      writeAtomically(target, `${code}\n//# sourceMappingURL=${mapName}\n`);
      if (map) writeAtomically(`${target}.map`, map);
    }),
  );
  const stamp = path.join(out, STAMP_FILE);
  writeAtomically(stamp, `${sources.length} files\n`);
  utimesSync(stamp, startedAt, startedAt);
  return { outDir: out, files: sources.length, ms: Date.now() - startedAt.getTime() };
};

/** Builds unless `outDir` already holds a build newer than every source. */
export const ensureServicesBuilt = async (
  outDir: string = DEFAULT_OUT_DIR,
  root: string = REPO_ROOT,
): Promise<BuildResult | undefined> =>
  isBuildStale(outDir, root) ? buildServices(outDir, root) : undefined;
