import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Measuring and printing for the benchmarks: one Measurement per variant (ours or the
 * baseline), printed as a table with the ratio ours/baseline underneath.
 */

/** What one variant did: `ops` operations in `totalMs`, optional per-operation latencies. */
export interface Measurement {
  readonly label: string;
  readonly ops: number;
  readonly totalMs: number;
  /** Latency of each operation in ms; omitted where one operation has no meaningful latency. */
  readonly latenciesMs?: readonly number[];
  readonly rssDeltaBytes: number;
  readonly heapDeltaBytes: number;
}

export interface Comparison {
  /** e.g. "event-store-append / PostgreSQL". */
  readonly title: string;
  /** One line on what was done, e.g. "2000 single-event appends to 200 streams, one at a time". */
  readonly work: string;
  readonly ours: Measurement;
  readonly baseline: Measurement;
}

/** The full collection of the V8 heap, reachable without --expose-gc on the command line. */
const collectGarbage: () => void = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

const settle = async (): Promise<void> => {
  collectGarbage();
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
};

/** Handed to the measured work: `time` times one operation, `record` takes a latency measured elsewhere. */
export interface Recorder {
  time<T>(operation: () => Promise<T>): Promise<T>;
  record(latencyMs: number): void;
}

/** A Recorder that records nothing (for warm-ups). */
export const unrecorded: Recorder = { time: (operation) => operation(), record: () => undefined };

/**
 * Run `work` once, measuring its wall time, the latency of every operation it wraps in
 * `recorder.time`, and the RSS and heap growth from a collected heap before to the end (the
 * heap after work is read without collecting, so it includes what the work left to collect).
 */
export const measure = async (
  label: string,
  ops: number,
  work: (recorder: Recorder) => Promise<void>,
  { latencies = true }: { readonly latencies?: boolean } = {},
): Promise<Measurement> => {
  const latenciesMs: number[] = [];
  const recorder: Recorder = {
    time: async (operation) => {
      const start = performance.now();
      const result = await operation();
      latenciesMs.push(performance.now() - start);
      return result;
    },
    record: (latencyMs) => {
      latenciesMs.push(latencyMs);
    },
  };
  await settle();
  const before = process.memoryUsage();
  const start = performance.now();
  await work(recorder);
  const totalMs = performance.now() - start;
  const after = process.memoryUsage();
  return {
    label,
    ops,
    totalMs,
    latenciesMs: latencies ? latenciesMs : undefined,
    rssDeltaBytes: after.rss - before.rss,
    heapDeltaBytes: after.heapUsed - before.heapUsed,
  };
};

/** Nearest-rank percentile of `values` (p in 0..100). */
export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
};

const opsPerSecond = (m: Measurement): number => m.ops / (m.totalMs / 1000);

const fmtNumber = (value: number, digits: number): string =>
  Number.isFinite(value)
    ? value.toLocaleString('en-US', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      })
    : '-';

const fmtMb = (bytes: number): string => {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 0 ? '+' : ''}${mb.toFixed(1)}`;
};

const fmtRatio = (ratio: number): string => {
  if (!Number.isFinite(ratio)) return '-';
  return `${ratio < 0.1 ? ratio.toPrecision(2) : ratio.toFixed(2)}x`;
};

const columns = [
  { title: 'variant', width: 44, left: true },
  { title: 'ops', width: 7 },
  { title: 'total ms', width: 10 },
  { title: 'ops/s', width: 11 },
  { title: 'p50 ms', width: 9 },
  { title: 'p99 ms', width: 9 },
  { title: 'ΔRSS MB', width: 9 },
  { title: 'Δheap MB', width: 9 },
] as const;

const row = (cells: readonly string[]): string =>
  cells
    .map((cell, i) => {
      const column = columns[i];
      if (!column) return cell;
      return 'left' in column ? cell.padEnd(column.width) : cell.padStart(column.width);
    })
    .join(' ');

const measurementRow = (prefix: string, m: Measurement): string => {
  const lat = m.latenciesMs;
  return row([
    `${prefix} ${m.label}`,
    String(m.ops),
    fmtNumber(m.totalMs, 0),
    fmtNumber(opsPerSecond(m), 0),
    lat ? fmtNumber(percentile(lat, 50), 3) : '-',
    lat ? fmtNumber(percentile(lat, 99), 3) : '-',
    fmtMb(m.rssDeltaBytes),
    fmtMb(m.heapDeltaBytes),
  ]);
};

/** ours/baseline of throughput (below 1: ours is slower) and of the latency percentiles. */
export const ratios = (
  c: Comparison,
): { readonly throughput: number; readonly p50: number; readonly p99: number } => {
  const ours = c.ours.latenciesMs;
  const base = c.baseline.latenciesMs;
  return {
    throughput: opsPerSecond(c.ours) / opsPerSecond(c.baseline),
    p50: ours && base ? percentile(ours, 50) / percentile(base, 50) : Number.NaN,
    p99: ours && base ? percentile(ours, 99) / percentile(base, 99) : Number.NaN,
  };
};

const ratioLine = (c: Comparison): string => {
  const r = ratios(c);
  const slower =
    r.throughput < 1
      ? ` (ours takes ${fmtRatio(1 / r.throughput)} the baseline's time)`
      : ` (ours is ${fmtRatio(r.throughput)} the baseline's speed)`;
  const latency = Number.isFinite(r.p50)
    ? `; latency ours/baseline p50 ${fmtRatio(r.p50)}, p99 ${fmtRatio(r.p99)}`
    : '';
  return `  ratio ours/baseline: ops/s ${fmtRatio(r.throughput)}${slower}${latency}`;
};

export const printComparison = (c: Comparison): void => {
  const lines = [
    '',
    `${c.title}: ${c.work}`,
    `  ${row(columns.map((col) => col.title))}`,
    `  ${measurementRow('ours', c.ours)}`,
    `  ${measurementRow('base', c.baseline)}`,
    ratioLine(c),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
};

export const printHeader = (mode: string): void => {
  const cpu = cpus();
  process.stdout.write(
    `Parley benchmarks (${mode}) on Node ${process.version}, ${cpu.length} x ${cpu[0]?.model ?? 'cpu'}, ` +
      `${(totalmem() / 1024 ** 3).toFixed(0)} GB, ${new Date().toISOString()}\n`,
  );
};

export const printSummary = (
  all: readonly Comparison[],
  skipped: readonly string[],
  extra: readonly string[] = [],
): void => {
  const lines = ['', 'Summary: ours/baseline (ops/s below 1 means ours is slower)'];
  for (const c of all) {
    const r = ratios(c);
    const latency = Number.isFinite(r.p50) ? `   p50 ${fmtRatio(r.p50).padStart(8)}` : '';
    lines.push(`  ${c.title.padEnd(44)} ops/s ${fmtRatio(r.throughput).padStart(8)}${latency}`);
  }
  for (const line of extra) lines.push(`  ${line}`);
  for (const s of skipped) lines.push(`  skipped: ${s}`);
  process.stdout.write(`${lines.join('\n')}\n`);
};

/** Progress on stderr, so stdout holds only the figures. */
export const progress = (message: string): void => {
  process.stderr.write(`bench: ${message}\n`);
};

export interface BenchOptions {
  /** Smaller N, for a first look or a check that everything runs. */
  readonly quick: boolean;
}

/** What one benchmark file reports: its comparisons, and the parts it could not run and why. */
export interface BenchOutcome {
  readonly comparisons: Comparison[];
  readonly skipped: string[];
  /** Lines for the summary, from benchmarks that print their own tables (inbound). */
  readonly summary?: string[];
}

export const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
