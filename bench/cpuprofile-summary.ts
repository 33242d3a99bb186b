import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Summarises V8 CPU profiles (`node --cpu-prof`, e.g. from start-services with
 * PARLEY_CPU_PROF_DIR): per profile, where the samples went by package (self time), and the top
 * functions by self and by total time (a function counted once per sample however deep it
 * recurses). Times are sampled wall time on the profiled thread; "(idle)" is the event loop
 * waiting.
 *
 *   node -r @swc-node/register bench/cpuprofile-summary.ts <dir or .cpuprofile>... [--top N]
 *        [--from S] (skip the first S seconds of each profile: boot)
 *        [--last S] (only the last S seconds: the load just before the services were stopped)
 */

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const root = path.resolve(__dirname, '..');

/** Where a frame's code lives: a package, one of our libs/apps, node internals, or V8's own. */
const packageOf = (frame: CallFrame): string => {
  const url = frame.url;
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (url.startsWith('node:')) return 'node:internals';
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = file.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? file);
  }
  // Compiled services (npm run build:services) run from dist/node/<same path>.js.
  const rel = path.relative(root, file).replace(/^dist\/node\//, '');
  const parts = rel.split(path.sep);
  if (parts[0] === 'libs' || parts[0] === 'apps') return `${parts[0]}/${parts[1]}`;
  return rel.startsWith('..') ? file : rel;
};

const frameName = (frame: CallFrame): string => {
  const file = frame.url ? path.relative(root, frame.url.replace(/^file:\/\//, '')) : '';
  const where = file ? ` ${file.replace(/^.*node_modules\//, '~/')}:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'}${where}`;
};

const pct = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)}%`;

export const summarise = (
  file: string,
  top: number,
  fromSeconds: number,
  lastSeconds = 0,
): string[] => {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let busy = 0;
  let all = 0;
  let t = profile.startTime;
  const skipUntil = Math.max(
    profile.startTime + fromSeconds * 1e6,
    lastSeconds > 0 ? profile.endTime - lastSeconds * 1e6 : 0,
  );
  for (let i = 0; i < profile.samples.length; i += 1) {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (t < skipUntil) continue;
    const leaf = byId.get(profile.samples[i] ?? -1);
    if (!leaf) continue;
    all += dt;
    const leafName = frameName(leaf.callFrame);
    self.set(leafName, (self.get(leafName) ?? 0) + dt);
    const pkg = packageOf(leaf.callFrame);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + dt);
    if (leaf.callFrame.functionName === '(idle)') continue;
    busy += dt;
    const seen = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id);
      if (!node || node.callFrame.functionName === '(root)') continue;
      const name = frameName(node.callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + dt);
    }
  }
  const ms = (us: number) => `${(us / 1000).toFixed(0)} ms`;
  const ranked = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  const lines = [
    `${path.basename(file)}: ${ms(all)} sampled${fromSeconds ? ` (after the first ${fromSeconds} s)` : ''}${lastSeconds ? ` (the last ${lastSeconds} s)` : ''}, busy ${ms(busy)} (${pct(busy, all)}), idle ${pct(all - busy, all)}`,
    '  self time by package (% of busy):',
  ];
  for (const [pkg, us] of ranked(byPackage)
    .filter(([p]) => p !== '(idle)')
    .slice(0, top))
    lines.push(`    ${pct(us, busy).padStart(6)}  ${pkg}`);
  lines.push('  top self time (% of busy):');
  for (const [name, us] of ranked(self)
    .filter(([n]) => !n.startsWith('(idle)'))
    .slice(0, top))
    lines.push(`    ${pct(us, busy).padStart(6)}  ${name}`);
  lines.push('  top total time (% of busy), below the event loop:');
  for (const [name, us] of ranked(total)
    .filter(([n]) => !/^\((program|garbage collector)\)/.test(n))
    .slice(0, top))
    lines.push(`    ${pct(us, busy).padStart(6)}  ${name}`);
  return lines;
};

const main = (): void => {
  const args = process.argv.slice(2);
  let top = 15;
  let from = 0;
  let last = 0;
  const files: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--top') top = Number(args[++i]);
    else if (arg === '--from') from = Number(args[++i]);
    else if (arg === '--last') last = Number(args[++i]);
    else if (statSync(arg).isDirectory())
      files.push(
        ...readdirSync(arg)
          .filter((f) => f.endsWith('.cpuprofile'))
          .sort()
          .map((f) => path.join(arg, f)),
      );
    else files.push(arg);
  }
  for (const file of files)
    process.stdout.write(`${summarise(file, top, from, last).join('\n')}\n\n`);
};

if (require.main === module) main();
