import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

export interface ServiceProcess {
  readonly child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Resolves when a line matching `pattern` has been printed. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (or signal name) once the process ended. */
  exited: Promise<number | string>;
}

/**
 * Node's profiling options when PARLEY_CPU_PROF_DIR is set (in the environment given or this
 * one): a V8 CPU profile of the process written there when it exits, as tools/start-services
 * does for each service (`node` refuses `--cpu-prof` in NODE_OPTIONS).
 */
const profilingArgs = (entry: string, env: Record<string, string>): string[] => {
  const dir = env['PARLEY_CPU_PROF_DIR'] ?? process.env['PARLEY_CPU_PROF_DIR'];
  if (!dir) return [];
  const name = path.basename(path.dirname(path.dirname(entry))) || 'process';
  return [
    '--cpu-prof',
    `--cpu-prof-dir=${path.resolve(dir)}`,
    `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`,
  ];
};

/**
 * Run an app's main.ts as its own OS process (TypeScript through @swc-node/register, as
 * `npm start` does), with the given environment added to this one. With PARLEY_CPU_PROF_DIR,
 * it writes a CPU profile there when it exits.
 */
export const startServiceProcess = (
  entry: string,
  env: Record<string, string>,
  args: readonly string[] = [],
): ServiceProcess => {
  const nodeArgs = [...profilingArgs(entry, env), '-r', '@swc-node/register'];
  const child = spawn(process.execPath, [...nodeArgs, entry, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return {
    child,
    output: () => output,
    exited,
    waitForOutput: (pattern, timeoutMs = 30_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pattern.test(output)) {
            cleanup();
            resolve();
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${pattern} in output of ${entry}:\n${output}`));
        }, timeoutMs);
        const onExit = () => {
          cleanup();
          reject(new Error(`${entry} exited before printing ${pattern}:\n${output}`));
        };
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off('exit', onExit);
        };
        listeners.add(check);
        child.once('exit', onExit);
        check();
      }),
  };
};
