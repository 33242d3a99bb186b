import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// Lints fixture text as if it were a file inside a project, with the real ESLint CLI, the
// repository's eslint.config.mjs and the Nx project graph: the architecture rules must fire
// (docs/style.md 5). ESLint runs as its own process because Jest's VM cannot load an ES module config.
const root = path.resolve(__dirname, '..');

// The Nx rule silently skips itself when no project graph is cached: compute it first.
beforeAll(() => {
  const graph = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false' },
    },
  );
  if (graph.status !== 0) throw new Error(`nx show projects failed: ${graph.stderr}`);
}, 60_000);

const lintAs = async (filePath: string, code: string): Promise<string[]> => {
  const run = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/eslint/bin/eslint.js'),
      '--stdin',
      '--stdin-filename',
      filePath,
      '--format',
      'json',
    ],
    { cwd: root, input: code, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } },
  );
  if (run.status !== 0 && run.status !== 1) throw new Error(`eslint failed: ${run.stderr}`);
  if (run.stderr.includes('No cached ProjectGraph'))
    throw new Error('module boundaries were skipped');
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
};

describe('module boundaries', () => {
  it('a domain file that imports @nestjs/common fails lint', async () => {
    const code = readFileSync(
      path.join(__dirname, 'lint-fixtures/domain-imports-nestjs.ts.txt'),
      'utf8',
    );
    const messages = await lintAs('libs/decider/src/conversation-policy.ts', code);
    expect(messages).toEqual([
      expect.stringMatching(/^@nx\/enforce-module-boundaries: .*@nestjs\/common/),
    ]);
  });

  it.each(['kafkajs', 'pg', '@electric-sql/pglite', '@eventstore/db-client'])(
    'a domain file that imports %s fails lint',
    async (pkg) => {
      const messages = await lintAs(
        'libs/decider/src/leak.ts',
        `import * as driver from '${pkg}';\nexport const d = driver;\n`,
      );
      expect(messages).toEqual([expect.stringContaining('@nx/enforce-module-boundaries')]);
    },
  );

  it('a domain file may not import an adapter library', async () => {
    const messages = await lintAs(
      'libs/decider/src/leak.ts',
      `import type { EventStore } from '@parley/eventstore';\nexport type S = EventStore;\n`,
    );
    expect(messages).toEqual([expect.stringMatching(/enforce-module-boundaries: .*type:domain/)]);
  });

  it('the same import is fine in an adapter library', async () => {
    const code = readFileSync(
      path.join(__dirname, 'lint-fixtures/domain-imports-nestjs.ts.txt'),
      'utf8',
    );
    expect(await lintAs('libs/platform/src/conversation-policy.ts', code)).toEqual([]);
  });

  it('deep relative imports across projects are refused in favour of @parley aliases', async () => {
    const messages = await lintAs(
      'libs/relay/src/leak.ts',
      `import { EVENT_HEADERS } from '../../contracts/src';\nexport const h = EVENT_HEADERS;\n`,
    );
    expect(
      messages.some(
        (m) => m.includes('no-restricted-imports') || m.includes('enforce-module-boundaries'),
      ),
    ).toBe(true);
  });
});
