import { connect } from 'node:net';

const reachable = (broker: string, timeoutMs: number): Promise<boolean> =>
  new Promise((resolve) => {
    const [host, port] = [
      broker.slice(0, broker.lastIndexOf(':')),
      broker.slice(broker.lastIndexOf(':') + 1),
    ];
    const socket = connect({ host, port: Number(port) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

/** Fail loudly (never skip silently) when the local Kafka broker is not running. */
export const assertKafkaReachable = async (brokers: readonly string[], timeoutMs = 3_000) => {
  const results = await Promise.all(brokers.map((b) => reachable(b, timeoutMs)));
  if (results.some((ok) => ok)) return;
  throw new Error(
    `Kafka is not reachable at ${brokers.join(',')}: start it with \`npm run infra:up\` ` +
      `(CI always starts it), or set PARLEY_SKIP_KAFKA=1 to skip the Kafka suites.`,
  );
};
