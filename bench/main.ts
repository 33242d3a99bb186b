import 'reflect-metadata';
import { busPublish } from './bus-publish.bench';
import { embeddedChatList } from './embedded-chat-list.bench';
import { eventStoreAppend } from './event-store-append.bench';
import { inboundPath } from './inbound-path.bench';
import { readStoreChatList } from './read-store-chat-list.bench';
import { searchAtScale } from './search-at-scale.bench';
import { validation } from './validation.bench';
import { workspaceAtScale } from './workspace-at-scale.bench';
import {
  printComparison,
  printHeader,
  printSummary,
  reasonOf,
  type BenchOptions,
  type BenchOutcome,
  type Comparison,
} from './report';

/**
 * `npm run bench [-- --only <name>] [-- --quick]`: each benchmark runs our adapter and the raw
 * engine doing the same work, in this run, and prints both with the ratio ours/baseline.
 * See bench/README.md.
 */

const benchmarks: Readonly<Record<string, (options: BenchOptions) => Promise<BenchOutcome>>> = {
  'event-store-append': eventStoreAppend,
  'bus-publish': busPublish,
  'read-store-chat-list': readStoreChatList,
  'embedded-chat-list': embeddedChatList,
  inbound: inboundPath,
  'workspace-at-scale': workspaceAtScale,
  validation,
  'search-at-scale': searchAtScale,
};

const usage = `usage: node -r @swc-node/register bench/main.ts [--only <name>] [--quick]
  names: ${Object.keys(benchmarks).join(', ')}`;

const parseArgs = (argv: readonly string[]): { only?: string; quick: boolean } => {
  let only: string | undefined;
  let quick = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--only') {
      only = argv[i + 1];
      i += 1;
      if (only === undefined || !(only in benchmarks)) {
        throw new Error(`--only needs one of: ${Object.keys(benchmarks).join(', ')}`);
      }
    } else if (arg?.startsWith('--only=')) {
      only = arg.slice('--only='.length);
      if (!(only in benchmarks)) {
        throw new Error(`--only needs one of: ${Object.keys(benchmarks).join(', ')}`);
      }
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  return { only, quick };
};

const main = async (): Promise<void> => {
  let args: { only?: string; quick: boolean };
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${reasonOf(error)}\n${usage}\n`);
    process.exit(64);
  }
  printHeader(args.quick ? 'quick' : 'default');
  const all: Comparison[] = [];
  const skipped: string[] = [];
  const summary: string[] = [];
  for (const [name, run] of Object.entries(benchmarks)) {
    if (args.only !== undefined && args.only !== name) continue;
    const outcome = await run({ quick: args.quick });
    for (const comparison of outcome.comparisons) {
      printComparison(comparison);
      all.push(comparison);
    }
    skipped.push(...outcome.skipped);
    summary.push(...(outcome.summary ?? []));
  }
  printSummary(all, skipped, summary);
};

main().then(
  // Drivers may keep timers or sockets a moment after close; the figures are printed.
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
