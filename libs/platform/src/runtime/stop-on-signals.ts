/**
 * Graceful shutdown for a process: on SIGINT/SIGTERM run `stop` once (finish the message in
 * hand, close connections), then exit 0; a second signal or a failing stop exits 1.
 * Returns a function to register what must be stopped, in reverse order of start.
 */
export const stopOnSignals = (
  name: string,
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
) => {
  const stops: (() => Promise<void>)[] = [];
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      log(`${name}: ${signal} again, exiting now`);
      process.exit(1);
    }
    stopping = true;
    log(`${name}: ${signal}, shutting down`);
    try {
      for (const s of [...stops].reverse()) await s();
      process.exit(0);
    } catch (e) {
      log(`${name}: shutdown failed: ${(e as Error).stack ?? String(e)}`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  return {
    onStop: (fn: () => Promise<void>) => stops.push(fn),
    get stopping() {
      return stopping;
    },
  };
};
