import { appendFileSync } from 'node:fs';

/**
 * Say plainly that an adapter's suite did not run, and why. The line goes to the console now
 * and to PARLEY_SKIP_LOG (when set), which the Jest skip reporter prints at the end of the run,
 * so a skip can never pass for a pass.
 */
export const reportSkip = (line: string): void => {
  process.stderr.write(`${line}\n`);
  const log = process.env['PARLEY_SKIP_LOG'];
  if (log) appendFileSync(log, `${line}\n`);
};
