import { type logCreator, logLevel } from 'kafkajs';

const LEVEL_NAMES: Record<number, string> = {
  [logLevel.ERROR]: 'ERROR',
  [logLevel.WARN]: 'WARN',
  [logLevel.INFO]: 'INFO',
  [logLevel.DEBUG]: 'DEBUG',
};

/** Normal group life that kafkajs logs as an error (a heartbeat answered "rebalancing"). */
const isRebalanceNotice = (log: { message: string; error?: unknown }): boolean =>
  typeof log.error === 'string' && /rebalancing|rejoin is needed/i.test(log.error);

/**
 * One line per kafkajs log entry on stderr (kafkajs filters by level before calling it).
 * Rebalance notices are logged as the warnings they are.
 */
export const stderrLogCreator: logCreator =
  (configured) =>
  ({ namespace, level: reported, log }) => {
    const level = reported === logLevel.ERROR && isRebalanceNotice(log) ? logLevel.WARN : reported;
    if (level > configured) return;
    const { message, ...extra } = log;
    const details = Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra)}` : '';
    process.stderr.write(
      `[kafkajs ${LEVEL_NAMES[level] ?? level}] ${namespace}: ${message}${details}\n`,
    );
  };
